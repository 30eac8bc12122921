package io.github.devopsassess.testing;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;

/** Finds one check's result in an assessment, or fails naming the checks that are there. */
public final class Results {

    private Results() {
    }

    public static CheckResult result(Assessment assessment, String id) {
        return assessment.areas().stream().flatMap(a -> a.checks().stream()).filter(c -> c.check().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not in " + assessment.areas().stream()
                        .flatMap(a -> a.checks().stream()).map(CheckResult::check).toList()));
    }

    public static CheckResult result(Assessor.Outcome outcome, String id) {
        return result(outcome.assessment(), id);
    }
}
