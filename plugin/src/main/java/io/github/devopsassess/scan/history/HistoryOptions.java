package io.github.devopsassess.scan.history;

import io.github.devopsassess.source.History;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.PatternSyntaxException;

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
 * @param deployMarkers Java regular expression found (case-insensitive) in the subject of mainline commits that mark a
 *     deployment, or {@code null} for none (only release tags count)
 */
public record HistoryOptions(LineCounts lineCounts, Path cacheFolder, int threads, String releaseTags,
        String identitiesFile, List<String> sourceExcludes, String deployMarkers) {

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
        for (String glob : sourceExcludes) {
            try {
                io.github.devopsassess.parse.Glob.of(glob);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("devops.sourceExcludes: " + e.getMessage(), e);
            }
        }
        releaseTags = releaseTags == null || releaseTags.isBlank() ? "v*" : releaseTags.trim();
        deployMarkers = deployMarkers == null || deployMarkers.isBlank() ? null : deployMarkers.trim();
        try {
            History.deployMarkerPattern(deployMarkers);
        } catch (PatternSyntaxException e) {
            // a configuration error the user can fix: say which parameter and what is wrong, without a stack trace
            throw new IllegalArgumentException("devops.deployMarkers '" + deployMarkers + "' is not a valid Java"
                    + " regular expression: " + e.getDescription() + (e.getIndex() >= 0 ? " near index "
                    + e.getIndex() : "")
                    + "; put a backslash before [ ( { * + ? . | to match it literally, e.g. \\[deploy\\]", e);
        }
    }

    /** Without deploy markers: deployments are release tags only. */
    public HistoryOptions(LineCounts lineCounts, Path cacheFolder, int threads, String releaseTags,
            String identitiesFile, List<String> sourceExcludes) {
        this(lineCounts, cacheFolder, threads, releaseTags, identitiesFile, sourceExcludes, null);
    }

    public static HistoryOptions defaults() {
        return new HistoryOptions(LineCounts.AUTO, null, 0, "v*", null, List.of(), null);
    }

    public HistoryOptions withDeployMarkers(String regex) {
        return new HistoryOptions(lineCounts, cacheFolder, threads, releaseTags, identitiesFile, sourceExcludes,
                regex);
    }

    public HistoryOptions withReleaseTags(String glob) {
        return new HistoryOptions(lineCounts, cacheFolder, threads, glob, identitiesFile, sourceExcludes,
                deployMarkers);
    }

    public HistoryOptions withCache(Path folder) {
        return new HistoryOptions(lineCounts, folder, threads, releaseTags, identitiesFile,
                sourceExcludes, deployMarkers);
    }

    public HistoryOptions withLineCounts(LineCounts mode) {
        return new HistoryOptions(mode, cacheFolder, threads, releaseTags, identitiesFile,
                sourceExcludes, deployMarkers);
    }

    public HistoryOptions withIdentities(String file) {
        return new HistoryOptions(lineCounts, cacheFolder, threads, releaseTags, file,
                sourceExcludes, deployMarkers);
    }

    public HistoryOptions withThreads(int n) {
        return new HistoryOptions(lineCounts, cacheFolder, n, releaseTags, identitiesFile,
                sourceExcludes, deployMarkers);
    }
}
