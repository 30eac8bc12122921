package io.github.devopsassess.gate;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides whether a build passes: scores that dropped beyond the tolerance, new findings at or above the failing
 * severity, minimum score and level, expired waivers and (optionally) stale baseline entries. A waived finding never
 * fails the build, and a score drop explained only by waived new findings is not a regression either.
 */
public final class Gate {

    private final GateSettings settings;

    public Gate(GateSettings settings) {
        this.settings = settings;
    }

    /** Compares with a baseline; no waivers. */
    public GateResult compare(Assessment assessment, Baseline baseline) {
        return evaluate(assessment, Optional.of(baseline), List.of());
    }

    /**
     * @param assessment the result, with waivers already applied to its findings
     * @param baseline the accepted state, if there is one
     * @param expiredWaivers waivers whose date has passed
     */
    public GateResult evaluate(Assessment assessment, Optional<Baseline> baseline, List<Waivers.Entry> expiredWaivers) {
        List<Regression> regressions = new ArrayList<>();
        for (Waivers.Entry e : expiredWaivers) {
            regressions.add(new Regression("waiver", e.source(), "The waiver at " + e.source() + " owned by "
                    + e.owner() + " expired on " + e.expires() + " (" + describe(e) + "): renew it with a new date or"
                    + " fix the finding"));
        }
        minimums(assessment, regressions);
        int fresh = 0;
        List<Baseline.Entry> fixed = List.of();
        if (baseline.isPresent()) {
            Baseline b = baseline.get();
            Set<String> accepted = b.findings().stream().map(Baseline.Entry::fingerprint).collect(Collectors.toSet());
            List<Finding> newFindings = assessment.findings().stream()
                    .filter(f -> !accepted.contains(f.fingerprint())).toList();
            fresh = newFindings.size();
            boolean allNewWaived = newFindings.stream().allMatch(Finding::waived);
            scores(assessment, b, newFindings, allNewWaived, regressions);
            for (Finding f : newFindings) {
                if (!f.waived() && f.severity().atLeast(settings.failOnSeverity())) {
                    regressions.add(new Regression("finding", f.fingerprint(), "New " + f.severity().id()
                            + " finding " + f.check() + ": " + f.message() + where(f)));
                }
            }
            Map<String, Finding> current = assessment.findings().stream()
                    .collect(Collectors.toMap(Finding::fingerprint, Function.identity(), (x, y) -> x));
            fixed = b.findings().stream().filter(e -> !current.containsKey(e.fingerprint())).toList();
            if (settings.failOnUnusedBaseline()) {
                for (Baseline.Entry e : fixed) {
                    regressions.add(new Regression("unused-baseline", e.fingerprint(), "The baseline still accepts "
                            + e.check() + " finding " + e.fingerprint() + " (\"" + e.message() + "\") which no"
                            + " longer exists; remove it with mvn devops:baseline"));
                }
            }
        }
        return new GateResult(regressions, fixed, fresh);
    }

    private void minimums(Assessment assessment, List<Regression> regressions) {
        if (settings.minimumScore() != null && (assessment.score() == null
                || assessment.score() < settings.minimumScore())) {
            regressions.add(new Regression("minimum-score", "overall", "The overall score "
                    + (assessment.score() == null ? "could not be assessed" : "is " + assessment.score())
                    + ", below the minimum of " + settings.minimumScore() + " (devops.minimumScore)"));
        }
        if (settings.minimumLevel() != null) {
            int wanted = settings.levels().indexOf(settings.minimumLevel());
            int actual = assessment.level() == null ? -1 : settings.levels().indexOf(assessment.level());
            if (actual < wanted) {
                regressions.add(new Regression("minimum-level", "overall", "The level is "
                        + (assessment.level() == null ? "not assessed" : assessment.level()) + ", below the minimum "
                        + settings.minimumLevel() + " (devops.minimumLevel)"));
            }
        }
    }

    private void scores(Assessment assessment, Baseline b, List<Finding> newFindings, boolean allNewWaived,
            List<Regression> out) {
        List<Regression> regressions = new ArrayList<>();
        boolean areaRegressed = false;
        for (AreaScore area : assessment.areas()) {
            Integer before = b.areas().get(area.area());
            if (before == null || !area.assessed() || area.score() >= before - settings.tolerance()) {
                continue; // an area that lost its data is reported as "not assessed", not as a regression
            }
            List<Finding> newHere = newFindings.stream().filter(f -> f.area().equals(area.area())).toList();
            if (!newHere.isEmpty() && newHere.stream().allMatch(Finding::waived)) {
                continue; // the drop is explained by findings the team has accepted
            }
            areaRegressed = true;
            String example = newHere.stream().filter(f -> !f.waived()).findFirst()
                    .or(() -> area.checks().stream().flatMap(c -> c.findings().stream()).findFirst())
                    .map(f -> "; e.g. " + f.message() + where(f)).orElse("");
            regressions.add(new Regression("area", area.area(), "Area " + area.title() + " dropped from " + before
                    + " to " + area.score() + example));
        }
        if (b.score() != null && assessment.score() == null) {
            out.add(new Regression("score", "overall", "The overall score was " + b.score()
                    + " and is now not assessed (no area had data)"));
        } else if (b.score() != null && assessment.score() < b.score() - settings.tolerance()
                && (areaRegressed || newFindings.isEmpty() || !allNewWaived)) {
            out.add(new Regression("score", "overall", "The overall score dropped from " + b.score()
                    + " to " + assessment.score() + " (tolerance " + fmt(settings.tolerance()) + ")"));
        }
        out.addAll(regressions); // the overall score first, then the areas that explain it
    }

    private static String where(Finding f) {
        return f.evidence().stream().map(Evidence::label).filter(s -> !s.isBlank()).findFirst()
                .map(s -> " [" + s + "]").orElse("");
    }

    private static String describe(Waivers.Entry e) {
        if (e.fingerprint() != null) {
            return "fingerprint " + e.fingerprint();
        }
        return "check " + e.check() + (e.path() == null ? "" : ", path " + e.path());
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
