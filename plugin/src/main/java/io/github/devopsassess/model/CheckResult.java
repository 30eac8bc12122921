package io.github.devopsassess.model;

import java.util.List;
import java.util.Map;

/**
 * What one check decided.
 *
 * @param check check id
 * @param area area id
 * @param status pass, warn, fail or not assessed
 * @param score 0.0 (worst) to 1.0 (best); meaningless when not assessed
 * @param weight the check's weight inside its area
 * @param summary one line: the measured value and the threshold, or why it was not assessed
 * @param findings what it found
 * @param metrics named figures the check measured (e.g. {@code truckFactor}), copied into the assessment's metrics
 */
public record CheckResult(String check, String area, CheckStatus status, double score, double weight, String summary,
        List<Finding> findings, Map<String, Object> metrics) {

    public CheckResult {
        findings = List.copyOf(findings);
        metrics = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
    }

    /** The same result with its findings replaced (located, waived): status, score and metrics stay. */
    public CheckResult withFindings(List<Finding> replaced) {
        return replaced == findings ? this : new CheckResult(check, area, status, score, weight, summary, replaced,
                metrics);
    }

    public boolean assessed() {
        return status != CheckStatus.NOT_ASSESSED;
    }
}
