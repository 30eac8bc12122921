package io.github.devopsassess.scan;

import io.github.devopsassess.scan.history.HistoryOptions;

import java.util.List;

/**
 * Settings that shape what scanners see.
 *
 * @param botPatterns case-insensitive substrings of a name or e-mail that mark an automated author
 * @param showNames show people's names; when false they appear as stable pseudonyms
 * @param lineCounts false forbids mining lines added and removed; when true, {@code history.lineCounts()} decides
 * @param maxFileSize largest file read, in bytes
 * @param history history mining and analysis settings
 */
public record ScanOptions(List<String> botPatterns, boolean showNames, boolean lineCounts, long maxFileSize,
        HistoryOptions history) {

    public static final List<String> DEFAULT_BOTS = List.of("[bot]", "dependabot", "renovate", "github-actions",
            "noreply@github.com>bot");

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_BOTS, false, true, 8L * 1024 * 1024, HistoryOptions.defaults());
    }

    public ScanOptions(List<String> botPatterns, boolean showNames, boolean lineCounts, long maxFileSize) {
        this(botPatterns, showNames, lineCounts, maxFileSize, HistoryOptions.defaults());
    }

    public ScanOptions {
        botPatterns = List.copyOf(botPatterns);
        history = history == null ? HistoryOptions.defaults() : history;
    }

    public ScanOptions withHistory(HistoryOptions h) {
        return new ScanOptions(botPatterns, showNames, lineCounts, maxFileSize, h);
    }

    public ScanOptions withShowNames(boolean show) {
        return new ScanOptions(botPatterns, show, lineCounts, maxFileSize, history);
    }

    /** Whether history mining computes line counts, given whether an enabled check needs them. */
    public boolean mineLineCounts(boolean neededByChecks) {
        if (!lineCounts) {
            return false;
        }
        return switch (history.lineCounts()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> neededByChecks;
        };
    }
}
