package io.github.devopsassess.check.environment;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.model.Evidence;

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
 * dotenv files are not a system. Below per-environment folders (Terraform, Terragrunt), a component that other
 * environments run and production does not is a warning.
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
        List<Finding> findings = new ArrayList<>();
        int cells = 0;
        List<String> compared = new ArrayList<>();
        if (bySystem.size() >= 2) {
            Set<String> all = new TreeSet<>(EnvironmentGroups::compare);
            bySystem.values().forEach(envs -> all.addAll(envs.keySet()));
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
            cells += all.size() * bySystem.size();
            compared.add(String.join(", ", bySystem.keySet()));
        }
        int components = components(env, settings, findings);
        if (bySystem.size() < 2 && components == 0) {
            return Judgement.inapplicable("fewer than two systems define two or more environments, and no "
                    + "per-environment folders hold components of which production has some");
        }
        cells += components;
        if (components > 0) {
            compared.add(Words.plural(components, "component", "components") + " below per-environment folders");
        }
        String summary = findings.size() + " of "
                + Words.plural(cells, "environment definition", "environment definitions") + " missing across "
                + String.join("; ", compared);
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, cells, summary).lost(findings.size());
    }

    /**
     * Components below per-environment folders (a Terragrunt unit, a Terraform folder of {@code envs/<env>/}) that
     * other environments run and production does not, where production runs components of the same root: an
     * observability stack only in development, a cache only in staging. Production-only components are not
     * findings (nothing was tried elsewhere, which other checks judge). A warning: a component that only
     * development needs (a sandbox, a bastion for developers) is left out of production on purpose.
     *
     * @return how many components were compared
     */
    private static int components(EnvironmentFacts env, CheckSettings settings, List<Finding> findings) {
        Map<String, Map<String, Map<String, List<EnvironmentDefinition>>>> byRoot = new TreeMap<>();
        for (EnvironmentDefinition d : env.definitions()) {
            if (!d.isBase() && !d.component().isEmpty()) {
                byRoot.computeIfAbsent(d.system() + ":" + d.root(), r -> new TreeMap<>())
                        .computeIfAbsent(d.component(), c -> new TreeMap<>(EnvironmentGroups::compare))
                        .computeIfAbsent(d.environment(), e -> new ArrayList<>()).add(d);
            }
        }
        int compared = 0;
        for (var root : byRoot.entrySet()) {
            List<EnvironmentDefinition> production = new ArrayList<>();
            Set<String> envs = new TreeSet<>(EnvironmentGroups::compare);
            root.getValue().values().forEach(c -> {
                envs.addAll(c.keySet());
                production.addAll(c.getOrDefault(EnvironmentNames.PRODUCTION, List.of()));
            });
            if (production.isEmpty() || envs.size() < 2) {
                continue;
            }
            for (var component : root.getValue().entrySet()) {
                compared++;
                if (component.getValue().containsKey(EnvironmentNames.PRODUCTION)) {
                    continue;
                }
                List<Evidence> evidence = new ArrayList<>();
                component.getValue().forEach((e, defs) -> evidence.add(EnvironmentGroups.at(defs.get(0),
                        component.getKey() + " in " + e)));
                EnvironmentDefinition prod = production.get(0);
                evidence.add(EnvironmentGroups.at(prod, "production runs other components of " + shown(root.getKey())
                        + " but not " + component.getKey()));
                String group = root.getKey().substring(0, root.getKey().indexOf(':')) + ":"
                        + EnvironmentDefinition.familyOf(prod.root(), component.getKey());
                String where = String.join(", ", component.getValue().keySet());
                findings.add(settings.warn(capitalise(EnvironmentGroups.describe(group)) + " is defined for " + where
                        + " but not for production, which runs other components of " + shown(root.getKey())
                        + ": what is tried before production is not what production runs, or production lacks it.",
                        group + " missing in production", evidence));
            }
        }
        return compared;
    }

    private static String shown(String systemRoot) {
        String root = systemRoot.substring(systemRoot.indexOf(':') + 1);
        return root.isEmpty() ? "the repository root" : root + "/";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
