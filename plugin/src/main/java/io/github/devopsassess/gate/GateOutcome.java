package io.github.devopsassess.gate;

import java.util.List;
import java.util.Optional;

/**
 * What the gate decided, for the caller to carry out: lines to log, the tightened baseline to write (only when the
 * ratchet was asked for), the step-summary Markdown and, when the build must fail, the failure message. The gate
 * itself logs nothing and writes nothing.
 *
 * @param result the comparison with the baseline
 * @param info lines to log at info level, in order
 * @param warnings lines to log at warning level, after {@code info}
 * @param baselineToWrite the tightened baseline, when {@code ratchet} was on and it differs from the accepted one
 * @param failure the message the build fails with, or empty when it passes (or must not fail)
 * @param stepSummary Markdown for a CI run's summary page
 */
public record GateOutcome(GateResult result, List<String> info, List<String> warnings,
        Optional<Baseline> baselineToWrite, Optional<String> failure, String stepSummary) {

    public GateOutcome {
        info = List.copyOf(info);
        warnings = List.copyOf(warnings);
    }
}
