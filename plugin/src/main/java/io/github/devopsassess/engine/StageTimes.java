package io.github.devopsassess.engine;

import java.util.Locale;

/**
 * Wall time of each stage of one assessment, for the build log and the benchmark. Never written into an output file:
 * outputs must be the same from run to run.
 *
 * @param historySeconds opening the sources: mining the history (or reading its cache) and the tree
 * @param scanSeconds running every scanner
 * @param checkSeconds running every check and scoring
 * @param trendSeconds re-assessing the past points of the trend (0 without a trend)
 */
public record StageTimes(double historySeconds, double scanSeconds, double checkSeconds, double trendSeconds) {

    public static final StageTimes NONE = new StageTimes(0, 0, 0, 0);

    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The stages and the report's rendering time, e.g. for the log line "Time: history 1.2 s, …". */
    public String describe(double reportSeconds) {
        return String.format(Locale.ROOT, "history %.1f s, scanners %.1f s, checks %.1f s, trend %.1f s, report %.1f s",
                historySeconds, scanSeconds, checkSeconds, trendSeconds, reportSeconds);
    }
}
