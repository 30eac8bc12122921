package io.github.devopsassess.gate;

import java.util.List;

/**
 * The comparison of an assessment with its baseline.
 *
 * @param regressions what got worse beyond the tolerance
 * @param fixed fingerprints of baseline findings that are gone
 * @param newFindings number of findings not in the baseline (at any severity)
 */
public record GateResult(List<Regression> regressions, List<Baseline.Entry> fixed, int newFindings) {
    public GateResult {
        regressions = List.copyOf(regressions);
        fixed = List.copyOf(fixed);
    }

    public boolean passed() {
        return regressions.isEmpty();
    }
}
