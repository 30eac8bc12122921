package io.github.devopsassess.testing;

import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.MinedCommit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made {@link HistoryFacts} for check tests: commits that add files at given times. */
public final class Histories {

    private final List<AuthoredCommit> commits = new ArrayList<>();
    private final Map<String, Person> people = new LinkedHashMap<>();

    public static Histories builder() {
        return new Histories();
    }

    /** A commit by {@code name} at {@code isoInstant} that touches {@code path} with the given kind ('A', 'M'). */
    public Histories commit(String name, String isoInstant, char kind, String path) {
        return commit(name, isoInstant, new FileTouch(path, null, kind, 1, 0));
    }

    public Histories commit(String name, String isoInstant, FileTouch touch) {
        return commit(name, isoInstant, List.of(touch));
    }

    /** One commit that adds every path, as an import does. */
    public Histories commitAdding(String name, String isoInstant, List<String> paths) {
        return commit(name, isoInstant, paths.stream().map(p -> new FileTouch(p, null, 'A', 1, 0)).toList());
    }

    private Histories commit(String name, String isoInstant, List<FileTouch> touches) {
        long t = Instant.parse(isoInstant).getEpochSecond();
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org";
        Person p = people.computeIfAbsent(email, k -> new Person(k, "contributor-" + commits.size(), false));
        String id = String.format("%040x", commits.size() + 1);
        commits.add(new AuthoredCommit(new MinedCommit(id, name, email, t, t, 1, "change", List.of(),
                touches), p));
        return this;
    }

    public HistoryFacts build() {
        long head = commits.stream().mapToLong(c -> c.commit().commitTime()).max().orElse(0);
        return new HistoryFacts(true, null, commits, List.of(), List.of(), people, List.of(), head, false);
    }
}
