package io.github.devopsassess.report;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.NextLevel;
import io.github.devopsassess.model.BaselineChanges;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.model.Waiver;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.ScanScope;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.LevelDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The page a leader opens first: the level, the areas at a glance, what changed since the baseline, the few things
 * to do next, how complete the assessment is, and what exactly was assessed.
 */
final class IndexPage {

    /** How many new findings "what changed" lists before pointing to the area pages. */
    static final int LISTED_CHANGES = 10;
    /** A waiver that accepts this many findings or more is listed as broad on the index page. */
    static final int BROAD_WAIVER = 3;

    private final SiteInput input;
    private final Assessment assessment;
    private final Vocabulary words;

    IndexPage(SiteInput input) {
        this.input = input;
        this.assessment = input.assessment();
        this.words = new Vocabulary(input.rubric());
    }

    String render() {
        StringBuilder a = new StringBuilder();
        a.append("= DevOps assessment: ").append(Adoc.text(assessment.subject().name())).append("\n\n");
        a.append("[.subject]\n").append(subjectLine()).append("\n\n");
        // The score and the top risks come first, so that on a desktop screen (1366x768) a leader sees the worst
        // findings without scrolling; the ladder, the areas and the changes follow.
        overall(a);
        risks(a);
        ladder(a);
        areas(a);
        changes(a);
        owners(a);
        coverage(a);
        exemptions(a);
        problems(a);
        return a.toString();
    }

    private void overall(StringBuilder a) {
        a.append("== Maturity level\n\n");
        if (assessment.score() == null) {
            a.append("[.not-assessed]#Not assessed#: no area had data to assess.\n\n");
        } else {
            a.append("[.score-summary.level-").append(Adoc.id(assessment.level() == null ? "none"
                    : assessment.level())).append("]\n");
            a.append("Score [.score]#").append(assessment.score()).append("# of 100, level ")
                    .append(words.levelRole(assessment.level()));
            BaselineChanges c = input.changes();
            if (c != null && c.baselineScore() != null) {
                a.append(" (").append(Vocabulary.delta(c.baselineScore(), assessment.score()))
                        .append(" since the baseline)");
            }
            a.append("\n\n");
            confidence(a);
        }
    }

    /** The maturity ladder, where the team stands on it, and the way to the next rung. */
    private void ladder(StringBuilder a) {
        a.append("== The next level\n\n");
        a.append("[cols=\"2,1,6\",options=\"header\"]\n.The maturity ladder\n|===\n|Level |From score |Meaning\n");
        for (LevelDef level : input.rubric().levels()) {
            boolean current = level.id().equals(assessment.level());
            a.append("|").append(words.levelRole(level.id())).append(current ? " *(you are here)*" : "").append(" |")
                    .append(level.minScore()).append(" |").append(Adoc.text(level.description())).append("\n");
        }
        a.append("|===\n\n");
        nextLevel(a);
    }

    /** What the overall score rests on: the share of the rubric, by weight, that had data. */
    private void confidence(StringBuilder a) {
        long checks = assessment.areas().stream().mapToLong(ar -> ar.checks().size()).sum();
        long measured = assessment.areas().stream().mapToLong(AreaScore::measuredChecks).sum();
        List<String> low = assessment.areas().stream().filter(AreaScore::lowConfidence).map(AreaScore::title)
                .toList();
        a.append("[.confidence]\nThe score rests on *").append(Math.round(100 * assessment.measuredShare()))
                .append("% of the rubric* by weight: ").append(measured).append(" of ")
                .append(Words.plural(checks, "check", "checks")).append(" had data.");
        if (!low.isEmpty()) {
            a.append(" ").append(Words.plural(low.size(), "area is", "areas are"))
                    .append(" of [.low-confidence]#low confidence# (fewer than half of their checks measured: ")
                    .append(Adoc.text(String.join(", ", low))).append(").");
        }
        if (assessment.lowConfidence()) {
            a.append(" The overall score is of [.low-confidence]#low confidence#: it rests on less than half of the"
                    + " rubric, so its level cannot be above ")
                    .append(words.levelRole(input.rubric().lowConfidenceLevel())).append(" whatever the score.");
        }
        a.append("\n\n");
    }

