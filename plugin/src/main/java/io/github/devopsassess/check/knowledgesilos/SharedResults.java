package io.github.devopsassess.check.knowledgesilos;

import io.github.devopsassess.scan.history.HistoryFacts;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Results that several checks compute from the same history (degree of authorship, file ownership), computed once
 * per history object. Replaying a 40,000-commit history takes about a second, and up to five checks asked for the same
 * replay at every trend point. Checks stay pure functions of their facts: a result depends only on the history,
 * which is immutable, and is found by identity. The history is held weakly and the result softly, so nothing here
 * outlives an assessment or stands in the way of the heap; a few recent results are kept, enough for the trend's
 * workers.
 */
final class SharedResults {

    private static final int CAPACITY = 8;

    private record Entry(WeakReference<HistoryFacts> history, String kind, SoftReference<Object> value) {
    }

    private static final Deque<Entry> ENTRIES = new ArrayDeque<>();

    private SharedResults() {
    }

    @SuppressWarnings("unchecked")
    static <T> T get(HistoryFacts history, String kind, Supplier<T> compute) {
        synchronized (ENTRIES) {
            for (Entry e : ENTRIES) {
                Object value = e.value().get();
                if (e.history().get() == history && e.kind().equals(kind) && value != null) {
                    return (T) value;
                }
            }
        }
        // computed outside the lock: the trend's workers replay different histories at the same time
        T value = compute.get();
        synchronized (ENTRIES) {
            for (Iterator<Entry> it = ENTRIES.iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (e.history().get() == null || e.value().get() == null) {
                    it.remove();
                }
            }
            ENTRIES.addFirst(new Entry(new WeakReference<>(history), kind, new SoftReference<>(value)));
            while (ENTRIES.size() > CAPACITY) {
                ENTRIES.removeLast();
            }
        }
        return value;
    }
}
