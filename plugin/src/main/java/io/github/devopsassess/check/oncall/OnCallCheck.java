package io.github.devopsassess.check.oncall;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.List;

/** A check that reads the on-call model: it requires one, and the engine says why when there is none. */
abstract class OnCallCheck implements Check {

    @Override
    public List<Class<?>> requires() {
        return List.of(OnCallFacts.class);
    }

    @Override
    public final Judgement judge(Facts facts, CheckSettings settings) {
        return judge(facts.get(OnCallFacts.class), facts, settings);
    }

    /** @param model the on-call configuration of the assessed folder, not empty */
    protected abstract Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings);
}
