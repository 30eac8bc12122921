package io.github.devopsassess.facts.oncall;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who can be reached at one moment.
 *
 * @param people person ids (a layer whose turn cannot be placed counts as one person, named after the layer)
 * @param unknown true when part of the path could not be read from the files
 */
public record Reach(Set<String> people, boolean unknown) {

    public static final Reach NOBODY = new Reach(Set.of(), false);
    public static final Reach UNKNOWN = new Reach(Set.of(), true);

    public Reach {
        people = Set.copyOf(people);
    }

    public Reach plus(Reach other) {
        Set<String> all = new TreeSet<>(people);
        all.addAll(other.people);
        return new Reach(all, unknown || other.unknown);
    }

    public CoverageState state() {
        if (people.size() >= 2) {
            return CoverageState.COVERED;
        }
        if (unknown) {
            return CoverageState.UNKNOWN;
        }
        return people.isEmpty() ? CoverageState.GAP : CoverageState.SINGLE;
    }
}
