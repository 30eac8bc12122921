package io.github.devopsassess.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds {@code <output>/.lock} while an assessment writes its outputs, so that two runs on the same project (a CI
 * retry, {@code mvn -T}, two shells) take turns instead of interleaving a site's folder swap or a report's rename.
 * The operating system releases the lock when a process dies, so an interrupted run never blocks the next one.
 */
public final class OutputLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other run, in this or another process, writes into {@code outputDir}. */
    public static OutputLock acquire(Path outputDir) throws IOException {
        Files.createDirectories(outputDir);
        FileChannel channel = FileChannel.open(outputDir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            while (true) {
                try {
                    return new OutputLock(channel, channel.lock());
                } catch (OverlappingFileLockException sameProcess) {
                    // File locks belong to the process: another thread of this JVM holds it, so wait for it here.
                    Thread.sleep(50);
                }
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + outputDir.resolve(".lock"));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
