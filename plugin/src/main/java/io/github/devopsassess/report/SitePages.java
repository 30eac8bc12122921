package io.github.devopsassess.report;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.NextLevel;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the AsciiDoc source of every page. Everything that comes from the repository or the rubric passes through
 * {@link Adoc}; the only raw AsciiDoc is the page structure written here.
 */
public final class SitePages {

    /** How many findings the index lists. */
    static final int TOP_FINDINGS = 10;

    private final Assessment assessment;
    private final Rubric rubric;

    public SitePages(Assessment assessment, Rubric rubric) {
        this.assessment = assessment;
        this.rubric = rubric;
    }

    /** Page path (relative to the site folder, without extension) → AsciiDoc source, in a stable order. */
    public Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("index", index());
        for (AreaScore area : assessment.areas()) {
            pages.put("areas/" + area.area(), area(area));
        }
        return pages;
    }

    static String areaPage(String areaId) {
        return "areas/" + Adoc.id(areaId) + ".html";
    }

    static String findingAnchor(Finding f) {
        return "finding-" + f.fingerprint();
    }

    private String index() {
        StringBuilder a = new StringBuilder();
        a.append("= DevOps assessment: ").append(Adoc.text(assessment.subject().name())).append("\n\n");
        a.append(subjectLine()).append("\n\n");
        a.append("== Overall\n\n");
        if (assessment.score() == null) {
            a.append("[.not-assessed]#Not assessed#: no area had data to assess.\n\n");
        } else {
            a.append("[.score-summary]\n");
            a.append("Score [.score]#").append(assessment.score()).append("# of 100, level ")
                    .append(levelRole(assessment.level())).append("\n\n");
        }
        a.append(ladder());
        a.append("== Areas\n\n");
        a.append("[cols=\"3,1,2,1,5\",options=\"header\"]\n|===\n");
        a.append("|Area |Score |Level |Findings |Anti-pattern\n");
        for (AreaScore area : assessment.areas()) {
            long findings = area.checks().stream().mapToLong(c -> c.findings().size()).sum();
            a.append("|link:").append(areaPage(area.area())).append("[").append(Adoc.text(area.title())).append("]");
            if (area.assessed()) {
                a.append(" |").append(area.score()).append(" |").append(levelRole(area.level()));
            } else {
                a.append(" |[.not-assessed]#n/a# |[.not-assessed]#Not assessed#");
            }
            a.append(" |").append(findings).append(" |").append(Adoc.text(area.antiPattern())).append("\n");
        }
        a.append("|===\n\n");

        a.append("== Top findings\n\n");
        List<Finding> findings = assessment.findings();
        if (findings.isEmpty()) {
            a.append("No findings.\n\n");
        } else {
            for (Finding f : findings.subList(0, Math.min(TOP_FINDINGS, findings.size()))) {
                a.append("* ").append(severity(f)).append(" ").append(Adoc.text(f.message())).append(" link:")
                        .append(areaPage(f.area())).append("#").append(findingAnchor(f)).append("[")
                        .append(Adoc.text(areaTitle(f.area()))).append(" → evidence]\n");
            }
            if (findings.size() > TOP_FINDINGS) {
                a.append("\n").append(findings.size() - TOP_FINDINGS)
                        .append(" more findings are listed on the area pages.\n");
            }
            a.append("\n");
        }
        a.append(problems());
        return a.toString();
    }

    private String ladder() {
        StringBuilder a = new StringBuilder();
        a.append("[cols=\"2,1,6\",options=\"header\"]\n.Maturity levels\n|===\n|Level |From score |Meaning\n");
        for (LevelDef level : rubric.levels()) {
            boolean current = level.id().equals(assessment.level());
            a.append("|").append(levelRole(level.id())).append(current ? " (current)" : "").append(" |")
                    .append(level.minScore()).append(" |").append(Adoc.text(level.description())).append("\n");
        }
        a.append("|===\n\n");
        a.append(nextLevel());
        return a.toString();
    }

    /** What the next level needs: the score, and in a ladder the required checks that block it. */
    private String nextLevel() {
        NextLevel next = assessment.nextLevel();
        if (next == null) {
            return "";
        }
        StringBuilder a = new StringBuilder("[.next-level]\n*Next level:* ").append(levelRole(next.level()))
                .append(" needs a score of ").append(next.minScore())
                .append(next.scoreReached() ? " (reached)" : "");
        if (next.blockingChecks().isEmpty()) {
            return a.append(".\n\n").toString();
        }
        a.append(" and these required checks to pass:\n\n");
        for (NextLevel.Blocker b : next.blockingChecks()) {
            a.append("* ").append(Adoc.text(b.title())).append(" ").append(Adoc.code(b.check())).append(" — ")
                    .append(b.status() == CheckStatus.NOT_ASSESSED ? "[.not-assessed]#not assessed#"
                            : "[.severity-high]#" + Adoc.text(b.status().id()) + "#")
                    .append(", required from ").append(levelRole(b.requiredFor())).append("\n");
        }
        return a.append("\n").toString();
    }

    private String problems() {
        if (assessment.problems().isEmpty()) {
            return "";
        }
        StringBuilder a = new StringBuilder("== Inputs that could not be read\n\n");
        a.append("These files were skipped in whole or in part; the rest of the assessment went on.\n\n");
        for (ParseProblem p : assessment.problems()) {
            String where = p.path() == null ? "" : p.path() + (p.line() == null ? "" : ":" + p.line());
            a.append("* ").append(where.isEmpty() ? "" : Adoc.code(where) + " ").append(Adoc.text(p.message()))
                    .append("\n");
        }
        return a.append("\n").toString();
    }

    private String area(AreaScore area) {
        StringBuilder a = new StringBuilder();
        a.append("= ").append(Adoc.text(area.title())).append("\n\n");
        AreaDef def = rubric.areas().get(area.area());
        a.append("Anti-pattern: *").append(Adoc.text(area.antiPattern())).append("*\n\n");
        if (def != null && !def.description().isBlank()) {
            a.append(Adoc.text(def.description())).append("\n\n");
        }
        if (area.assessed()) {
            a.append("Score [.score]#").append(area.score()).append("# of 100, level ").append(levelRole(area.level()))
                    .append("\n\n");
        } else {
            a.append("[.not-assessed]#Not assessed#: none of its checks had data to decide on.\n\n");
        }
        a.append("== Checks\n\n");
        if (area.checks().isEmpty()) {
            a.append("No check of this area is enabled in the rubric.\n\n");
        } else {
            a.append("[cols=\"3,1,1,5\",options=\"header\"]\n|===\n|Check |Status |Score |Measured\n");
            for (CheckResult r : area.checks()) {
                CheckDef c = rubric.checks().get(r.check());
                a.append("|").append(Adoc.text(c == null ? r.check() : c.title())).append(" ")
                        .append(Adoc.code(r.check())).append(" |").append(status(r)).append(" |")
                        .append(r.assessed() ? String.valueOf(Math.round(r.score() * 100)) : "[.not-assessed]#n/a#")
                        .append(" |").append(Adoc.text(r.summary())).append("\n");
            }
            a.append("|===\n\n");
        }
        a.append("== Findings\n\n");
        List<Finding> findings = new ArrayList<>();
        for (CheckResult r : area.checks()) {
            findings.addAll(r.findings());
        }
        if (findings.isEmpty()) {
            a.append(area.assessed() ? "No findings.\n\n" : "Nothing could be assessed.\n\n");
        }
        for (Finding f : findings) {
            a.append(finding(f));
        }
        a.append("link:../index.html[Back to the overview]\n");
        return a.toString();
    }

    private String finding(Finding f) {
        StringBuilder a = new StringBuilder();
        a.append("[[").append(findingAnchor(f)).append("]]\n");
        a.append("[.finding.severity-").append(f.severity().id()).append("]\n====\n");
        a.append(severity(f)).append(" ").append(Adoc.text(f.message())).append("\n\n");
        if (!f.evidence().isEmpty()) {
            a.append("[.evidence]\n");
            for (Evidence e : f.evidence()) {
                a.append("* ").append(evidence(e)).append("\n");
            }
            a.append("\n");
        }
        if (f.remediation() != null && !f.remediation().isBlank()) {
            a.append("[.remediation]\n*What to do:* ").append(Adoc.text(f.remediation())).append("\n\n");
        }
        a.append("Check ").append(Adoc.code(f.check())).append(", fingerprint ").append(Adoc.code(f.fingerprint()))
                .append("\n");
        a.append("====\n\n");
        return a.toString();
    }

    private static String evidence(Evidence e) {
        StringBuilder a = new StringBuilder();
        if (e.path() != null) {
            String loc = e.path();
            if (e.startLine() != null) {
                loc += ":" + e.startLine();
                if (e.endLine() != null && !e.endLine().equals(e.startLine())) {
                    loc += "-" + e.endLine();
                }
            }
            a.append(Adoc.code(loc));
        }
        if (e.commit() != null) {
            a.append(a.length() > 0 ? " " : "").append("commit ").append(Adoc.code(e.commit().substring(0,
                    Math.min(12, e.commit().length()))));
        }
        if (e.note() != null) {
            a.append(a.length() > 0 ? " — " : "").append(Adoc.text(e.note()));
        }
        return a.toString();
    }

    private String subjectLine() {
        Assessment.Subject s = assessment.subject();
        List<String> parts = new ArrayList<>();
        parts.add("Assessed " + (s.path().isEmpty() ? "the repository root" : Adoc.code(s.path() + "/")));
        if (s.commit() != null) {
            parts.add("commit " + Adoc.code(s.commit().substring(0, Math.min(12, s.commit().length()))));
        }
        if (s.ref() != null) {
            parts.add("on " + Adoc.code(s.ref()));
        }
        if (s.workingTree()) {
            parts.add("read from the working tree");
        }
        if (s.date() != null) {
            parts.add("dated " + Adoc.text(s.date()));
        }
        return String.join(", ", parts) + ".";
    }

    private String levelRole(String levelId) {
        if (levelId == null) {
            return "[.not-assessed]#none#";
        }
        String title = rubric.levels().stream().filter(l -> l.id().equals(levelId)).map(LevelDef::title)
                .findFirst().orElse(levelId);
        return "[.level.level-" + Adoc.id(levelId) + "]#" + Adoc.text(title) + "#";
    }

    private static String severity(Finding f) {
        return "[.severity-" + f.severity().id() + "]#" + f.severity().id().toUpperCase(Locale.ROOT) + "#";
    }

    private static String status(CheckResult r) {
        return switch (r.status()) {
            case PASS -> "pass";
            case WARN -> "[.severity-medium]#warn#";
            case FAIL -> "[.severity-high]#fail#";
            case NOT_ASSESSED -> "[.not-assessed]#not assessed#";
        };
    }

    private String areaTitle(String areaId) {
        AreaDef def = rubric.areas().get(areaId);
        return def == null ? areaId : def.title();
    }
}
