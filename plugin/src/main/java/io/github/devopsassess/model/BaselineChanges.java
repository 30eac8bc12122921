package io.github.devopsassess.model;

import java.util.List;
import java.util.Map;

/**
 * What changed since the committed baseline, decided by the gate and shown by the report.
 *
 * @param baselineScore the overall score of the baseline, or {@code null} when it had none
 * @param baselineAreas area id → score in the baseline (areas that were not assessed are absent)
 * @param newFindings fingerprints of current findings that are not in the baseline, in assessment order
 * @param fixed baseline findings that are gone, sorted by fingerprint
 */
public record BaselineChanges(Integer baselineScore, Map<String, Integer> baselineAreas, List<String> newFindings,
        List<Fixed> fixed) {

    public BaselineChanges {
        baselineAreas = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(baselineAreas));
        newFindings = List.copyOf(newFindings);
        fixed = List.copyOf(fixed);
    }

    /** A finding accepted in the baseline that no longer appears. */
    public record Fixed(String fingerprint, String check, String severity, String message) {
    }
}
