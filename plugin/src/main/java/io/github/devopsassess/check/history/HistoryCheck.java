package io.github.devopsassess.check.history;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.List;

/** A check that reads the git history: it requires the history, and the engine says why when there is none. */
public abstract class HistoryCheck implements Check {

    @Override
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class);
    }

    @Override
    public final Judgement judge(Facts facts, CheckSettings settings) {
        return judge(facts.get(HistoryFacts.class), facts, settings);
    }

    /** @param history the available history of the assessed folder */
    protected abstract Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings);
}
