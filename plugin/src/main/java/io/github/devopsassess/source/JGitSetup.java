package io.github.devopsassess.source;

import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;

/**
 * Process-wide JGit settings, installed once before the first repository is opened. JGit's pack window cache is
 * global to the JVM, so it is configured here once rather than by every mining run (a reconfiguration would flush
 * the cache under a concurrent {@code -T} build).
 */
public final class JGitSetup {

    private JGitSetup() {
    }

    /** Installs the settings on first call; later calls do nothing (class initialisation runs exactly once). */
    public static void installOnce() {
        Installed.touch();
    }

    private static final class Installed {
        static {
            WindowCacheConfig config = new WindowCacheConfig();
            // Larger windows and delta base cache than JGit's defaults: history mining reads every tree of every
            // commit, and trees delta against each other; resident memory still follows -Xmx.
            config.setPackedGitLimit(256L * 1024 * 1024);
            config.setPackedGitWindowSize(64 * 1024);
            config.setDeltaBaseCacheLimit(64 * 1024 * 1024);
            config.setStreamFileThreshold(16 * 1024 * 1024);
            config.install();
            // On a fresh CI home JGit would otherwise spend seconds measuring the file system's timestamp resolution.
            FS.FileStoreAttributes.setBackground(true);
        }

        static void touch() {
            // forces class initialisation
        }
    }
}
