package io.github.devopsassess.check.environment;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code missing-environment}: an environment that one system defines (Helm values for staging) and another system
 * of the same repository does not (no staging Spring profile). Only systems that define at least two environments
 * are compared, so a compose file for local development alone is not expected to know about production. Committed
 * dotenv files are not a system.
 */
public final class MissingEnvironmentCheck extends EnvironmentCheck {

    public static final String ID = "missing-environment";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(EnvironmentFacts env, Facts facts, CheckSettings settings) {
        Map<String, Map<String, EnvironmentDefinition>> bySystem = new TreeMap<>();
        for (EnvironmentDefinition d : env.definitions()) {
            if (!d.isBase() && !d.system().equals("dotenv")) {
                bySystem.computeIfAbsent(d.system(), s -> new TreeMap<>(EnvironmentGroups::compare))
                        .putIfAbsent(d.environment(), d);
            }
        }
        bySystem.values().removeIf(envs -> envs.size() < 2);
        if (bySystem.size() < 2) {
            return Judgement.inapplicable("fewer than two systems define two or more environments");
        }
        Set<String> all = new TreeSet<>(EnvironmentGroups::compare);
        bySystem.values().forEach(envs -> all.addAll(envs.keySet()));
        List<Finding> findings = new ArrayList<>();
        for (String environment : all) {
            EnvironmentDefinition where = bySystem.values().stream().map(m -> m.get(environment))
                    .filter(d -> d != null).findFirst().orElseThrow();
            for (var system : bySystem.entrySet()) {
                if (system.getValue().containsKey(environment)) {
                    continue;
                }
                EnvironmentDefinition other = system.getValue().values().iterator().next();
                String defines = String.join(", ", system.getValue().keySet());
                findings.add(settings.fail(capitalise(environment) + " is defined in " + where.system()
                        + " but not in " + system.getKey() + " (which defines " + defines + "): that environment "
                        + "is set up by other means, so its first real test is in use.",
                        environment + " missing in " + system.getKey(),
                        List.of(EnvironmentGroups.at(where, environment + " in " + where.system()),
                                EnvironmentGroups.at(other, system.getKey() + " defines " + defines + " only"))));
            }
        }
        int cells = all.size() * bySystem.size();
        String summary = findings.size() + " of "
                + Words.plural(cells, "environment definition", "environment definitions") + " missing across "
                + String.join(", ", bySystem.keySet());
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, cells, summary).lost(findings.size());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
