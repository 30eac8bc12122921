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
 */
public record CheckDef(String id, String area, String title, Severity severity, double weight, boolean enabled,
        Map<String, Object> thresholds, String description, String remediation) {

    public CheckDef {
        thresholds = Map.copyOf(thresholds);
    }
}
