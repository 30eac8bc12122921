package io.github.devopsassess.check.environment;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.List;

/** A check that reads the environment: it requires them, and the engine says why when there are none. */
abstract class EnvironmentCheck implements Check {

    @Override
    public List<Class<?>> requires() {
        return List.of(EnvironmentFacts.class);
    }

    @Override
    public final Judgement judge(Facts facts, CheckSettings settings) {
        return judge(facts.get(EnvironmentFacts.class), facts, settings);
    }

    /** @param input the environment definitions of the assessed folder */
    protected abstract Judgement judge(EnvironmentFacts input, Facts facts, CheckSettings settings);
}
