package io.github.devopsassess.gate;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares an assessment with the baseline: scores that dropped and new findings that matter. */
public final class Gate {

    private final GateSettings settings;

    public Gate(GateSettings settings) {
        this.settings = settings;
    }

    public GateResult compare(Assessment assessment, Baseline baseline) {
        List<Regression> regressions = new ArrayList<>();
        if (baseline.score() != null) {
            if (assessment.score() == null) {
                regressions.add(new Regression("score", "overall", "The overall score was " + baseline.score()
                        + " and is now not assessed (no area had data)"));
            } else if (assessment.score() < baseline.score() - settings.tolerance()) {
                regressions.add(new Regression("score", "overall", "The overall score dropped from "
                        + baseline.score() + " to " + assessment.score() + " (tolerance " + fmt(settings.tolerance())
                        + ")"));
            }
        }
        for (AreaScore area : assessment.areas()) {
            Integer before = baseline.areas().get(area.area());
            if (before == null || !area.assessed()) {
                continue; // an area that lost its data is reported as "not assessed", not as a regression
            }
            if (area.score() < before - settings.tolerance()) {
                String worst = area.checks().stream().flatMap(c -> c.findings().stream()).findFirst()
                        .map(f -> "; e.g. " + f.message()).orElse("");
                regressions.add(new Regression("area", area.area(), "Area " + area.title() + " dropped from " + before
                        + " to " + area.score() + worst));
            }
        }
        Set<String> accepted = baseline.findings().stream().map(Baseline.Entry::fingerprint)
                .collect(Collectors.toSet());
        int fresh = 0;
        for (Finding f : assessment.findings()) {
            if (accepted.contains(f.fingerprint())) {
                continue;
            }
            fresh++;
            if (f.severity().atLeast(settings.failOnSeverity())) {
                String where = f.evidence().stream().map(Evidence::label).filter(s -> !s.isBlank()).findFirst()
                        .map(s -> " [" + s + "]").orElse("");
                regressions.add(new Regression("finding", f.fingerprint(), "New " + f.severity().id() + " finding "
                        + f.check() + ": " + f.message() + where));
            }
        }
        Map<String, Finding> current = assessment.findings().stream()
                .collect(Collectors.toMap(Finding::fingerprint, Function.identity(), (a, b) -> a));
        List<Baseline.Entry> fixed = baseline.findings().stream().filter(e -> !current.containsKey(e.fingerprint()))
                .toList();
        return new GateResult(regressions, fixed, fresh);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
