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
 */
public record CheckDef(String id, String area, String title, Severity severity, double weight, boolean enabled,
        Map<String, Object> thresholds, String description, String remediation, String level,
        CustomCondition custom, CheckDocs docs) {

    public CheckDef {
        thresholds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(thresholds));
        docs = docs == null ? CheckDocs.NONE : docs;
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
