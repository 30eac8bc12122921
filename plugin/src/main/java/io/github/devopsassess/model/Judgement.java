package io.github.devopsassess.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a check judged, before any score: its findings, how many items it looked at, and what it measured. The score
 * comes from the scoring policy the rubric declares for the check, and the status from the score, both in the
 * {@code score} package, so that no check computes either and status and score always agree.
 *
 * @param findings what it found, sorted by subject
 * @param judged how many items it judged (files, jobs, rotations…); 0 when the check judges the tree as a whole
 * @param lost for the proportional policy, how many of the judged items fail, when that is not simply one per
 *     finding at the check's severity and half per finding below it; {@code null} to count the findings
 * @param measured for the ladder policy, the measured value the rubric's steps are compared with, or {@code null}
 * @param summary one line: what was measured, against what
 * @param metrics named figures copied into the assessment's metrics
 * @param inapplicable why the check has nothing to judge although its facts are there (e.g. no production deploy
 *     job), or {@code null}; the check is then "not assessed" with that reason
 */
public record Judgement(List<Finding> findings, int judged, Double lost, Double measured, String summary,
        Map<String, Object> metrics, String inapplicable) {

    public Judgement {
        findings = findings.stream().sorted(Comparator.comparing(Finding::subject)).toList();
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
    }

    /** Findings over judged items. */
    public static Judgement of(List<Finding> findings, int judged, String summary) {
        return new Judgement(findings, judged, null, null, summary, Map.of(), null);
    }

    /** Nothing found. */
    public static Judgement clean(int judged, String summary) {
        return of(List.of(), judged, summary);
    }

    /** Nothing found, over the tree as a whole. */
    public static Judgement clean(String summary) {
        return of(List.of(), 0, summary);
    }

    /** The facts are there, but there is nothing this check can judge; the reason says what is missing. */
    public static Judgement inapplicable(String reason) {
        return new Judgement(List.of(), 0, null, null, reason, Map.of(), reason);
    }

    /** The same judgement with the number of failing items set (for the proportional policy). */
    public Judgement lost(double failing) {
        return new Judgement(findings, judged, failing, measured, summary, metrics, inapplicable);
    }

    /** The same judgement with a measured value (for the ladder policy). */
    public Judgement measured(double value) {
        return new Judgement(findings, judged, lost, value, summary, metrics, inapplicable);
    }

    public Judgement metrics(Map<String, Object> figures) {
        return new Judgement(findings, judged, lost, measured, summary, figures, inapplicable);
    }
}
