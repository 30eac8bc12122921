package io.github.devopsassess.report;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.SourceExcerpt;
import io.github.devopsassess.rubric.AreaDef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One area: the anti-pattern in the seed's terms, the score and how each check contributed to it, every finding
 * with its evidence (and the source lines it points at), what to do, and the area-specific sections.
 */
final class AreaPage {

    private final SiteInput input;
    private final Vocabulary words;
    private final Set<String> newFindings;

    AreaPage(SiteInput input) {
        this.input = input;
        this.words = new Vocabulary(input.rubric());
        this.newFindings = input.changes() == null ? Set.of() : new HashSet<>(input.changes().newFindings());
    }

    String render(AreaScore area) {
        StringBuilder a = new StringBuilder();
        a.append("= ").append(Adoc.text(area.title())).append("\n\n");
        AreaDef def = input.rubric().areas().get(area.area());
        a.append("[.anti-pattern]\nAnti-pattern: *").append(Adoc.text(area.antiPattern())).append("*\n\n");
        if (def != null && !def.description().isBlank()) {
            a.append(Adoc.text(def.description())).append("\n\n");
        }
        if (area.assessed()) {
            a.append("[.score-summary.level-").append(Adoc.id(area.level() == null ? "none" : area.level()))
                    .append("]\nScore [.score]#").append(area.score()).append("# of 100, level ")
                    .append(words.levelRole(area.level()));
            Integer before = input.changes() == null ? null : input.changes().baselineAreas().get(area.area());
            if (before != null) {
                a.append(" (").append(Vocabulary.delta(before, area.score())).append(" since the baseline)");
            }
            a.append("\n\n");
        } else {
            a.append("[.not-assessed]#Not assessed#: none of its checks had data to decide on.\n\n");
        }
        breakdown(a, area);
        findings(a, area);
        for (SiteSection section : input.sections()) {
            for (SiteSection.Section s : section.sections(new SiteSection.SiteContext(area.area(),
                    input.assessment(), input.rubric(), input.facts()))) {
                a.append("== ").append(Adoc.text(s.title())).append("\n\n").append(s.asciidoc().strip())
                        .append("\n\n");
            }
        }
        a.append("link:../index.html[Back to the overview]\n");
        return a.toString();
    }

    private void breakdown(StringBuilder a, AreaScore area) {
        a.append("== Score breakdown\n\n");
        if (area.checks().isEmpty()) {
            a.append("No check of this area is enabled in the rubric.\n\n");
            return;
        }
        double assessedWeight = area.checks().stream().filter(CheckResult::assessed).mapToDouble(CheckResult::weight)
                .sum();
        a.append("The area score is the weighted mean of the checks that had data; a check without data is left out"
                + " rather than counted as zero.\n\n");
        a.append("[cols=\"4,2,1,1,2,6\",options=\"header\"]\n|===\n|Check |Status |Score |Weight |Share of the area"
                + " |Measured\n");
        for (CheckResult r : area.checks()) {
            a.append("|link:../").append(Vocabulary.checkPage(r.check())).append("[")
                    .append(Adoc.text(words.checkTitle(r.check()))).append("] +\n").append(Adoc.code(r.check()))
                    .append(" |").append(Vocabulary.status(r)).append(" |")
                    .append(r.assessed() ? String.valueOf(Math.round(r.score() * 100)) : "[.not-assessed]#n/a#")
                    .append(" |").append(Vocabulary.number(r.weight())).append(" |");
            if (r.assessed() && assessedWeight > 0) {
                a.append(Math.round(100 * r.weight() / assessedWeight)).append("%");
            } else {
                a.append("[.not-assessed]#left out#");
            }
            a.append(" |").append(Adoc.text(r.summary())).append("\n");
        }
        a.append("|===\n\n");
    }

    private void findings(StringBuilder a, AreaScore area) {
        List<Finding> findings = new ArrayList<>();
        for (CheckResult r : area.checks()) {
            findings.addAll(r.findings());
        }
        a.append("== Findings (").append(findings.size()).append(")\n\n");
        if (findings.isEmpty()) {
            a.append(area.assessed() ? "No findings.\n\n" : "Nothing could be assessed.\n\n");
            return;
        }
        findings.sort(java.util.Comparator.comparing(Finding::severity).reversed());
        for (Finding f : findings) {
            finding(a, f);
        }
    }

    private void finding(StringBuilder a, Finding f) {
        a.append("[[").append(Vocabulary.findingAnchor(f)).append("]]\n");
        a.append("[.finding.severity-").append(f.severity().id()).append("]\n====\n");
        a.append(Vocabulary.severity(f.severity())).append(" ");
        if (newFindings.contains(f.fingerprint())) {
            a.append("[.new-finding]#new since the baseline# ");
        }
        a.append(Adoc.text(f.message())).append("\n\n");
        if (!f.evidence().isEmpty()) {
            a.append("[.evidence]\n.Evidence\n");
            for (Evidence e : f.evidence()) {
                a.append("* ").append(Vocabulary.evidence(e)).append("\n");
                String key = SourceExcerpt.key(e);
                SourceExcerpt excerpt = key == null ? null : input.excerpts().get(key);
                if (excerpt != null) {
                    a.append("+\n").append(excerpt(excerpt));
                }
            }
            a.append("\n");
        }
        if (f.remediation() != null && !f.remediation().isBlank()) {
            a.append("[.remediation]\n*What to do:* ").append(Adoc.text(f.remediation())).append("\n\n");
        }
        a.append("[.finding-meta]\nlink:../").append(Vocabulary.checkPage(f.check())).append("[")
                .append(Adoc.text(words.checkTitle(f.check()))).append("] ").append(Adoc.code(f.check()))
                .append(", fingerprint ").append(Adoc.code(f.fingerprint())).append("\n");
        a.append("====\n\n");
    }

    /**
     * Source lines as a passthrough block of HTML. Every line starts with a tag, so no line of repository text can be
     * read as an AsciiDoc directive; the text itself is escaped.
     */
    static String excerpt(SourceExcerpt x) {
        StringBuilder a = new StringBuilder("++++\n");
        a.append("<pre class=\"excerpt\"><code>");
        for (int i = 0; i < x.lines().size(); i++) {
            int n = x.firstLine() + i;
            boolean hit = n >= x.markFrom() && n <= x.markTo();
            // The line break sits inside the span so that the next source line again starts with a tag.
            a.append("<span class=\"line").append(hit ? " hit" : "").append("\"><span class=\"ln\">")
                    .append(hit ? "▶" : " ").append(String.format(java.util.Locale.ROOT, "%5d", n)).append("</span> ")
                    .append(Adoc.html(x.lines().get(i))).append(i + 1 < x.lines().size() ? "\n" : "")
                    .append("</span>");
        }
        a.append("</code></pre>\n++++\n");
        return a.toString();
    }
}
