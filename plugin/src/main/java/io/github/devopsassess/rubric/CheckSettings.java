package io.github.devopsassess.rubric;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;

import java.util.List;

/**
 * What a check receives from the rubric, with helpers so that every check builds findings and results the same way.
 */
public record CheckSettings(CheckDef def) {

    public String id() {
        return def.id();
    }

    public Severity severity() {
        return def.severity();
    }

    /** A numeric threshold; the rubric loader has already verified that it is a number. */
    public double threshold(String name, double fallback) {
        Object v = def.thresholds().get(name);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    public int intThreshold(String name, int fallback) {
        return (int) Math.round(threshold(name, fallback));
    }

    /** A finding at the check's full severity (its "fail" level). */
    public Finding fail(String message, String subject, List<Evidence> evidence) {
        return Finding.of(def.id(), def.area(), def.severity(), message, subject, evidence, def.remediation());
    }

    /** A finding one severity step below the check's (its "warn" level). */
    public Finding warn(String message, String subject, List<Evidence> evidence) {
        return Finding.of(def.id(), def.area(), def.severity().lower(), message, subject, evidence,
                def.remediation());
    }
}
