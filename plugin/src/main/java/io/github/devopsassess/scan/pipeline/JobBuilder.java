package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Environment;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.ManualGate;
import io.github.devopsassess.facts.pipeline.Permissions;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects a job while a parser reads it; parsers differ, the finished {@link Job} does not. */
final class JobBuilder {

    String id;
    String name;
    Location at;
    String stage;
    final List<String> needs = new ArrayList<>();
    String condition;
    Environment environment;
    final List<ManualGate> gates = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();
    Location failureIgnored;
    String calls;
    Location secretsInherit;
    Permissions permissions;
    /** Set by a parser that read where the job deploys better than its environment's name tells; null otherwise. */
    Boolean production;
    /** Reads the repository scripts a step runs, or {@code null} when there is no tree to read them from. */
    ScriptNotifications scripts;

    JobBuilder(String id, Location at) {
        this.id = id;
        this.name = id;
        this.at = at;
    }

    void step(String stepName, Location where, String uses, String text, boolean continueOnError) {
        String shown = stepName != null && !stepName.isBlank() ? stepName
                : uses != null ? uses : StepClassifier.shortName(text);
        java.util.Set<StepRole> roles = StepClassifier.roles(stepName, uses, text);
        if (!roles.contains(StepRole.NOTIFY) && scripts != null && scripts.notifies(text)) {
            roles.add(StepRole.NOTIFY); // a script of the repository that posts to a chat or writes a deploy marker
        }
        steps.add(new Step(shown, where, uses, text, continueOnError || StepClassifier.ignoresFailure(text),
                roles));
    }

    Job build(ProductionPatterns patterns) {
        return new Job(id, name, at, stage, needs.stream().distinct().toList(), condition, environment, gates, steps,
                references, failureIgnored, calls, secretsInherit, permissions, production(patterns));
    }

    /**
     * A declared, resolvable environment decides; otherwise the job's name must both name production and say that
     * it deploys, so that a "lint prod config" job is not taken for a deployment.
     */
    private boolean production(ProductionPatterns patterns) {
        if (production != null) {
            return production;
        }
        if (environment != null) {
            if ("production".equalsIgnoreCase(environment.tier())) {
                return true;
            }
            if (environment.tier() != null) {
                return false;
            }
            if (!environment.unresolved()) {
                return environment.candidates().stream().anyMatch(patterns::matches);
            }
        }
        String names = (id + " " + name).toLowerCase(Locale.ROOT);
        boolean deployish = names.matches(".*(deploy|release|apply|publish|rollout|promot|ship|install|upgrade).*")
                || steps.stream().anyMatch(s -> s.has(StepRole.DEPLOY));
        return deployish && (patterns.matches(id) || patterns.matches(name));
    }
}
