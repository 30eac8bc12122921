package io.github.devopsassess.facts.history;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One person makes nearly every change: at least {@value #SHARE_PERCENT}% of the commits people (not bots) made in
 * the last {@value #WINDOW_DAYS} days, and at least {@value #MIN_COMMITS} of them, and a main author of at least half
 * of the source files. Such a project has one root cause
 * behind every "only one person knows this" finding, its bus factor of one, so {@code truck-factor} says it once and
 * the checks that would repeat it per folder, per pipeline or per unreviewed change (nobody else is there to review)
 * are not assessed, naming this person.
 *
 * @param key the person's key
 * @param display the person as the report shows them
 * @param commits their commits in the window
 * @param total the commits of all people in the window
 * @param latest their latest commit in the window
 */
public record SoleMaintainer(String key, String display, int commits, int total, String latest) {

    public static final int SHARE_PERCENT = 75;
    public static final int WINDOW_DAYS = 365;
    public static final int MIN_COMMITS = 10;

    /**
     * The sole maintainer of this history, if one person made nearly every recent change and is a main author of at
     * least half of the source files (someone who made most recent changes to a small part of a large codebase others
     * wrote does not carry the project alone).
     */
    public static Optional<SoleMaintainer> of(HistoryFacts history, Authorship authorship) {
        List<AuthoredCommit> recent = HistoryViews.window(HistoryViews.humans(history), history.headTime(),
                WINDOW_DAYS);
        if (recent.size() < MIN_COMMITS) {
            return Optional.empty();
        }
        Map<String, Integer> byPerson = new HashMap<>();
        Map<String, String> latest = new HashMap<>();
        for (AuthoredCommit c : recent) { // oldest first: the last one seen is the latest
            byPerson.merge(c.author().key(), 1, Integer::sum);
            latest.put(c.author().key(), c.commit().id());
        }
        Map.Entry<String, Integer> top = null;
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(byPerson).entrySet()) { // ties: the first key
            if (top == null || e.getValue() > top.getValue()) {
                top = e;
            }
        }
        if (100L * top.getValue() < (long) SHARE_PERCENT * recent.size()) {
            return Optional.empty();
        }
        String key = top.getKey();
        long theirs = authorship.authors().values().stream().filter(a -> a.contains(key)).count();
        if (authorship.authors().isEmpty() || 2 * theirs < authorship.authors().size()) {
            return Optional.empty();
        }
        return Optional.of(new SoleMaintainer(top.getKey(), HistoryViews.display(history, top.getKey()),
                top.getValue(), recent.size(), latest.get(top.getKey())));
    }

    /** "Jane Doe made 120 of the 145 commits (83%) people made in the last 365 days". */
    public String describe() {
        return String.format(Locale.ROOT, "%s made %d of the %d commits (%.0f%%) people made in the last %d days",
                display, commits, total, 100.0 * commits / total, WINDOW_DAYS);
    }

    /** Why a per-folder or per-change concentration check is not assessed. */
    public String notAssessedReason() {
        return "one person carries the project: " + describe() + "; the truck-factor check reports this once";
    }
}
