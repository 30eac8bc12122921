package io.github.devopsassess.engine;

import io.github.devopsassess.facts.Pseudonyms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The secret key of pseudonyms when the user chose none ({@code devops.pseudonymKey}): generated once from
 * {@link java.security.SecureRandom} and kept beside the history cache in {@value #FILE}, so that pseudonyms stay the
 * same from run to run on one machine (or on CI runners that keep the cache) while the key is never published with the
 * site. Without a cache folder the key lasts one run.
 */
final class PseudonymKey {

    /** The file, in the history cache folder, that keeps the key as 64 hex digits. */
    static final String FILE = "pseudonym.key";

    private PseudonymKey() {
    }

    /**
     * The chosen pseudonyms, else those of the key kept in {@code cacheFolder}, created when there is none yet.
     *
     * @param warn told when the kept key cannot be read or written; pseudonyms then last this run only
     */
    static Pseudonyms resolve(Pseudonyms given, Path cacheFolder, Consumer<String> warn) {
        if (given.chosen() || cacheFolder == null) {
            return given;
        }
        Path file = cacheFolder.resolve(FILE);
        try {
            return Pseudonyms.keyed(read(file));
        } catch (NoSuchFileException absent) {
            return create(file, warn);
        } catch (IOException | IllegalArgumentException e) {
            warn.accept(file + ":1: the pseudonym key is not readable (" + e.getMessage() + "); a new key is made and"
                    + " every pseudonym changes. Keep the cache folder, or set devops.pseudonymKey, for stable"
                    + " pseudonyms.");
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                return given; // create() below would fail too: keep this run's key
            }
            return create(file, warn);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!text.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expected 64 hex digits");
        }
        return HexFormat.of().parseHex(text);
    }

    /**
     * Writes a new key beside the cache; when another build running at the same time (a reactor under {@code -T})
     * wrote one first, that one is used, so both share it.
     */
    private static Pseudonyms create(Path file, Consumer<String> warn) {
        byte[] key = Pseudonyms.newKey();
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try {
                ownerOnly(temp);
                Files.writeString(temp, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
                publish(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return Pseudonyms.keyed(key);
        } catch (FileAlreadyExistsException raced) {
            try {
                return Pseudonyms.keyed(read(file));
            } catch (IOException | IllegalArgumentException e) {
                warn.accept(file + ":1: the pseudonym key is not readable (" + e.getMessage() + "); pseudonyms of"
                        + " this run are not comparable with other runs.");
                return Pseudonyms.keyed(key);
            }
        } catch (IOException e) {
            warn.accept(file + ": the pseudonym key cannot be kept (" + e.getMessage() + "); pseudonyms of this run"
                    + " are not comparable with other runs. Set devops.pseudonymKey for stable pseudonyms.");
            return Pseudonyms.keyed(key);
        }
    }

    /**
     * Makes the complete file appear under its name at once, never over another one: a hard link fails when the name
     * exists (a rename would replace it on POSIX systems); where links are not supported, a plain move.
     */
    private static void publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException exists) {
            throw exists;
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            Files.move(temp, file);
        }
    }

    /** The key is a secret: only its owner may read it, where the file system knows owners. */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the folder's access list
        }
    }
}
