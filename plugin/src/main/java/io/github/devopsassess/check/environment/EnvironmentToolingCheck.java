package io.github.devopsassess.check.environment;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code environment-tooling-parity}: production deployed with one mechanism (Helm) and another environment with a
 * different one (plain manifests, compose). Then the deployment itself is untested until it reaches production.
 * Development differing from production is a warning (a compose file for local work is common); any other
 * environment differing is a failure.
 */
public final class EnvironmentToolingCheck extends EnvironmentCheck {

    public static final String ID = "environment-tooling-parity";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(EnvironmentFacts env, Facts facts, CheckSettings settings) {
        Map<String, Map<String, EnvironmentDefinition>> tools = new TreeMap<>(EnvironmentGroups::compare);
        for (EnvironmentDefinition d : env.definitions()) {
            if (!d.isBase() && EnvironmentGroups.DEPLOYMENT_SYSTEMS.contains(d.system())) {
                tools.computeIfAbsent(d.environment(), e -> new TreeMap<>()).putIfAbsent(d.system(), d);
            }
        }
        Map<String, EnvironmentDefinition> production = tools.get(EnvironmentNames.PRODUCTION);
        if (production == null) {
            return Judgement.inapplicable("production has no deployment definition (kustomize, Helm, Terraform, "
                    + "manifests or compose)");
        }
        if (tools.size() < 2) {
            return Judgement.inapplicable("only production has a deployment definition");
        }
        List<Finding> findings = new ArrayList<>();
        for (var e : tools.entrySet()) {
            String environment = e.getKey();
            if (environment.equals(EnvironmentNames.PRODUCTION) || e.getValue().keySet().equals(production.keySet())) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            production.values().forEach(d -> evidence.add(EnvironmentGroups.at(d, "production: " + d.system())));
            e.getValue().values().forEach(d -> evidence.add(EnvironmentGroups.at(d, environment + ": " + d.system())));
            String message = "Production is deployed with " + String.join(", ", production.keySet()) + " but "
                    + environment + " with " + String.join(", ", e.getValue().keySet()) + ": the way production is "
                    + "deployed is first exercised in production.";
            String subject = "tools " + environment + " vs production";
            findings.add(environment.equals(EnvironmentNames.DEVELOPMENT)
                    ? settings.warn(message, subject, evidence) : settings.fail(message, subject, evidence));
        }
        int compared = tools.size() - 1;
        String summary = findings.size() + " of " + Words.plural(compared, "environment", "environments") + " "
                + Words.noun(findings.size(), "is", "are") + " deployed differently from "
                + "production";
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        boolean fail = findings.stream().anyMatch(f -> f.severity() == settings.severity());
        return Judgement.of(findings, compared, summary).lost(findings.size());
    }
}
