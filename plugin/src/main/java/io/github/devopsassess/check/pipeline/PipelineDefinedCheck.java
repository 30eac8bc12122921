package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.PipelineDefinition;
import io.github.devopsassess.facts.pipeline.PipelineFacts;

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
        if (!pipelines.definitions().isEmpty()) {
            String systems = pipelines.definitions().stream().map(PipelineDefinition::system).distinct().sorted()
                    .collect(Collectors.joining(", "));
            return Judgement.clean(pipelines.definitions().size() + " pipeline definition(s): " + systems);
        }
        return Judgement.of(List.of(settings.fail(
                "No CI pipeline definition was found: builds, tests and releases depend on someone's machine.",
                "pipeline", List.of(Evidence.note("looked for " + String.join(", ", pipelines.searched()))))), 0,
                "no pipeline definition");
    }
}