    /** What stands between the team and the next rung of the ladder. */
    private void nextLevel(StringBuilder a) {
        NextLevel next = assessment.nextLevel();
        if (next == null) {
            return;
        }
        a.append("[.next-level]\n*Next level:* ").append(words.levelRole(next.level())).append(" needs a score of ")
                .append(next.minScore()).append(next.scoreReached() ? " (reached)" : "");
        if (next.blockingChecks().isEmpty()) {
            a.append(".\n\n");
            new PathToNextLevel(input.rubric(), "").render(a, next, assessment.score(), "the score");
            return;
        }
        a.append(" and these required checks to pass:\n\n");
        for (NextLevel.Blocker b : next.blockingChecks()) {
            a.append("* link:").append(Vocabulary.checkPage(b.check())).append("[").append(Adoc.text(b.title()))
                    .append("] ").append(Adoc.code(b.check())).append(" — ")
                    .append(b.status() == CheckStatus.NOT_ASSESSED ? "[.not-assessed]#not assessed#"
                            : "[.severity-high]#" + Adoc.text(b.status().id()) + "#")
                    .append(", required from ").append(words.levelRole(b.requiredFor())).append("\n");
        }
        a.append("\n");
        new PathToNextLevel(input.rubric(), "").render(a, next, assessment.score(), "the score");
    }

    private void areas(StringBuilder a) {
        a.append("== Areas\n\n");
        Map<String, Integer> before = input.changes() == null ? Map.of() : input.changes().baselineAreas();
        List<Charts.Axis> axes = new ArrayList<>();
        StringBuilder desc = new StringBuilder("Scores of the nine areas from 0 to 100: ");
        List<String> parts = new ArrayList<>();
        for (AreaScore area : assessment.areas()) {
            axes.add(new Charts.Axis(area.title(), area.assessed() ? area.score() : null,
                    before.get(area.area())));
            parts.add(area.title() + " " + (area.assessed() ? String.valueOf(area.score()) : "not assessed"));
        }
        desc.append(String.join(", ", parts)).append(".");
        if (axes.stream().filter(x -> x.baseline() != null).count() >= 3) {
            desc.append(" A dashed outline shows the baseline.");
        }
        a.append(Charts.radar("radar", "Area scores", desc.toString(), axes));
        boolean withBaseline = input.changes() != null;
        a.append(withBaseline ? "[cols=\"3,1,1,2,2,1,5\",options=\"header\"]\n"
                : "[cols=\"3,1,2,2,1,5\",options=\"header\"]\n");
        a.append(".Area scores (the data of the chart)\n|===\n|Area |Score ");
        a.append(withBaseline ? "|Since baseline " : "").append("|Measured |Level |Findings |Anti-pattern\n");
        for (AreaScore area : assessment.areas()) {
            long findings = area.checks().stream().mapToLong(c -> c.findings().size()).sum();
            a.append("|link:").append(Vocabulary.areaPage(area.area())).append("[").append(Adoc.text(area.title()))
                    .append("]");
            a.append(" |").append(area.assessed() ? String.valueOf(area.score()) : "[.not-assessed]#n/a#");
            if (withBaseline) {
                a.append(" |").append(Vocabulary.delta(before.get(area.area()), area.assessed() ? area.score()
                        : null));
            }
            a.append(" |").append(measured(area));
            a.append(" |").append(area.assessed() ? words.levelRole(area.level())
                    : "[.not-assessed]#Not assessed#");
            a.append(" |").append(findings).append(" |").append(Adoc.text(area.antiPattern())).append("\n");
        }
        a.append("|===\n\n");
    }

    /** "3 of 5 checks", marked low confidence when fewer than half had data. */
    static String measured(AreaScore area) {
        if (area.checks().isEmpty()) {
            return "[.not-assessed]#no checks#";
        }
        String text = area.measuredChecks() + " of " + Words.plural(area.checks().size(), "check", "checks");
        return area.lowConfidence() ? text + " [.low-confidence]#low confidence#" : text;
    }

