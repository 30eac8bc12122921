package io.github.devopsassess.facts.history;

import java.util.HashMap;
import java.util.Map;

/**
 * When each person was last active in the repository: their latest commit, or the latest merge they made. A
 * maintainer who now merges others' pull requests, in the terminal or in GitHub's web interface, still knows the code
 * and is still around; GitHub itself, which commits web merges, is nobody. One answer for every check that asks
 * whether someone is still there (contributor absence, knowledge loss, stale owners).
 */
public final class Activity {

    private final Map<String, Long> lastActive = new HashMap<>();

    /** @param history the available history, people resolved */
    public Activity(HistoryFacts history) {
        for (AuthoredCommit c : history.commits()) {
            lastActive.merge(c.author().key(), c.commit().commitTime(), Math::max);
        }
        for (Merge m : history.merges()) {
            lastActive.merge(m.authorKey(), m.commitTime(), Math::max);
            if (!m.committedByPlatform()) {
                lastActive.merge(m.committerKey(), m.commitTime(), Math::max);
            }
        }
    }

    /** Epoch seconds of the person's latest commit or merge, or -1 when they made none. */
    public long last(String personKey) {
        return lastActive.getOrDefault(personKey, -1L);
    }

    /** True when the person committed or merged after the given time (epoch seconds). */
    public boolean activeAfter(String personKey, long time) {
        Long last = lastActive.get(personKey);
        return last != null && last > time;
    }
}
