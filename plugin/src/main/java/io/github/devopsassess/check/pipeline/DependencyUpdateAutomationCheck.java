package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.PipelineFacts;

import java.util.List;

/**
 * {@code dependency-update-automation}: without Dependabot or Renovate, pinned actions, images and libraries age
 * silently and security fixes arrive only when someone remembers.
 */
public final class DependencyUpdateAutomationCheck implements Check {

    public static final String ID = "dependency-update-automation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of();
    }

    /** It judges the absence of pipelines, so it needs them scanned, not found. */
    @Override
    public List<Class<?>> scanned() {
        return List.of(PipelineFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PipelineFacts pipelines = facts.get(PipelineFacts.class);
        if (!pipelines.dependencyUpdates().isEmpty()) {
            return Judgement.clean("dependency updates automated by " + String.join(", ",
                    pipelines.dependencyUpdates()));
        }
        return Judgement.of(List.of(settings.fail(
                "No Dependabot or Renovate configuration was found: actions, images and libraries are updated only"
                        + " when someone remembers.", "dependency-updates", List.of(Evidence.note(
                                "looked for .github/dependabot.yml, renovate.json and their variants")))), 0,
                "no Dependabot or Renovate configuration");
    }
}
