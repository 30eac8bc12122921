package io.github.devopsassess.source;

import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.MinedCommit;
import io.github.devopsassess.mask.SecretMask;
import io.github.devopsassess.output.AtomicFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The on-disk cache of per-commit facts, keyed by commit id, so that the next run mines only new commits.
 *
 * <p>Format (version {@value #VERSION}): the magic bytes {@code DVOPSHC\n}, the format version, the fingerprint of the
 * mining options, a table of strings (ids, names, paths are stored once), the commits, and a SHA-256 of everything
 * before it. A file whose magic, version, fingerprint or checksum does not match is reported and rebuilt, never
 * trusted. Files are replaced through a temporary sibling and an atomic rename, so concurrent runs never see half a
 * file; the last writer wins, and both writers wrote complete files.
 *
 * <p>Commits are stored with the identity recorded in the commit (before {@code .mailmap}), so that editing the
 * mailmap needs no re-mining.
 */
public final class HistoryCache {

    static final int VERSION = 2; // 2: commit subjects are stored with secret values masked
    private static final byte[] MAGIC = "DVOPSHC\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LENGTH = 32;
    private static final int NONE = -1;

    /**
     * @param commits cached commits by id (empty when the file was missing or unusable)
     * @param problem why an existing file was not used, or {@code null}
     */
    public record Loaded(Map<String, MinedCommit> commits, String problem) {
    }

    private HistoryCache() {
    }

    /**
     * The cache file for one repository and one set of mining options: the name hashes both, so that two projects
     * sharing a cache folder never read each other's files.
     */
    public static Path fileFor(Path folder, String repositoryIdentity, String fingerprint) {
        return folder.resolve("history-" + sha256Hex(repositoryIdentity + "\n" + fingerprint).substring(0, 16)
                + ".bin");
    }

    public static Loaded read(Path file, String fingerprint) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(Map.of(), null);
        } catch (IOException e) {
            return new Loaded(Map.of(), "cannot read " + file.getFileName() + " (" + e.getMessage() + ")");
        }
        String problem = verify(bytes);
        if (problem != null) {
            return new Loaded(Map.of(), file.getFileName() + " " + problem + "; rebuilding it");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length + 4,
                bytes.length - MAGIC.length - 4 - DIGEST_LENGTH))) {
            String stored = in.readUTF();
            if (!stored.equals(fingerprint)) {
                return new Loaded(Map.of(), file.getFileName() + " was written with other options (" + stored
                        + "); rebuilding it");
            }
            String[] strings = new String[in.readInt()];
            for (int i = 0; i < strings.length; i++) {
                byte[] s = new byte[in.readInt()];
                in.readFully(s);
                strings[i] = new String(s, StandardCharsets.UTF_8);
            }
            int count = in.readInt();
            Map<String, MinedCommit> commits = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                MinedCommit c = readCommit(in, strings);
                commits.put(c.id(), c);
            }
            return new Loaded(commits, null);
        } catch (IOException | RuntimeException e) {
            // the checksum matched, so this is a file of another writer's bug; still never trust it
            return new Loaded(Map.of(), file.getFileName() + " is unreadable (" + e + "); rebuilding it");
        }
    }

    /** Null when magic, version and checksum are right, else what is wrong. */
    private static String verify(byte[] bytes) {
        if (bytes.length < MAGIC.length + 4 + DIGEST_LENGTH
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return "is not a history cache";
        }
        int version = ((bytes[MAGIC.length] & 0xff) << 24) | ((bytes[MAGIC.length + 1] & 0xff) << 16)
                | ((bytes[MAGIC.length + 2] & 0xff) << 8) | (bytes[MAGIC.length + 3] & 0xff);
        if (version != VERSION) {
            return "has format version " + version + ", this plugin reads " + VERSION;
        }
        byte[] digest = sha256(bytes, 0, bytes.length - DIGEST_LENGTH);
        if (!Arrays.equals(digest, 0, DIGEST_LENGTH, bytes, bytes.length - DIGEST_LENGTH, bytes.length)) {
            return "is corrupt (checksum mismatch)";
        }
        return null;
    }

    public static void write(Path file, String fingerprint, Collection<MinedCommit> commits) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        List<String> strings = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(1024, commits.size() * 256));
        DataOutputStream out = new DataOutputStream(body);
        out.writeInt(commits.size());
        for (MinedCommit c : commits) {
            writeCommit(out, c, index, strings);
        }
        out.flush();

        ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + strings.size() * 24 + 256);
        DataOutputStream head = new DataOutputStream(all);
        head.write(MAGIC);
        head.writeInt(VERSION);
        head.writeUTF(fingerprint);
        head.writeInt(strings.size());
        for (String s : strings) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head.writeInt(b.length);
            head.write(b);
        }
        body.writeTo(head);
        head.flush();
        byte[] bytes = all.toByteArray();
        all.write(sha256(bytes, 0, bytes.length));

        AtomicFiles.write(file, all.toByteArray());
    }

    private static void writeCommit(DataOutputStream out, MinedCommit c, Map<String, Integer> index,
            List<String> strings) throws IOException {
        out.writeInt(ref(c.id(), index, strings));
        out.writeInt(ref(c.authorName(), index, strings));
        out.writeInt(ref(c.authorEmail(), index, strings));
        out.writeLong(c.authorTime());
        out.writeLong(c.commitTime());
        out.writeInt(c.parents());
        // a commit message can quote a credential: the cache keeps the subject with secret values masked
        out.writeInt(ref(SecretMask.text(c.subject()), index, strings));
        out.writeInt(c.trailers().size());
        for (String t : c.trailers()) {
            out.writeInt(ref(t, index, strings));
        }
        out.writeInt(c.files().size());
        for (FileTouch f : c.files()) {
            out.writeInt(ref(f.path(), index, strings));
            out.writeInt(ref(f.oldPath(), index, strings));
            out.writeChar(f.kind());
            out.writeInt(f.added());
            out.writeInt(f.removed());
        }
        out.writeInt(ref(c.reverts(), index, strings));
    }

    private static MinedCommit readCommit(DataInputStream in, String[] strings) throws IOException {
        String id = str(in, strings);
        String name = str(in, strings);
        String email = str(in, strings);
        long authorTime = in.readLong();
        long commitTime = in.readLong();
        int parents = in.readInt();
        String subject = str(in, strings);
        int trailerCount = in.readInt();
        List<String> trailers = new ArrayList<>(trailerCount);
        for (int i = 0; i < trailerCount; i++) {
            trailers.add(str(in, strings));
        }
        int fileCount = in.readInt();
        List<FileTouch> files = new ArrayList<>(fileCount);
        for (int i = 0; i < fileCount; i++) {
            files.add(new FileTouch(str(in, strings), str(in, strings), in.readChar(), in.readInt(), in.readInt()));
        }
        String reverts = str(in, strings);
        if (id == null) {
            throw new IOException("a cached commit has no id");
        }
        return new MinedCommit(id, name, email, authorTime, commitTime, parents, subject, trailers, files, reverts);
    }

    private static int ref(String s, Map<String, Integer> index, List<String> strings) {
        if (s == null) {
            return NONE;
        }
        return index.computeIfAbsent(s, k -> {
            strings.add(k);
            return strings.size() - 1;
        });
    }

    private static String str(DataInputStream in, String[] strings) throws IOException {
        int i = in.readInt();
        if (i == NONE) {
            return null;
        }
        if (i < 0 || i >= strings.length) {
            throw new IOException("string reference " + i + " out of range");
        }
        return strings[i];
    }

    private static byte[] sha256(byte[] bytes, int from, int to) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(bytes, from, to - from);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String sha256Hex(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(sha256(b, 0, b.length));
    }
}
