package io.github.devopsassess.source;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Reports "done / total" for long mining, at most every few seconds, so a long first run does not look stuck. */
final class MiningProgress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final Consumer<String> sink;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final long start = System.nanoTime();
    private volatile long last = start;

    MiningProgress(Consumer<String> sink, int total) {
        this.sink = sink;
        this.total = total;
    }

    void advance() {
        done.incrementAndGet();
        if (System.nanoTime() - last >= EVERY_NANOS) {
            report(false);
        }
    }

    /** Prints a line when the interval has passed (or always when {@code force}); safe from any thread. */
    synchronized void report(boolean force) {
        long now = System.nanoTime();
        if (!force && now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        int d = done.get();
        sink.accept(String.format(java.util.Locale.ROOT, "History: mined %d / %d commits (%.0f%%, %.0f s)", d, total,
                total == 0 ? 100.0 : 100.0 * d / total, (now - start) / 1e9));
    }
}
