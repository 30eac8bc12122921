package io.github.devopsassess.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a file through a temporary sibling and a rename, so a reader never sees half of it. Files and folders are
 * created with the process's umask, as any other build output ({@code Files.createTempFile} would make them 0600 and
 * {@code createTempDirectory} 0700, unreadable to a web server or a CI artifact step running as another user).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = null;
        try {
            OutputStream out = null;
            while (out == null) {
                temp = dir.resolve("." + file.getFileName() + "." + randomSuffix() + ".tmp");
                try {
                    out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    temp = null; // another writer's name; draw again
                }
            }
            try (OutputStream o = out) {
                o.write(content);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * A new, empty folder under {@code parent} whose name starts with {@code prefix}, created with the umask's
     * permissions (unlike {@link Files#createTempDirectory(Path, String, java.nio.file.attribute.FileAttribute...)}).
     */
    public static Path createTempDirectory(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        while (true) {
            Path dir = parent.resolve(prefix + randomSuffix());
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException taken) {
                // draw again
            }
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
