package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.List;

/** A check that reads the pipelines: it requires readable pipelines, and the engine says why when there are none. */
abstract class PipelineCheck implements Check {

    @Override
    public List<Class<?>> requires() {
        return List.of(PipelineFacts.class);
    }

    @Override
    public final Judgement judge(Facts facts, CheckSettings settings) {
        return judge(facts.get(PipelineFacts.class), facts, settings);
    }

    /** @param pipelines the pipelines of the assessed folder, at least one of them readable */
    protected abstract Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings);
}
