package io.github.devopsassess.analysis;

import io.github.devopsassess.facts.history.*;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileTouch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Degree of authorship and truck factor after Avelino et al., "A novel approach for estimating truck factors"
 * (ICPC 2016): DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC), where FA says whether the developer created the
 * file, DL counts the developer's changes to it and AC the changes by everyone else. A developer authors a file when
 * the normalised DOA exceeds 0.75 and the absolute DOA is at least 3.293.
 */
public final class DegreeOfAuthorship {

    static final double BASE = 3.293;
    static final double FA_WEIGHT = 1.098;
    static final double DL_WEIGHT = 0.164;
    static final double AC_WEIGHT = 0.321;
    static final double NORMALISED_THRESHOLD = 0.75;
    static final double COVERAGE = 0.5;

    /**
     * Per-file history: who created it and how often each person changed it afterwards. Creating a file is first
     * authorship, not a delivery: the authors' implementation counts it once, as FA, and so does this one (counting
     * it in DL and AC as well turned the second person in a two-person file from co-author into nobody).
     */
    private static final class FileState {
        final String creator;
        /** The creating commit, or {@code null} when the file's history starts later (shallow, or moved in). */
        final String createdIn;
        final Map<String, Integer> changes = new HashMap<>();
        int total;

        FileState(String creator, String createdIn) {
            this.creator = creator;
            this.createdIn = createdIn;
            changes.put(creator, 0);
        }

        void change(String person) {
            changes.merge(person, 1, Integer::sum);
            total++;
        }
    }

    private DegreeOfAuthorship() {
    }

    public static double doa(boolean firstAuthor, int deliveries, int acceptances) {
        return BASE + FA_WEIGHT * (firstAuthor ? 1 : 0) + DL_WEIGHT * deliveries
                - AC_WEIGHT * Math.log(1 + acceptances);
    }

    /**
     * Replays history oldest first, following renames so that a renamed file keeps its authorship.
     *
     * @param commits non-merge commits, oldest first, bots already removed
     * @param files the files to report on (paths as they are now), in the order the result keeps (a tree's files come
     *     sorted, and a sorted map would compare every long path again)
     */
    public static Authorship authorship(List<AuthoredCommit> commits, Collection<String> files) {
        Map<String, FileState> states = new HashMap<>();
        for (AuthoredCommit c : commits) {
            String who = c.author().key();
            String id = c.commit().id();
            for (FileTouch t : c.commit().files()) {
                switch (t.kind()) {
                    case 'A' -> states.put(t.path(), new FileState(who, id));
                    case 'D' -> states.remove(t.path());
                    case 'R' -> {
                        FileState moved = states.remove(t.oldPath());
                        if (moved == null) {
                            states.put(t.path(), new FileState(who, null)); // its origin is outside the history
                        } else {
                            moved.change(who); // moving a file is a delivery, as in the authors' implementation
                            states.put(t.path(), moved);
                        }
                    }
                    case 'C' -> states.putIfAbsent(t.path(), new FileState(who, id));
                    default -> {
                        FileState s = states.get(t.path());
                        if (s == null) {
                            states.put(t.path(), new FileState(who, null)); // history starts here (shallow or subtree)
                        } else {
                            s.change(who);
                        }
                    }
                }
            }
        }
        Map<String, Set<String>> authors = new LinkedHashMap<>();
        Map<String, String> createdIn = new HashMap<>();
        for (String f : files) {
            FileState s = states.get(f);
            if (s == null) {
                continue;
            }
            if (s.createdIn != null) {
                createdIn.put(f, s.createdIn);
            }
            Map<String, Double> doas = new LinkedHashMap<>();
            double max = 0;
            for (Map.Entry<String, Integer> e : s.changes.entrySet()) {
                double d = doa(e.getKey().equals(s.creator), e.getValue(), s.total - e.getValue());
                doas.put(e.getKey(), d);
                max = Math.max(max, d);
            }
            Set<String> owners = new TreeSet<>();
            for (Map.Entry<String, Double> e : doas.entrySet()) {
                if (e.getValue() / max > NORMALISED_THRESHOLD && e.getValue() >= BASE) {
                    owners.add(e.getKey());
                }
            }
            authors.put(f, owners);
        }
        return new Authorship(authors, createdIn);
    }

    /**
     * Greedy truck factor: repeatedly remove the person who authors the most files until fewer than half of the
     * files still have an author. Ties go to the lexically first key so that the result is stable.
     */
    public static TruckFactor truckFactor(Authorship authorship) {
        // only the authors of each file matter here, not which file they author
        List<Set<String>> remaining = new ArrayList<>(authorship.authors().size());
        authorship.authors().values().forEach(a -> remaining.add(new HashSet<>(a)));
        int total = remaining.size();
        List<String> removed = new ArrayList<>();
        if (total == 0) {
            return new TruckFactor(0, removed, 0);
        }
        while (covered(remaining) >= COVERAGE * total) {
            Map<String, Integer> counts = new TreeMap<>();
            remaining.forEach(a -> a.forEach(p -> counts.merge(p, 1, Integer::sum)));
            if (counts.isEmpty()) {
                break;
            }
            String top = null;
            int best = -1;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    top = e.getKey();
                }
            }
            removed.add(top);
            for (Set<String> a : remaining) {
                a.remove(top);
            }
        }
        return new TruckFactor(removed.size(), removed, total);
    }

    private static long covered(List<Set<String>> authors) {
        return authors.stream().filter(a -> !a.isEmpty()).count();
    }
}
