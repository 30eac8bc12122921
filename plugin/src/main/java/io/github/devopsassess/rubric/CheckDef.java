package io.github.devopsassess.rubric;

import io.github.devopsassess.model.Severity;

import java.util.Map;

/**
 * A check as the rubric configures it.
 *
 * @param id check id, shared with its class, its documentation and its test
 * @param area area id
 * @param title human title
 * @param severity severity of a failing finding (a warning is one step lower)
 * @param weight weight inside the area
 * @param enabled false to leave it out entirely
 * @param thresholds named numbers such as {@code fail} and {@code warn}
 * @param description what it measures and why it matters
 * @param remediation what to do about a finding
 * @param level in a ladder, the lowest maturity level that requires this check to pass, or {@code null}
 * @param custom the declarative condition of a custom check (one written in the rubric, without Java), or
 *     {@code null} for a built-in check
 * @param docs documentation texts beyond description and remediation
 * @param input for a built-in check, the input it reads: the package under {@code check} that holds its class
 * @param implementation for a built-in check, its class's simple name
 * @param scoring how its judgement becomes a score
 */
public record CheckDef(String id, String area, String title, Severity severity, double weight, boolean enabled,
        Map<String, Object> thresholds, String description, String remediation, String level,
        CustomCondition custom, CheckDocs docs, String input, String implementation, Scoring scoring) {

    public CheckDef {
        thresholds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(thresholds));
        docs = docs == null ? CheckDocs.NONE : docs;
        scoring = scoring == null ? Scoring.PROPORTIONAL : scoring;
    }

    public CheckDef(String id, String area, String title, Severity severity, double weight, boolean enabled,
            Map<String, Object> thresholds, String description, String remediation, String level,
            CustomCondition custom, CheckDocs docs) {
        this(id, area, title, severity, weight, enabled, thresholds, description, remediation, level, custom, docs,
                null, null, null);
    }

    /** The fully qualified name of a built-in check's class, or {@code null} when the rubric names no input. */
    public String className() {
        if (input == null) {
            return null;
        }
        return "io.github.devopsassess.check." + input + "." + (implementation != null ? implementation
                : defaultClassName(id));
    }

    /** {@code truck-factor} → {@code TruckFactorCheck}. */
    public static String defaultClassName(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.append("Check").toString();
    }

    /** A built-in check outside any ladder, as tests and older code create it. */
    public CheckDef(String id, String area, String title, Severity severity, double weight, boolean enabled,
            Map<String, Object> thresholds, String description, String remediation) {
        this(id, area, title, severity, weight, enabled, thresholds, description, remediation, null, null,
                CheckDocs.NONE);
    }

    public boolean isCustom() {
        return custom != null;
    }
}
