package io.github.devopsassess.scan.history;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of history mining and history analyses.
 *
 * @param lineCounts when lines added and removed are mined: {@code AUTO} only when an enabled check needs them
 * @param cacheFolder folder of the per-commit facts cache, or {@code null} for no cache
 * @param threads mining workers; 0 chooses by cores and history size
 * @param releaseTags glob over tag names that mark releases (deployments), {@code v*} by default
 * @param identitiesFile path, relative to the assessed folder, of a YAML file mapping each person to aliases, or
 *     {@code null}
 * @param sourceExcludes globs of files that do not count as source, added to Linguist-style defaults
 */
public record HistoryOptions(LineCounts lineCounts, Path cacheFolder, int threads, String releaseTags,
        String identitiesFile, List<String> sourceExcludes) {

    /** When line counts are mined. */
    public enum LineCounts {
        /** Only when an enabled check needs them. */
        AUTO,
        /** Always (slower). */
        ALWAYS,
        /** Never; checks that need them fall back to commit counts. */
        NEVER
    }

    public HistoryOptions {
        sourceExcludes = List.copyOf(sourceExcludes);
        releaseTags = releaseTags == null || releaseTags.isBlank() ? "v*" : releaseTags.trim();
    }

    public static HistoryOptions defaults() {
        return new HistoryOptions(LineCounts.AUTO, null, 0, "v*", null, List.of());
    }

    public HistoryOptions withCache(Path folder) {
        return new HistoryOptions(lineCounts, folder, threads, releaseTags, identitiesFile, sourceExcludes);
    }

    public HistoryOptions withLineCounts(LineCounts mode) {
        return new HistoryOptions(mode, cacheFolder, threads, releaseTags, identitiesFile, sourceExcludes);
    }

    public HistoryOptions withIdentities(String file) {
        return new HistoryOptions(lineCounts, cacheFolder, threads, releaseTags, file, sourceExcludes);
    }

    public HistoryOptions withThreads(int n) {
        return new HistoryOptions(lineCounts, cacheFolder, n, releaseTags, identitiesFile, sourceExcludes);
    }
}
