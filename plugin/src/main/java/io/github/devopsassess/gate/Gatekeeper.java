package io.github.devopsassess.gate;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The gate's steps in the order both {@code assess} and {@code check} run them. */
public final class Gatekeeper {

    private Gatekeeper() {
    }

    /** Reads the waivers file; a missing file means no waivers. */
    public static Waivers.Loaded loadWaivers(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return Waivers.Loaded.none();
        }
        return Waivers.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * The day waivers are judged on: the assessment's own date (the assessed commit or the build timestamp), so that
     * re-running an old build gives the same answer; empty when the assessment has no date.
     */
    public static Optional<LocalDate> today(Assessment assessment) {
        String date = assessment.subject().date();
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(date).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The assessment with valid, unexpired waivers attached to the findings they match, and waiver problems added. */
    public static Assessment applyWaivers(Assessment a, Waivers.Loaded waivers) {
        if (waivers.entries().isEmpty() && waivers.problems().isEmpty()) {
            return a;
        }
        LocalDate today = today(a).orElse(LocalDate.MIN);
        List<Finding> findings = Waivers.apply(a.findings(), waivers.entries(), today);
        List<ParseProblem> problems = new ArrayList<>(a.problems());
        problems.addAll(waivers.problems());
        List<io.github.devopsassess.model.AreaScore> areas = a.areas().stream().map(area ->
                new io.github.devopsassess.model.AreaScore(area.area(), area.title(), area.antiPattern(), area.weight(),
                        area.assessed(), area.score(), area.level(), area.checks().stream().map(c ->
                        new io.github.devopsassess.model.CheckResult(c.check(), c.area(), c.status(), c.score(),
                                c.weight(), c.summary(), Waivers.apply(c.findings(), waivers.entries(), today),
                                c.metrics())).toList())).toList();
        return new Assessment(a.schemaVersion(), a.tool(), a.subject(), a.score(), a.level(), areas, findings,
                problems, a.metrics());
    }

    public static GateResult judge(Assessment a, Optional<Baseline> baseline, Waivers.Loaded waivers,
            GateSettings settings) {
        List<Waivers.Entry> expired = today(a).map(d -> Waivers.expired(waivers.entries(), d)).orElse(List.of());
        return new Gate(settings).evaluate(a, baseline, expired);
    }

    /**
     * Judges the assessment and says what to log, what to write and whether to fail; writes and logs nothing itself.
     */
    public static GateOutcome decide(GateRequest request) {
        Assessment assessment = request.assessment();
        Optional<Baseline> accepted = request.accepted();
        GateResult result = judge(assessment, accepted, request.waivers(), request.settings());
        List<String> info = new ArrayList<>(Summary.console(assessment, Optional.of(result)));
        List<String> warnings = new ArrayList<>();
        String markdown = Summary.markdown(assessment, Optional.of(result));
        if (accepted.isEmpty()) {
            info.add("No baseline at " + request.baselineName() + "; nothing to compare with. Run 'mvn devops:baseline'"
                    + " to accept this result and commit " + request.baselineName()
                    + " so later builds fail on regressions.");
        } else if (!result.fixed().isEmpty()) {
            info.add(Words.plural(result.fixed().size(), "baseline finding", "baseline findings") + " fixed.");
        }
        if (result.passed()) {
            Optional<Baseline> write = Optional.empty();
            if (accepted.isPresent()) {
                info.add("No regression against " + request.baselineName() + " ("
                        + Words.plural(result.newFindings(), "new finding", "new findings")
                        + " below " + request.settings().failOnSeverity().id() + " or waived).");
                Baseline tighter = Ratchet.tighten(accepted.get(), assessment);
                if (!tighter.equals(accepted.get())) {
                    String what = Words.plural(accepted.get().findings().size() - tighter.findings().size(),
                            "fixed finding", "fixed findings") + " removed, scores raised where they improved";
                    if (request.ratchet()) {
                        info.add("Ratchet: tightened " + request.baselineName() + " (" + what
                                + "); commit it to lock the improvement in.");
                        write = Optional.of(tighter);
                    } else {
                        info.add("Ratchet: " + request.baselineName() + " could be tightened (" + what + "). To lock"
                                + " the improvement in, run 'mvn devops:assess -Ddevops.ratchet=true' (or"
                                + " 'mvn devops:baseline' to accept today's result) and commit it.");
                    }
                }
            }
            return new GateOutcome(result, info, warnings, write, Optional.empty(), markdown);
        }
        StringBuilder message = new StringBuilder("DevOps assessment regressed")
                .append(accepted.isPresent() ? " against " + request.baselineName() : "").append(":\n");
        for (Regression r : result.regressions()) {
            message.append("  - ").append(r.message()).append('\n');
        }
        message.append("If this is intended, accept it with: mvn devops:baseline (and commit ")
                .append(request.baselineName()).append("), or waive single findings in ")
                .append(request.waiversName()).append('.');
        if (request.failOnRegression()) {
            return new GateOutcome(result, info, warnings, Optional.empty(), Optional.of(message.toString()),
                    markdown);
        }
        warnings.add(message + " (not failing: devops.failOnRegression=false)");
        return new GateOutcome(result, info, warnings, Optional.empty(), Optional.empty(), markdown);
    }
}
