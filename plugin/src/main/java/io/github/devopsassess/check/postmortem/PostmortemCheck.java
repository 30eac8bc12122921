package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.List;

/** A check that reads the postmortems: it requires them, and the engine says why when there are none. */
abstract class PostmortemCheck implements Check {

    @Override
    public List<Class<?>> requires() {
        return List.of(PostmortemFacts.class);
    }

    @Override
    public final Judgement judge(Facts facts, CheckSettings settings) {
        return judge(facts.get(PostmortemFacts.class), facts, settings);
    }

    /** @param input the postmortems of the assessed folder, at least one */
    protected abstract Judgement judge(PostmortemFacts input, Facts facts, CheckSettings settings);
}