    private void changes(StringBuilder a) {
        a.append("== What changed since the baseline\n\n");
        BaselineChanges c = input.changes();
        if (c == null) {
            a.append("There is no baseline to compare with yet. Run `mvn devops:baseline` and commit "
                    + "`devops-baseline.json` to see here what got better or worse from one build to the next.\n\n");
            return;
        }
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (AreaScore area : assessment.areas()) {
            Integer b = c.baselineAreas().get(area.area());
            if (b == null || !area.assessed() || b.equals(area.score())) {
                continue;
            }
            String line = "link:" + Vocabulary.areaPage(area.area()) + "[" + Adoc.text(area.title()) + "] " + b
                    + " → " + area.score() + " (" + Vocabulary.delta(b, area.score()) + ")";
            (area.score() > b ? up : down).add(line);
        }
        if (up.isEmpty() && down.isEmpty()) {
            a.append("No area score changed.\n\n");
        } else {
            if (!down.isEmpty()) {
                a.append("Areas that got worse:\n\n");
                down.forEach(l -> a.append("* ").append(l).append("\n"));
                a.append("\n");
            }
            if (!up.isEmpty()) {
                a.append("Areas that got better:\n\n");
                up.forEach(l -> a.append("* ").append(l).append("\n"));
                a.append("\n");
            }
        }
        Map<String, Finding> byFingerprint = assessment.findings().stream()
                .collect(Collectors.toMap(Finding::fingerprint, Function.identity(), (x, y) -> x,
                        LinkedHashMap::new));
        List<Finding> fresh = c.newFindings().stream().map(byFingerprint::get).filter(f -> f != null).toList();
        a.append("*").append(fresh.size()).append(" new* ").append(Words.noun(fresh.size(), "finding", "findings"))
                .append(fresh.isEmpty() ? ".\n\n" : ":\n\n");
        for (Finding f : fresh.subList(0, Math.min(LISTED_CHANGES, fresh.size()))) {
            a.append("* ").append(Vocabulary.severity(f.severity())).append(" ").append(Adoc.text(f.message()))
                    .append(" link:").append(Vocabulary.areaPage(f.area())).append("#")
                    .append(Vocabulary.findingAnchor(f)).append("[evidence]\n");
        }
        if (fresh.size() > LISTED_CHANGES) {
            a.append("* … and ").append(fresh.size() - LISTED_CHANGES).append(" more on the area pages\n");
        }
        if (!fresh.isEmpty()) {
            a.append("\n");
        }
        a.append("*").append(c.fixed().size()).append(" fixed* ")
                .append(Words.noun(c.fixed().size(), "finding", "findings"))
                .append(c.fixed().isEmpty() ? ".\n\n" : ":\n\n");
        for (BaselineChanges.Fixed f : c.fixed().subList(0, Math.min(LISTED_CHANGES, c.fixed().size()))) {
            a.append("* [.improvement]#fixed# ").append(Adoc.text(f.message())).append(" (")
                    .append(Adoc.code(f.check())).append(")\n");
        }
        if (c.fixed().size() > LISTED_CHANGES) {
            a.append("* … and ").append(c.fixed().size() - LISTED_CHANGES).append(" more\n");
        }
        a.append("\n");
    }

    private void risks(StringBuilder a) {
        a.append("== Top risks: what to do next\n\n");
        List<TopRisks.Row> risks = TopRisks.of(assessment);
        if (risks.isEmpty()) {
            a.append(assessment.findings().isEmpty() && assessment.score() != null
                    ? "No findings: nothing stands out as a risk.\n\n"
                    : "No findings.\n\n");
            return;
        }
        a.append("Worst first: by severity, then the weakest area (lowest score), then the area's weight. Every"
                + " critical finding is here, at most two rows per check, and the two weakest areas with a failing"
                + " check have a row each.\n\n");
        a.append("[.risks,cols=\"1,2,8,3\",options=\"header\"]\n|===\n|# |Severity |Risk and what to do |Area\n");
        FindingOwners owners = FindingOwners.of(input.facts());
        int i = 1;
        for (TopRisks.Row r : risks) {
            Finding f = r.finding();
            a.append("|").append(i++).append(" |").append(Vocabulary.severity(f.severity())).append(" |");
            a.append("*").append(Adoc.text(words.checkTitle(f.check()))).append("*: ").append(Adoc.text(f.message()));
            if (!r.others().isEmpty()) {
                a.append(" (and ").append(r.others().size()).append(" more like it");
                List<Finding> criticals = r.otherCriticals();
                if (!criticals.isEmpty()) {
                    a.append(", critical: ").append(criticals.stream().map(c -> Adoc.text(c.message()))
                            .collect(Collectors.joining("; ")));
                }
                a.append(")");
            }
            a.append(" +\n*Next:* ").append(Adoc.text(Vocabulary.firstSentence(f.remediation())));
            if (owners != null) {
                a.append(" *Owner:* ").append(Adoc.text(owners.label(f))).append(".");
            }
            if (f.since() != null) {
                a.append(" [.since]#").append(Adoc.text(f.since().label())).append("#.");
            }
            a.append(" link:").append(Vocabulary.areaPage(f.area())).append("#").append(Vocabulary.findingAnchor(f))
                    .append("[Evidence] · link:").append(Vocabulary.checkPage(f.check())).append("[About the check]");
            a.append(" |link:").append(Vocabulary.areaPage(f.area())).append("[")
                    .append(Adoc.text(words.areaTitle(f.area()))).append("]");
            if (r.areaScore() != null) {
                a.append(" +\n").append(r.areaScore()).append(" of 100");
            }
            a.append("\n");
        }
        a.append("|===\n\n");
        long more = assessment.findings().stream().map(Finding::check).distinct().count()
                - risks.stream().map(r -> r.finding().check()).distinct().count();
        if (more > 0) {
            a.append("Findings of ").append(more).append(" more ").append(Words.noun(more, "check", "checks"))
                    .append(" are on the area pages.\n\n");
        }
    }

