package io.github.devopsassess.check.history;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.SoleMaintainer;
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
    public List<Class<?>> reads() {
        return repeatsSoleMaintainer() ? List.of(SoleMaintainer.class) : List.of();
    }

    @Override
    public final Judgement judge(Facts facts, CheckSettings settings) {
        if (repeatsSoleMaintainer()) {
            java.util.Optional<SoleMaintainer> sole = facts.find(SoleMaintainer.class);
            if (sole.isPresent()) {
                return Judgement.inapplicable(sole.get().notAssessedReason());
            }
        }
        return judge(facts.get(HistoryFacts.class), facts, settings);
    }

    /**
     * True for a check whose every finding, in a project one person carries, would only repeat that one person's
     * bus factor per folder, per pipeline or per unreviewed change: it is then not assessed, naming the person, and
     * {@code truck-factor} says it once.
     */
    protected boolean repeatsSoleMaintainer() {
        return false;
    }

    /** @param history the available history of the assessed folder */
    protected abstract Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings);
}
