package io.github.devopsassess.facts.environment;

import io.github.devopsassess.facts.Facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Every runtime pin any scanner found. Several scanners contribute (the environment scanner reads tool files, poms,
 * Dockerfiles and dev containers; a CI scanner reads setup steps), in any order, through {@link #add}.
 *
 * @param pins sorted by runtime, path, line
 */
public record RuntimePins(List<RuntimePin> pins) {

    private static final Comparator<RuntimePin> ORDER = Comparator.comparing(RuntimePin::runtime)
            .thenComparing(RuntimePin::path).thenComparingInt(RuntimePin::line).thenComparing(RuntimePin::version);

    public RuntimePins {
        List<RuntimePin> sorted = new ArrayList<>(pins);
        sorted.sort(ORDER);
        pins = List.copyOf(sorted);
    }

    /** Adds pins to those already in the facts (merging, not replacing, so scanner order does not matter). */
    public static void add(Facts.Builder facts, Collection<RuntimePin> more) {
        List<RuntimePin> all = new ArrayList<>(facts.find(RuntimePins.class).map(RuntimePins::pins).orElse(List.of()));
        for (RuntimePin p : more) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        facts.put(RuntimePins.class, new RuntimePins(all));
    }
}