    /** The findings grouped by the owners CODEOWNERS declares for their evidence, so that each can be routed. */
    private void owners(StringBuilder a) {
        FindingOwners owners = FindingOwners.of(input.facts());
        if (owners == null || assessment.findings().isEmpty()) {
            return;
        }
        Map<String, List<Finding>> byOwner = new LinkedHashMap<>();
        for (Finding f : assessment.findings()) {
            List<String> of = owners.of(f);
            for (String o : of.isEmpty() ? List.of(FindingOwners.NOBODY) : of) {
                byOwner.computeIfAbsent(o, k -> new ArrayList<>()).add(f);
            }
        }
        List<Map.Entry<String, List<Finding>>> rows = new ArrayList<>(byOwner.entrySet());
        rows.sort(java.util.Comparator.comparing((Map.Entry<String, List<Finding>> e) -> worst(e.getValue()))
                .reversed().thenComparing(e -> e.getValue().size(), java.util.Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey));
        a.append("== Findings by owner\n\n");
        a.append("Who can act on each finding: the owners CODEOWNERS declares for the paths of its evidence.\n\n");
        a.append("[.owners,cols=\"3,1,1,6\",options=\"header\"]\n|===\n|Owner |Findings |Worst |Checks\n");
        for (Map.Entry<String, List<Finding>> e : rows) {
            String checks = e.getValue().stream().map(Finding::check).distinct()
                    .map(c -> "link:" + Vocabulary.checkPage(c) + "[" + Adoc.text(words.checkTitle(c)) + "]")
                    .collect(Collectors.joining(", "));
            a.append("|").append(e.getKey().equals(FindingOwners.NOBODY) ? "[.not-assessed]#no declared owner#"
                    : Adoc.text(e.getKey())).append(" |").append(e.getValue().size()).append(" |")
                    .append(Vocabulary.severity(worst(e.getValue()))).append(" |").append(checks).append("\n");
        }
        a.append("|===\n\n");
    }

