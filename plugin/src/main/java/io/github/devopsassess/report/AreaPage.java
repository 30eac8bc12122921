package io.github.devopsassess.report;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.NextLevel;
import io.github.devopsassess.model.SourceExcerpt;
import io.github.devopsassess.model.Words;
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
    /** The owners of findings, or {@code null} when no ownership is declared. */
    private final FindingOwners owners;

    AreaPage(SiteInput input) {
        this.input = input;
        this.words = new Vocabulary(input.rubric());
        this.owners = FindingOwners.of(input.facts());
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
        confidence(a, area);
        nextLevel(a, area);
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

    /** How many checks had data, what was not measured and why, and what low confidence does to the level. */
    private void confidence(StringBuilder a, AreaScore area) {
        if (area.checks().isEmpty()) {
            return;
        }
        a.append("[.confidence]\n*").append(area.measuredChecks()).append(" of ")
                .append(Words.plural(area.checks().size(), "check", "checks")).append(" measured*");
        if (area.lowConfidence()) {
            String cap = input.rubric().lowConfidenceLevel();
            a.append(": [.low-confidence]#low confidence#. Fewer than half of its checks had data, so the area"
                    + " cannot show a level above ").append(cap == null ? "the lowest" : words.levelRole(cap))
                    .append(" whatever its score");
        }
        a.append(".\n\n");
        List<CheckResult> missing = area.checks().stream().filter(r -> !r.assessed()).toList();
        if (!missing.isEmpty()) {
            notMeasured(a, missing);
        }
    }

    /** What the area's next level needs and the few fixes that lift its score there. */
    private void nextLevel(StringBuilder a, AreaScore area) {
        if (!area.assessed()) {
            return;
        }
        a.append("== Path to the next level\n\n");
        NextLevel next = area.nextLevel();
        if (next == null) {
            a.append("The area is at the top level.\n\n");
            return;
        }
        a.append("[.next-level]\n*Next level:* ").append(words.levelRole(next.level())).append(" needs a score of ")
                .append(next.minScore()).append(next.scoreReached() ? " (reached)" : "");
        List<String> needs = new ArrayList<>();
        if (area.lowConfidence()) {
            needs.add("at least half of its checks measured (now " + area.measuredChecks() + " of "
                    + area.checks().size() + ")");
        }
        for (NextLevel.Blocker b : next.blockingChecks()) {
            needs.add("link:../" + Vocabulary.checkPage(b.check()) + "[" + Adoc.text(b.title()) + "] to pass");
        }
        a.append(needs.isEmpty() ? "" : " and " + String.join(" and ", needs)).append(".\n\n");
        new PathToNextLevel(input.rubric(), "../").render(a, next, area.score(), "the area's score");
    }

    private void notMeasured(StringBuilder a, List<CheckResult> missing) {
        a.append(".Not measured, and why\n");
        for (CheckResult r : missing) {
            a.append("* link:../").append(Vocabulary.checkPage(r.check())).append("[")
                    .append(Adoc.text(words.checkTitle(r.check()))).append("]: ").append(Adoc.text(r.summary()))
                    .append("\n");
        }
        a.append("\n");
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
            a.append(" |").append(Vocabulary.summary(r)).append("\n");
        }
        a.append("|===\n\n");
    }

    /** How many places a finding lists before the rest is folded. */
    static final int FOLD_ABOVE = 5;
    /** How many places stay visible when a list is folded. */
    static final int SHOWN_WHEN_FOLDED = 3;

    /**
     * The findings grouped by check, worst check first: the advice once per check, then its findings (the places it
     * was seen), so the same advice is never repeated word for word under each finding.
     */
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
        java.util.Map<String, List<Finding>> byCheck = new java.util.LinkedHashMap<>();
        for (Finding f : findings) {
            byCheck.computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f);
        }
        // worst check first: by its worst finding, then by how many it has; otherwise in rubric order
        List<java.util.Map.Entry<String, List<Finding>>> groups = new ArrayList<>(byCheck.entrySet());
        groups.sort(java.util.Comparator.comparing((java.util.Map.Entry<String, List<Finding>> e) ->
                e.getValue().get(0).severity()).reversed().thenComparing(e -> e.getValue().size(),
                        java.util.Comparator.reverseOrder()));
        for (java.util.Map.Entry<String, List<Finding>> e : groups) {
            List<Finding> group = e.getValue();
            a.append("=== ").append(Adoc.text(words.checkTitle(e.getKey()))).append(" (")
                    .append(Words.plural(group.size(), "finding", "findings")).append(")\n\n");
            String advice = group.get(0).remediation();
            boolean shared = advice != null && !advice.isBlank()
                    && group.stream().allMatch(f -> advice.equals(f.remediation()));
            if (shared) {
                a.append("[.remediation]\n*What to do:* ").append(Adoc.text(advice)).append("\n\n");
            }
            for (Finding f : group) {
                finding(a, f, !shared);
            }
        }
    }

    /**
     * A finding as one passthrough block of HTML with the classes the theme styles ({@code .finding},
     * {@code .evidence}, {@code .remediation}). A repository has hundreds of findings; AsciiDoc parsing of each one
     * cost seconds per site, a passthrough block costs next to nothing. Every line starts with a tag, and all text is
     * escaped with {@link Adoc#html}, so nothing in it can be read as AsciiDoc or as markup.
     */
    private void finding(StringBuilder a, Finding f, boolean withAdvice) {
        String sev = f.severity().id();
        a.append("++++\n");
        a.append("<div id=\"").append(Vocabulary.findingAnchor(f)).append("\" class=\"exampleblock finding severity-")
                .append(sev).append("\"><div class=\"content\">\n");
        a.append("<div class=\"paragraph\"><p><span class=\"severity-").append(sev).append("\">")
                .append(sev.toUpperCase(java.util.Locale.ROOT)).append("</span> ");
        if (newFindings.contains(f.fingerprint())) {
            a.append("<span class=\"new-finding\">new since the baseline</span> ");
        }
        a.append(Adoc.html(f.message())).append("</p></div>\n");
        if (f.waived()) {
            // A waived finding stays visible: the team accepted it for a while, it did not go away.
            a.append("<div class=\"paragraph waiver\"><p><strong>Waived</strong> (")
                    .append(Adoc.html(f.waiver().reason())).append(") by ").append(Adoc.html(f.waiver().owner()))
                    .append(" until ").append(Adoc.html(f.waiver().expires())).append(", <code>")
                    .append(Adoc.html(f.waiver().source())).append("</code></p></div>\n");
        }
        if (!f.evidence().isEmpty()) {
            a.append("<div class=\"ulist evidence\"><div class=\"title\">Evidence</div><ul>\n");
            List<Evidence> places = f.evidence();
            boolean fold = places.size() > FOLD_ABOVE;
            List<Evidence> shown = fold ? places.subList(0, SHOWN_WHEN_FOLDED) : places;
            shown.forEach(e -> evidenceItem(a, e));
            if (fold) {
                // a long list: the first few, then the rest in a collapsible block that works without script
                a.append("<li class=\"more\"><details><summary>and ").append(places.size() - SHOWN_WHEN_FOLDED)
                        .append(" more</summary><ul>\n");
                places.subList(SHOWN_WHEN_FOLDED, places.size()).forEach(e -> evidenceItem(a, e));
                a.append("</ul></details></li>\n");
            }
            a.append("</ul></div>\n");
        }
        if (withAdvice && f.remediation() != null && !f.remediation().isBlank()) {
            a.append("<div class=\"paragraph remediation\"><p><strong>What to do:</strong> ")
                    .append(Adoc.html(f.remediation())).append("</p></div>\n");
        }
        if (owners != null) {
            a.append("<div class=\"paragraph finding-owner\"><p><strong>Owner:</strong> ")
                    .append(Adoc.html(owners.label(f))).append("</p></div>\n");
        }
        a.append("<div class=\"paragraph finding-meta\"><p><a href=\"../").append(Vocabulary.checkPage(f.check()))
                .append("\">").append(Adoc.html(words.checkTitle(f.check()))).append("</a> <code>")
                .append(Adoc.html(f.check())).append("</code>, fingerprint <code>").append(Adoc.html(f.fingerprint()))
                .append("</code>");
        if (f.since() != null) {
            a.append(", <span class=\"since\">").append(Adoc.html(f.since().label())).append("</span>");
        }
        a.append("</p></div>\n");
        a.append("</div></div>\n++++\n\n");
    }

    private void evidenceItem(StringBuilder a, Evidence e) {
        a.append("<li><p>").append(evidenceHtml(e)).append("</p>");
        String key = SourceExcerpt.key(e);
        SourceExcerpt excerpt = key == null ? null : input.excerpts().get(key);
        if (excerpt != null) {
            a.append("\n").append(excerpt(excerpt));
        }
        a.append("</li>\n");
    }

    private static String evidenceHtml(Evidence e) {
        StringBuilder a = new StringBuilder();
        if (e.path() != null) {
            String loc = e.path();
            if (e.startLine() != null) {
                loc += ":" + e.startLine();
                if (e.endLine() != null && !e.endLine().equals(e.startLine())) {
                    loc += "-" + e.endLine();
                }
            }
            if (e.page() != null) {
                loc += " page " + e.page();
            }
            a.append("<code>").append(Adoc.html(loc)).append("</code>");
        }
        if (e.commit() != null) {
            a.append(a.length() > 0 ? " " : "").append("commit <code>")
                    .append(Adoc.html(Vocabulary.shortCommit(e.commit()))).append("</code>");
        }
        if (e.note() != null) {
            a.append(a.length() > 0 ? " — " : "").append(Adoc.html(e.note()));
        }
        return a.toString();
    }

    /** Source lines as HTML for a passthrough block: every line starts with a tag, the text is escaped. */
    static String excerpt(SourceExcerpt x) {
        StringBuilder a = new StringBuilder();
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
        a.append("</code></pre>");
        return a.toString();
    }
}
