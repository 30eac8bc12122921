package io.github.devopsassess.facts.history;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Person;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Small pure views over history facts that several history checks share: modules, time windows, people and the
 * contributor absence factor.
 */
public final class HistoryViews {

    public static final long DAY = 86_400;

    private HistoryViews() {
    }

    /** "sub/" when the assessed folder is a subtree, else "". */
    public static String prefix(Facts facts) {
        String subtree = facts.find(TreeFacts.class).map(TreeFacts::subtree).orElse("");
        return subtree.isEmpty() ? "" : subtree + "/";
    }

    /** The top-level module (first folder below the assessed one) of a path, or {@code null} for root files. */
    public static String moduleOf(String path, String prefix) {
        if (!path.startsWith(prefix)) {
            return null;
        }
        int slash = path.indexOf('/', prefix.length());
        return slash < 0 ? null : path.substring(prefix.length(), slash);
    }

    /** Commits by people (bots own nothing), oldest first. */
    public static List<AuthoredCommit> humans(HistoryFacts history) {
        return history.commits().stream().filter(c -> !c.author().bot()).toList();
    }

    /** Commits whose commit time lies within {@code days} before the assessed commit. */
    public static List<AuthoredCommit> window(List<AuthoredCommit> commits, long headTime, int days) {
        long from = headTime - days * DAY;
        return commits.stream().filter(c -> c.commit().commitTime() > from).toList();
    }

    public static String display(HistoryFacts history, String key) {
        Person p = history.people().get(key);
        return p == null ? key : p.display();
    }

    /**
     * The contributor absence factor (CHAOSS): the fewest people who together made at least half of the commits.
     * Ties are broken by key so the result is stable.
     *
     * @return those people, most commits first
     */
    public static List<String> contributorAbsence(Map<String, Integer> commitsByPerson) {
        int total = commitsByPerson.values().stream().mapToInt(Integer::intValue).sum();
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(commitsByPerson.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> people = new ArrayList<>();
        int covered = 0;
        for (Map.Entry<String, Integer> e : sorted) {
            if (covered * 2 >= total && !people.isEmpty()) {
                break;
            }
            people.add(e.getKey());
            covered += e.getValue();
        }
        return people;
    }

    /** "2024-03-01" for an epoch second. */
    public static String date(long epochSecond) {
        return java.time.Instant.ofEpochSecond(epochSecond).toString().substring(0, 10);
    }
}
