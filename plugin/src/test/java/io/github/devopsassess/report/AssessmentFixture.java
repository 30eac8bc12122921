package io.github.devopsassess.report;

import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.score.CheckScores;
import io.github.devopsassess.score.Scorer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An assessment scored as the engine scores it: check results set by the test, every other enabled check of an
 * assessed area passing, the checks of the other areas not assessed; areas, overall score, levels and the next level
 * come from the real {@link Scorer}.
 */
final class AssessmentFixture {

    private final Rubric rubric;
    private final Set<String> assessedAreas = new LinkedHashSet<>();
    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final Map<String, String> summaries = new LinkedHashMap<>();
    private final Map<String, String> notAssessed = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    AssessmentFixture(Rubric rubric) {
        this.rubric = rubric;
    }

    /** Every enabled check of the area has data; those not set otherwise pass. */
    AssessmentFixture area(String... ids) {
        assessedAreas.addAll(List.of(ids));
        return this;
    }

    /** The check scored {@code score} (0–1) with a summary. */
    AssessmentFixture check(String id, double score, String summary) {
        scores.put(id, score);
        summaries.put(id, summary);
        assessedAreas.add(rubric.checks().get(id).area());
        return this;
    }

    /** The check had no data, for the reason given. */
    AssessmentFixture notAssessed(String id, String reason) {
        notAssessed.put(id, reason);
        return this;
    }

    /** A finding of the check, in the check's area; the check must be scored with {@link #check}. */
    Finding finding(String check, Severity severity, String message, String subject, Evidence... evidence) {
        CheckDef def = rubric.checks().get(check);
        Finding f = Finding.of(check, def.area(), severity, message, subject, List.of(evidence),
                def.remediation());
        findings.add(f);
        return f;
    }

    /** The finding of that subject, now true since the given commit. */
    AssessmentFixture since(String subject, io.github.devopsassess.model.Since since) {
        findings.replaceAll(f -> subject.equals(f.subject()) ? f.withSince(since) : f);
        return this;
    }

    /** The finding of that subject, accepted by a waiver. */
    AssessmentFixture waive(String subject, io.github.devopsassess.model.Waiver waiver) {
        findings.replaceAll(f -> subject.equals(f.subject()) ? f.withWaiver(waiver) : f);
        return this;
    }

    Assessment build() {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        for (CheckDef c : rubric.checks().values()) {
            if (!c.enabled()) {
                continue;
            }
            if (notAssessed.containsKey(c.id())) {
                results.put(c.id(), CheckScores.notAssessed(c, notAssessed.get(c.id())));
            } else if (scores.containsKey(c.id()) || assessedAreas.contains(c.area())) {
                double score = scores.getOrDefault(c.id(), 1.0);
                List<Finding> own = findings.stream().filter(f -> f.check().equals(c.id())).toList();
                results.put(c.id(), new CheckResult(c.id(), c.area(), CheckScores.status(score), score, c.weight(),
                        summaries.getOrDefault(c.id(), "nothing found"), own, Map.of()));
            } else {
                results.put(c.id(), CheckScores.notAssessed(c, "no data for " + c.id()));
            }
        }
        Scorer.Scores s = new Scorer(rubric).score(results);
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing(Finding::severity).reversed());
        return new Assessment(Assessment.SCHEMA_VERSION, "test", new Assessment.Subject("shop", "", null, "main",
                true, "2026-03-15T10:00:00Z"), s.score(), s.level(), s.areas(), sorted, List.of(), Map.of(),
                s.nextLevel());
    }

    /** Renders the site of the assessment and returns its directory. */
    Path render(Path dir) throws Exception {
        return render(dir, io.github.devopsassess.facts.Facts.builder().build());
    }

    /** Renders the site of the assessment with the facts the scanners saw. */
    Path render(Path dir, io.github.devopsassess.facts.Facts facts) throws Exception {
        Path site = dir.resolve("site");
        List<String> problems = new SiteRenderer(Theme.load(null), "gen").render(SiteInput.of(build(), rubric)
                .withFacts(facts), site);
        if (!problems.isEmpty()) {
            throw new AssertionError("the site has problems: " + problems);
        }
        return site;
    }
}
