package io.github.devopsassess.check.environment;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Groupings of environment definitions that several environment-parity checks share. */
final class EnvironmentGroups {

    /** Systems that deploy an environment (as opposed to configuring an application inside it). */
    static final Set<String> DEPLOYMENT_SYSTEMS = Set.of("kustomize", "helm", "terraform", "manifests", "compose");

    /** Environments in display order; others follow by name. */
    static final List<String> ORDER = List.of(EnvironmentNames.DEVELOPMENT, EnvironmentNames.TEST,
            EnvironmentNames.PRE_PRODUCTION, EnvironmentNames.PRODUCTION);

    private EnvironmentGroups() {
    }

    /** Non-base definitions by {@code system:family}, then by normalised environment. */
    static Map<String, Map<String, List<EnvironmentDefinition>>> byGroupAndEnvironment(
            Collection<EnvironmentDefinition> definitions) {
        Map<String, Map<String, List<EnvironmentDefinition>>> out = new TreeMap<>();
        for (EnvironmentDefinition d : definitions) {
            if (!d.isBase()) {
                out.computeIfAbsent(d.group(), g -> new TreeMap<>(EnvironmentGroups::compare))
                        .computeIfAbsent(d.environment(), e -> new ArrayList<>()).add(d);
            }
        }
        return out;
    }

    static int compare(String a, String b) {
        int ra = rank(a);
        int rb = rank(b);
        return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
    }

    private static int rank(String environment) {
        int i = ORDER.indexOf(environment);
        return i < 0 ? ORDER.size() : i;
    }

    /** Where a definition starts, with a note. */
    static Evidence at(EnvironmentDefinition d, String note) {
        return Evidence.line(d.path(), d.line()).withNote(note);
    }

    /** "spring configuration in src/main/resources" for messages. */
    static String describe(String group) {
        int colon = group.indexOf(':');
        String system = group.substring(0, colon);
        String family = group.substring(colon + 1);
        int hash = family.indexOf(EnvironmentDefinition.COMPONENT);
        if (hash >= 0) {
            String root = family.substring(0, hash);
            return system + " component " + family.substring(hash + 1) + " of "
                    + (root.isEmpty() ? "the repository root" : root + "/");
        }
        return system + (family.isEmpty() ? " (repository root)" : " in " + family + "/");
    }
}
