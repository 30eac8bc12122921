package io.github.devopsassess.check.thirdparty;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.pipeline.PipelineFacts;

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
    public CheckResult evaluate(Facts facts, CheckSettings settings) {
        PipelineFacts pipelines = facts.find(PipelineFacts.class).orElse(null);
        if (pipelines == null) {
            return settings.notAssessed("pipelines were not scanned");
        }
        if (!pipelines.dependencyUpdates().isEmpty()) {
            return settings.pass("dependency updates automated by " + String.join(", ",
                    pipelines.dependencyUpdates()));
        }
        return settings.result(CheckStatus.FAIL, 0, "no Dependabot or Renovate configuration", List.of(settings.fail(
                "No Dependabot or Renovate configuration was found: actions, images and libraries are updated only"
                        + " when someone remembers.", "dependency-updates", List.of(Evidence.note(
                                "looked for .github/dependabot.yml, renovate.json and their variants")))));
    }
}
