package io.github.devopsassess.check.delivery;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.pipeline.PipelineDefinition;
import io.github.devopsassess.scan.pipeline.PipelineFacts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code pipeline-defined}: without a CI pipeline in version control there is no fast feedback loop, and every
 * release depends on whoever knows the manual steps.
 */
public final class PipelineDefinedCheck implements Check {

    public static final String ID = "pipeline-defined";

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
        if (!pipelines.definitions().isEmpty()) {
            String systems = pipelines.definitions().stream().map(PipelineDefinition::system).distinct().sorted()
                    .collect(Collectors.joining(", "));
            return settings.pass(pipelines.definitions().size() + " pipeline definition(s): " + systems);
        }
        return settings.result(CheckStatus.FAIL, 0.0, "no pipeline definition", List.of(settings.fail(
                "No CI pipeline definition was found: builds, tests and releases depend on someone's machine.",
                "pipeline", List.of(Evidence.note("looked for " + String.join(", ", pipelines.searched()))))));
    }
}
