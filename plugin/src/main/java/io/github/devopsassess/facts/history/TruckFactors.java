package io.github.devopsassess.facts.history;

import java.util.Map;

/**
 * The truck factor of the assessed tree and of each of its top-level modules, derived from {@link Authorship} by the
 * analysis stage once per assessment.
 *
 * @param repository the truck factor over every source file
 * @param modules module (first folder below the assessed one) → its truck factor over that module's files only,
 *     sorted by module
 */
public record TruckFactors(TruckFactor repository, Map<String, TruckFactor> modules) {

    public TruckFactors {
        modules = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(modules));
    }
}
