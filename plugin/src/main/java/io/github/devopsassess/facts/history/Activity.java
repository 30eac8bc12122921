package io.github.devopsassess.facts.history;

import java.util.HashMap;
import java.util.Map;

/**
 * When each person was last active in the repository: their latest commit, the latest merge they made, or the latest
 * commit they committed for someone else or are named in as reviewer, acknowledger or co-author. A
 * maintainer who now merges others' pull requests, in the terminal or in GitHub's web interface, still knows the code
 * and is still around; GitHub itself, which commits web merges, is nobody. One answer for every check that asks
 * whether someone is still there (contributor absence, knowledge loss, stale owners).
 */
public final class Activity {

    private final Map<String, Long> lastActive = new HashMap<>();

    /** @param history the available history, people resolved */
    public Activity(HistoryFacts history) {
        this(history, Involvements.none());
    }

    /**
     * @param history the available history, people resolved
     * @param involvements who committed, reviewed, acknowledged or co-authored others' commits, people resolved
     */
    public Activity(HistoryFacts history, Involvements involvements) {
        for (Involvement i : involvements.all()) {
            lastActive.merge(i.personKey(), i.time(), Math::max);
        }
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
