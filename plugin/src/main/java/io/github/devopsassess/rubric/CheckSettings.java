package io.github.devopsassess.rubric;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;

import java.util.List;
import java.util.Map;

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

    public CheckResult result(CheckStatus status, double score, String summary, List<Finding> findings) {
        return result(status, score, summary, findings, Map.of());
    }

    public CheckResult result(CheckStatus status, double score, String summary, List<Finding> findings,
            Map<String, Object> metrics) {
        return new CheckResult(def.id(), def.area(), status, Math.max(0, Math.min(1, score)), def.weight(), summary,
                findings, metrics);
    }

    public CheckResult pass(String summary) {
        return result(CheckStatus.PASS, 1.0, summary, List.of());
    }

    /** The check had no data to decide on; it is left out of the area score instead of counting as zero. */
    public CheckResult notAssessed(String reason) {
        return new CheckResult(def.id(), def.area(), CheckStatus.NOT_ASSESSED, 0, def.weight(), reason, List.of(),
                Map.of());
    }
}
