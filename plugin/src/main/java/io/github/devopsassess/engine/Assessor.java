package io.github.devopsassess.engine;

import io.github.devopsassess.check.BuiltInChecks;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.custom.CustomCheck;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricException;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.scan.Scanners;
import io.github.devopsassess.score.Scorer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs one assessment: rubric, sources, scanners, checks, scores. Renders nothing and gates nothing. */
public final class Assessor {

    /** The assessment and the rubric it was scored with (the report needs both). */
    public record Outcome(Assessment assessment, Rubric rubric) {
    }

    public static final String TOOL = "devops-maven-plugin";

    public Outcome assess(AssessmentRequest request) throws AssessmentException {
        Rubric rubric = loadRubric(request);
        try (Sources sources = Sources.open(request, lineCountsNeeded(rubric))) {
            Facts.Builder builder = Facts.builder();
            // The custom scanner reads exactly the files the rubric's custom checks examine.
            ScanContext context = new ScanContext(sources.tree(), sources.history(), sources.historyMissing(),
                    request.options().withCustomFiles(CustomCheck.filesToRead(rubric.checks().values())),
                    request.info());
            for (Scanner scanner : Scanners.all()) {
                try {
                    scanner.scan(context, builder);
                } catch (RuntimeException e) {
                    // A scanner bug must not cost the user the rest of the assessment.
                    builder.problem(null, null, "the " + scanner.id() + " scanner failed (" + e
                            + "); its areas are not assessed. Please report this.");
                }
            }
            Facts facts = builder.build();
            Map<String, CheckResult> results = evaluate(rubric, facts);
            Scorer.Scores scores = new Scorer(rubric).score(results);

            List<Finding> findings = new ArrayList<>();
            Map<String, Object> metrics = new TreeMap<>();
            for (AreaScore area : scores.areas()) {
                for (CheckResult r : area.checks()) {
                    findings.addAll(r.findings());
                    metrics.putAll(r.metrics());
                }
            }
            List<String> areaOrder = new ArrayList<>(rubric.areas().keySet());
            Comparator<Finding> order = Comparator.comparing(Finding::severity, Comparator.reverseOrder());
            order = order.thenComparingInt(f -> areaOrder.indexOf(f.area()))
                    .thenComparing(Finding::check)
                    .thenComparing(f -> f.subject() == null ? "" : f.subject())
                    .thenComparing(f -> f.fingerprint());
            findings.sort(order);
            List<ParseProblem> problems = new ArrayList<>(facts.problems());
            problems.sort(Comparator.comparing((ParseProblem p) -> p.path() == null ? "" : p.path())
                    .thenComparing(p -> p.line() == null ? 0 : p.line()));
            problems.forEach(p -> request.warn().accept(p.label()));

            Assessment.Subject subject = new Assessment.Subject(request.name(), sources.tree().subtree(),
                    sources.commit(), sources.refName(), sources.workingTree(), date(request, sources));
            Assessment assessment = new Assessment(Assessment.SCHEMA_VERSION, TOOL + " " + Version.get(), subject,
                    scores.score(), scores.level(), scores.areas(), findings, problems, metrics, scores.nextLevel());
            return new Outcome(assessment, rubric);
        }
    }

    private static Rubric loadRubric(AssessmentRequest request) throws AssessmentException {
        RubricLoader loader = new RubricLoader(BuiltInChecks.byId().keySet(), Assessor.class.getClassLoader());
        try {
            Rubric rubric = request.rubricFile() == null ? loader.loadDefault() : loader.load(request.rubricFile());
            return rubric.forProfile(request.profile());
        } catch (RubricException e) {
            throw new AssessmentException(e.getMessage(), e);
        }
    }

    /** True when an enabled check of the rubric reads line counts, which cost a content diff per changed file. */
    static boolean lineCountsNeeded(Rubric rubric) {
        Map<String, Check> checks = BuiltInChecks.byId();
        return rubric.checks().values().stream().filter(CheckDef::enabled).map(d -> checks.get(d.id()))
                .anyMatch(c -> c != null && c.needsLineCounts());
    }

    private static Map<String, CheckResult> evaluate(Rubric rubric, Facts facts) {
        Map<String, Check> checks = BuiltInChecks.byId();
        Map<String, CheckResult> results = new LinkedHashMap<>();
        Check custom = new CustomCheck();
        for (CheckDef def : rubric.checks().values()) {
            Check check = def.isCustom() ? custom : checks.get(def.id());
            if (!def.enabled() || check == null) {
                continue;
            }
            CheckSettings settings = new CheckSettings(def);
            try {
                results.put(def.id(), check.evaluate(facts, settings));
            } catch (RuntimeException e) {
                results.put(def.id(), settings.notAssessed("the check failed (" + e + "); please report this"));
            }
        }
        return results;
    }

    /** The commit's time when there is one, else the build's output timestamp; never the clock. */
    private static String date(AssessmentRequest request, Sources sources) {
        if (sources.commitTime() > 0) {
            return Instant.ofEpochSecond(sources.commitTime()).toString();
        }
        String ts = request.outputTimestamp();
        if (ts != null && !ts.isBlank()) {
            try {
                return OffsetDateTime.parse(ts.trim()).toInstant().toString();
            } catch (DateTimeParseException e) {
                if (ts.trim().matches("\\d+")) {
                    return Instant.ofEpochSecond(Long.parseLong(ts.trim())).toString();
                }
            }
        }
        return null;
    }
}
