package io.github.devopsassess.facts.environment;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environments the repository defines.
 *
 * @param definitions every definition, sorted by system, family, environment, path
 * @param devSetups what gives a developer an environment from the repository, sorted by path
 * @param matrix the side-by-side view of settings, images and runtimes, for the report
 */
public record EnvironmentFacts(List<EnvironmentDefinition> definitions, List<DevSetup> devSetups,
        EnvironmentMatrix matrix) {

    public EnvironmentFacts {
        definitions = List.copyOf(definitions);
        devSetups = List.copyOf(devSetups);
    }

    /** The normalised names of every non-base environment, sorted. */
    public Set<String> environments() {
        Set<String> names = new TreeSet<>();
        definitions.stream().filter(d -> !d.isBase()).forEach(d -> names.add(d.environment()));
        return names;
    }
}
