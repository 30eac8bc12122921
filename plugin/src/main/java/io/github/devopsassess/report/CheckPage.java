package io.github.devopsassess.report;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference page of one check, from the rubric: what it measures, its thresholds, why it matters (the area's
 * anti-pattern) and how to fix it, followed by what it found in this assessment.
 */
final class CheckPage {

    private final SiteInput input;
    private final Vocabulary words;

    CheckPage(SiteInput input) {
        this.input = input;
        this.words = new Vocabulary(input.rubric());
    }

    String render(CheckDef check) {
        StringBuilder a = new StringBuilder();
        a.append("= ").append(Adoc.text(check.title())).append("\n\n");
        AreaDef area = input.rubric().areas().get(check.area());
        a.append("[.check-meta]\nCheck ").append(Adoc.code(check.id())).append(" of the area link:../")
                .append(Vocabulary.areaPage(check.area())).append("[")
                .append(Adoc.text(words.areaTitle(check.area()))).append("]; a failing finding is ")
                .append(Vocabulary.severity(check.severity())).append(", a warning ")
                .append(Vocabulary.severity(check.severity().lower())).append("; weight ")
                .append(Vocabulary.number(check.weight())).append(" in its area")
                .append(check.enabled() ? "" : "; [.not-assessed]#disabled in this rubric#").append(".\n\n");
        a.append("== What it measures\n\n").append(orElse(check.description(),
                "The rubric does not describe this check; its title and settings are all there is.")).append("\n\n");
        a.append("== Thresholds\n\n");
        if (check.thresholds().isEmpty()) {
            a.append("This check has no thresholds to tune: it either finds the problem or it does not.\n\n");
        } else {
            a.append("[cols=\"1,1\",options=\"header\"]\n|===\n|Threshold |Value\n");
            for (Map.Entry<String, Object> t : new TreeMap<>(check.thresholds()).entrySet()) {
                a.append("|").append(Adoc.code(t.getKey())).append(" |")
                        .append(Adoc.text(Vocabulary.number(t.getValue()))).append("\n");
            }
            a.append("|===\n\n");
            a.append("Change them in your own rubric, which says ").append(Adoc.code("extends: default"))
                    .append(", under ").append(Adoc.code("checks: " + check.id() + ": thresholds:")).append(".\n\n");
        }
        a.append("== Why it matters\n\n");
        if (area != null) {
            a.append("It guards against the anti-pattern *").append(Adoc.text(area.antiPattern())).append("*. ")
                    .append(Adoc.text(area.description())).append("\n\n");
        }
        a.append("== How to fix it\n\n").append(orElse(check.remediation(),
                "The rubric gives no remediation for this check.")).append("\n\n");
        a.append("== In this assessment\n\n");
        Optional<CheckResult> result = input.assessment().areas().stream().map(AreaScore::checks)
                .flatMap(java.util.List::stream).filter(r -> r.check().equals(check.id())).findFirst();
        if (result.isEmpty()) {
            a.append("The check did not run (it is disabled in the rubric).\n\n");
        } else {
            CheckResult r = result.get();
            a.append(Vocabulary.summary(r)).append(" (status ").append(Vocabulary.status(r))
                    .append(r.assessed() ? ", score " + Math.round(r.score() * 100) : "").append(")\n\n");
            if (!r.findings().isEmpty()) {
                // One passthrough block rather than a list item per finding: there may be hundreds.
                a.append("++++\n<div class=\"ulist finding-links\"><ul>\n");
                for (Finding f : r.findings()) {
                    String sev = f.severity().id();
                    a.append("<li><p><span class=\"severity-").append(sev).append("\">")
                            .append(sev.toUpperCase(java.util.Locale.ROOT)).append("</span> <a href=\"../")
                            .append(Vocabulary.areaPage(f.area())).append("#").append(Vocabulary.findingAnchor(f))
                            .append("\">").append(Adoc.html(f.message())).append("</a>");
                    if (f.since() != null) {
                        a.append(" <span class=\"since\">").append(Adoc.html(f.since().label())).append("</span>");
                    }
                    a.append("</p></li>\n");
                }
                a.append("</ul></div>\n++++\n");
                a.append("\n");
            }
        }
        a.append("link:index.html[All checks] · link:../index.html[Back to the overview]\n");
        return a.toString();
    }

    /** The list of every check, grouped by area. */
    String renderIndex() {
        StringBuilder a = new StringBuilder("= Checks\n\n");
        a.append("Every check of the rubric ").append(Adoc.code(input.rubric().name()))
                .append(": what it measures, its thresholds and how to fix what it finds.\n\n");
        for (AreaDef area : input.rubric().areas().values()) {
            a.append("== ").append(Adoc.text(area.title())).append("\n\n");
            var checks = input.rubric().checks().values().stream().filter(c -> c.area().equals(area.id())).toList();
            if (checks.isEmpty()) {
                a.append("No check of this area in this version of the rubric.\n\n");
                continue;
            }
            a.append("[cols=\"3,1,6\",options=\"header\"]\n|===\n|Check |Severity |What it measures\n");
            for (CheckDef c : checks) {
                a.append("|link:").append(Adoc.id(c.id())).append(".html[").append(Adoc.text(c.title()))
                        .append("] |").append(Vocabulary.severity(c.severity())).append(" |")
                        .append(Adoc.text(Vocabulary.firstSentence(c.description()))).append("\n");
            }
            a.append("|===\n\n");
        }
        a.append("link:../index.html[Back to the overview]\n");
        return a.toString();
    }

    /** A custom check of a team's rubric may come without texts; a page section is never left empty. */
    private static String orElse(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : Adoc.text(text);
    }
}
