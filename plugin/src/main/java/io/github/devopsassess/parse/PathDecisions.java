package io.github.devopsassess.parse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers a yes/no decision about paths. Classifying a path by a list of globs runs dozens of regular expressions,
 * and the history asks about the same few thousand paths again for every commit that touches them and again for every
 * trend point: on netty, glob matching was half of the time of re-assessing the trend. The decision must be a pure
 * function of the path. Thread-safe, and bounded so that a huge repository cannot grow it without limit.
 */
public final class PathDecisions implements Predicate<String> {

    /** Distinct paths remembered before the memory starts over (about 10 MB of keys at most). */
    private static final int LIMIT = 100_000;

    private final Predicate<String> decide;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    public PathDecisions(Predicate<String> decide) {
        this.decide = decide;
    }

    @Override
    public boolean test(String path) {
        Boolean answer = known.get(path);
        if (answer == null) {
            answer = decide.test(path);
            if (known.size() >= LIMIT) {
                known.clear();
            }
            known.put(path, answer);
        }
        return answer;
    }
}
