package io.github.devopsassess.source;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Reports "done / total" for long mining, at most every few seconds, so a long first run does not look stuck. */
final class MiningProgress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final Consumer<String> sink;
    private final int total;
    private final String what;
    private final AtomicInteger done = new AtomicInteger();
    private final long start = System.nanoTime();
    private volatile long last = start;

    MiningProgress(Consumer<String> sink, int total) {
        this(sink, total, "mined %d / %d commits");
    }

    /** @param what the line's words around done and total, such as {@code "mined %d / %d commits"} */
    MiningProgress(Consumer<String> sink, int total, String what) {
        this.sink = sink;
        this.total = total;
        this.what = what;
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
        sink.accept(String.format(java.util.Locale.ROOT, "History: " + what + " (%.0f%%, %.0f s)", d, total,
                total == 0 ? 100.0 : 100.0 * d / total, (now - start) / 1e9));
    }
}