    private static io.github.devopsassess.model.Severity worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).max(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    private void coverage(StringBuilder a) {
        a.append("== Assessment coverage\n\n");
        long assessed = assessment.areas().stream().filter(AreaScore::assessed).count();
        a.append(assessed).append(" of ").append(assessment.areas().size())
                .append(" areas had data to assess. An area without data is left out of the overall score rather"
                        + " than counted as zero.\n\n");
        a.append("[cols=\"3,2,7\",options=\"header\"]\n|===\n|Area |Checks with data |What was missing\n");
        for (AreaScore area : assessment.areas()) {
            long withData = area.checks().stream().filter(CheckResult::assessed).count();
            List<String> missing = area.checks().stream().filter(r -> !r.assessed())
                    .map(r -> Adoc.code(r.check()) + ": " + Adoc.text(r.summary())).toList();
            a.append("|link:").append(Vocabulary.areaPage(area.area())).append("[").append(Adoc.text(area.title()))
                    .append("] |").append(area.checks().isEmpty() ? "[.not-assessed]#no checks#"
                            : withData + " of " + area.checks().size())
                    .append(" |").append(missing.isEmpty() ? (area.checks().isEmpty()
                            ? "No check of this area is enabled in this version of the rubric." : "Nothing")
                            : String.join("; ", missing)).append("\n");
        }
        a.append("|===\n\n");
    }

    /**
     * What the team told the assessment not to look at: checks its rubric turned off, files it excluded, and broad
     * waivers (those that accept {@value #BROAD_WAIVER} findings or more, or last more than a year).
     */
    private void exemptions(StringBuilder a) {
        List<String> lines = new ArrayList<>();
        input.rubric().disabled().forEach((id, where) -> {
            CheckDef def = input.rubric().checks().get(id);
            lines.add("Check " + Adoc.code(id) + (def == null ? "" : " (" + Adoc.text(def.title()) + ")")
                    + " is turned off by " + Adoc.code(where) + ".");
        });
        input.facts().find(ScanScope.class).filter(s -> !s.sourceExcludes().isEmpty()).ifPresent(s -> lines.add(
                "Files matching " + String.join(", ", s.sourceExcludes().stream().map(Adoc::code).toList())
                        + " are not counted as source (`devops.sourceExcludes`)."));
        Map<String, List<Finding>> byWaiver = new LinkedHashMap<>();
        assessment.findings().stream().filter(Finding::waived)
                .forEach(f -> byWaiver.computeIfAbsent(f.waiver().source(), k -> new ArrayList<>()).add(f));
        java.time.LocalDate today = date();
        byWaiver.forEach((source, findings) -> {
            Waiver w = findings.get(0).waiver();
            long days = today == null ? 0 : expiresIn(w, today);
            boolean many = findings.size() >= BROAD_WAIVER;
            if (many || days > 365) {
                lines.add("The waiver at " + Adoc.code(source) + " (" + Adoc.text(w.reason()) + ", owner "
                        + Adoc.text(w.owner()) + ", until " + Adoc.text(w.expires()) + ") accepts "
                        + Words.plural(findings.size(), "finding", "findings") + " of "
                        + String.join(", ", findings.stream().map(Finding::check).distinct().map(Adoc::code)
                                .toList()) + (days > 365 ? ", for more than a year" : "") + ".");
            }
        });
        if (lines.isEmpty()) {
            return;
        }
        a.append("[.exemptions]\n== Not looked at\n\n");
        a.append("The team exempted these from the assessment; nothing below is scored.\n\n");
        lines.forEach(l -> a.append("* ").append(l).append("\n"));
        a.append("\n");
    }

    /** The assessment's date, or {@code null} when it has none. */
    private java.time.LocalDate date() {
        String d = assessment.subject().date();
        try {
            return d == null || d.length() < 10 ? null : java.time.LocalDate.parse(d.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static long expiresIn(Waiver w, java.time.LocalDate today) {
        try {
            return java.time.temporal.ChronoUnit.DAYS.between(today, java.time.LocalDate.parse(w.expires()));
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }

    private void problems(StringBuilder a) {
        if (assessment.problems().isEmpty()) {
            return;
        }
        a.append("== Inputs that could not be read\n\n");
        a.append("These files were skipped in whole or in part; the rest of the assessment went on.\n\n");
        for (ParseProblem p : assessment.problems()) {
            String where = p.path() == null ? "" : p.path() + (p.line() == null ? "" : ":" + p.line());
            a.append("* ").append(where.isEmpty() ? "" : Adoc.code(where) + " ").append(Adoc.text(p.message()))
                    .append("\n");
        }
        a.append("\n");
    }

    private String subjectLine() {
        Assessment.Subject s = assessment.subject();
        List<String> parts = new ArrayList<>();
        parts.add("Assessed " + (s.path().isEmpty() ? "the repository root" : Adoc.code(s.path() + "/")));
        if (s.commit() != null) {
            parts.add("commit " + Adoc.code(Vocabulary.shortCommit(s.commit())));
        }
        if (s.ref() != null) {
            parts.add("branch " + Adoc.code(s.ref()));
        }
        if (s.workingTree()) {
            parts.add("read from the working tree");
        }
        if (s.date() != null) {
            parts.add("dated " + Adoc.text(s.date()));
        }
        parts.add("rubric " + Adoc.code(input.rubric().name()));
        return String.join(", ", parts) + ".";
    }
}
