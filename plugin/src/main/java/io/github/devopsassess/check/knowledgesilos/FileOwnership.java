package io.github.devopsassess.check.knowledgesilos;

import io.github.devopsassess.scan.history.AuthoredCommit;
import io.github.devopsassess.source.FileTouch;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who changed each live file and how much, replaying history oldest first and following renames so that a renamed
 * file keeps its history. Lines added are the measure of ownership when they were mined; otherwise commits are.
 */
public final class FileOwnership {

    /** The history of one file. */
    public static final class FileStats {
        // hash maps: a long history records a touch per file and commit, and only the main author needs an order
        private final Map<String, Integer> commitsBy = new HashMap<>();
        private final Map<String, Long> linesBy = new HashMap<>();
        private int commits;
        private String lastCommit;

        void record(String person, FileTouch touch, String commit) {
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

    private FileOwnership() {
    }

    /**
     * @param commits commits by people, oldest first
     * @param liveFiles files as they are now, in the order the result keeps (a tree's files come sorted)
     * @return live file → its history, for files that have one
     */
    public static Map<String, FileStats> replay(Collection<AuthoredCommit> commits, Collection<String> liveFiles) {
        Map<String, FileStats> states = new HashMap<>();
        for (AuthoredCommit c : commits) {
            String who = c.author().key();
            for (FileTouch t : c.commit().files()) {
                switch (t.kind()) {
                    case 'D' -> states.remove(t.path());
                    case 'R' -> {
                        FileStats moved = states.remove(t.oldPath());
                        states.put(t.path(), moved == null ? new FileStats() : moved);
                    }
                    case 'A' -> states.put(t.path(), new FileStats());
                    default -> states.computeIfAbsent(t.path(), p -> new FileStats());
                }
                if (t.kind() != 'D') {
                    states.get(t.path()).record(who, t, c.commit().id());
                }
            }
        }
        Map<String, FileStats> out = new LinkedHashMap<>();
        for (String f : liveFiles) {
            FileStats s = states.get(f);
            if (s != null) {
                out.put(f, s);
            }
        }
        return out;
    }
}
