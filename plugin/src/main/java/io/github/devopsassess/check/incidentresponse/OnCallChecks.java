package io.github.devopsassess.check.incidentresponse;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.oncall.OnCallFacts;
import io.github.devopsassess.scan.oncall.Place;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every on-call check shares: finding the model, evidence at a place, and the result from findings. */
public final class OnCallChecks {

    private OnCallChecks() {
    }

    /** The on-call model when there is one to judge; empty when nothing was scanned or found. */
    public static Optional<OnCallFacts> model(Facts facts) {
        return facts.find(OnCallFacts.class).filter(m -> !m.empty());
    }

    public static String notFound(Facts facts) {
        return facts.find(OnCallFacts.class).isEmpty() ? "on-call configuration was not scanned"
                : "no on-call configuration found (PagerDuty, Opsgenie or Grafana OnCall Terraform or JSON, "
                        + "Cloud Posse Opsgenie YAML, oncall.yaml)";
    }

    public static Evidence at(Place place, String note) {
        return Evidence.line(place.path(), place.line()).withNote(note);
    }

    /** FAIL when any finding has the check's full severity, WARN otherwise; the score falls with each finding. */
    public static CheckResult result(CheckSettings settings, List<Finding> findings, int judged, String what,
            Map<String, Object> metrics) {
        List<Finding> sorted = findings.stream().sorted(Comparator.comparing(Finding::subject)).toList();
        String summary = findings.size() + " of " + judged + " " + what;
        if (findings.isEmpty()) {
            return settings.result(CheckStatus.PASS, 1.0, summary, List.of(), metrics);
        }
        boolean fail = findings.stream().anyMatch(f -> f.severity() == settings.severity());
        double score = judged == 0 ? 0 : Math.max(0, 1.0 - (double) findings.size() / judged);
        return settings.result(fail ? CheckStatus.FAIL : CheckStatus.WARN, fail ? Math.min(score, 0.5) : Math.max(
                score, 0.5), summary, sorted, metrics);
    }

    public static boolean failing(List<Finding> findings, Severity severity) {
        return findings.stream().anyMatch(f -> f.severity() == severity);
    }
}
