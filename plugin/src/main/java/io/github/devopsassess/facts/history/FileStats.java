package io.github.devopsassess.facts.history;

import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileTouch;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The history of one file. */
public final class FileStats {
    // hash maps: a long history records a touch per file and commit, and only the main author needs an order
    private final Map<String, Integer> commitsBy = new HashMap<>();
    private final Map<String, Long> linesBy = new HashMap<>();
    private int commits;
    private String lastCommit;

    /** Adds one change of the file; only the analysis stage calls it, while it replays history. */
    public void record(String person, FileTouch touch, String commit) {
        commitsBy.merge(person, 1, Integer::sum);
        if (touch.added() > 0) {
            linesBy.merge(person, (long) touch.added(), Long::sum);
        }
        commits++;
        lastCommit = commit;
    }

    public int commits() {
        return commits;
    }

    public String lastCommit() {
        return lastCommit;
    }

    /** Ownership weights: lines added when known, else commits. */
    public Map<String, Long> weights() {
        if (!linesBy.isEmpty()) {
            return java.util.Collections.unmodifiableMap(linesBy);
        }
        Map<String, Long> w = new HashMap<>();
        commitsBy.forEach((k, v) -> w.put(k, (long) v));
        return w;
    }

    /** The main author: most weight, ties to the lexically first key. */
    public String mainAuthor() {
        String best = null;
        long most = -1;
        for (Map.Entry<String, Long> e : weights().entrySet()) {
            if (e.getValue() > most || e.getValue() == most && e.getKey().compareTo(best) < 0) {
                most = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }

    public double share(String person) {
        Map<String, Long> weights = weights();
        long total = weights.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? 0 : (double) weights.getOrDefault(person, 0L) / total;
    }
}
