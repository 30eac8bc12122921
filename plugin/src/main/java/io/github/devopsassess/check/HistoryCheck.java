package io.github.devopsassess.check;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.history.HistoryFacts;

/**
 * A check that reads the git history and nothing can be said without it: not assessed, with the scanner's reason
 * (no repository, no commit in the folder, history not scanned), before the check's own logic runs.
 */
public abstract class HistoryCheck implements Check {

    @Override
    public final CheckResult evaluate(Facts facts, CheckSettings settings) {
        HistoryFacts history = HistoryFacts.in(facts);
        if (!history.available()) {
            return settings.notAssessed(history.missingReason());
        }
        return evaluate(history, facts, settings);
    }

    /** @param history the available history of the assessed folder */
    protected abstract CheckResult evaluate(HistoryFacts history, Facts facts, CheckSettings settings);
}
