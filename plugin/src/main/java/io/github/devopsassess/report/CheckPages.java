package io.github.devopsassess.report;

import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.CustomCondition;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documentation of every check, generated from the rubric itself so that the texts in the rubric, the pages in
 * {@code docs/checks/} and the report site's check reference never disagree. Every text passes through {@link Adoc},
 * since a team's rubric is input like any other.
 */
public final class CheckPages {

    private CheckPages() {
    }

    /** Check id → AsciiDoc page, in rubric order. */
    public static Map<String, String> pages(Rubric rubric) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String id : rubric.checks().keySet()) {
            pages.put(id, page(rubric, id));
        }
        return pages;
    }

    /**
     * The page of one check: what it measures, the data source, thresholds, why it matters in the words of its
     * anti-pattern, how to fix, an example finding.
     *
     * @throws IllegalArgumentException when the rubric has no such check
     */
    public static String page(Rubric rubric, String checkId) {
        CheckDef c = rubric.checks().get(checkId);
        if (c == null) {
            throw new IllegalArgumentException("the rubric has no check '" + checkId + "'");
        }
        AreaDef area = rubric.areas().get(c.area());
        StringBuilder a = new StringBuilder();
        a.append("= ").append(Adoc.text(c.title())).append("\n\n");
        a.append("[horizontal]\n");
        a.append("Check id:: ").append(Adoc.code(c.id())).append("\n");
        a.append("Area:: ").append(area == null ? Adoc.code(c.area()) : Adoc.text(area.title()) + " "
                + Adoc.code(c.area())).append("\n");
        a.append("Severity:: ").append(c.severity().id()).append(" (a warning is one step lower)\n");
        a.append("Weight:: ").append(number(c.weight())).append(" within its area\n");
        if (c.level() != null) {
            a.append("Required for level:: ").append(levelTitle(rubric, c.level()))
                    .append(" and every level above it\n");
        }
        if (!c.enabled()) {
            a.append("Enabled:: no, this rubric switches it off\n");
        }
        if (c.isCustom()) {
            a.append("Kind:: custom check of type ").append(Adoc.code(c.custom().type().id()))
                    .append(", defined in the rubric\n");
        }
        a.append("\n== What it measures\n\n").append(paragraph(c.description())).append("\n\n");
        a.append("== Data source\n\n").append(paragraph(source(c))).append("\n\n");
        a.append("== Thresholds\n\n").append(thresholds(c)).append("\n");
        a.append("== Why it matters\n\n");
        if (area != null) {
            a.append("Anti-pattern: *").append(Adoc.text(area.antiPattern())).append("*.\n");
            if (!area.description().isBlank()) {
                a.append(Adoc.text(area.description())).append("\n");
            }
            a.append("\n");
        }
        if (!c.docs().why().isBlank()) {
            a.append(Adoc.text(c.docs().why())).append("\n\n");
        }
        a.append("== How to fix\n\n").append(paragraph(c.remediation())).append("\n\n");
        a.append("== Example finding\n\n");
        if (c.docs().example().isBlank()) {
            a.append("No example is recorded in the rubric.\n");
        } else {
            a.append("====\n[.severity-").append(c.severity().id()).append("]#")
                    .append(c.severity().id().toUpperCase(java.util.Locale.ROOT)).append("# ")
                    .append(Adoc.text(c.docs().example())).append("\n\n*What to do:* ")
                    .append(Adoc.text(c.remediation())).append("\n====\n");
        }
        return a.toString();
    }

    /** An index of every check by area, linking the pages as {@code <id>.adoc}. */
    public static String index(Rubric rubric) {
        StringBuilder a = new StringBuilder("= Checks of the ").append(Adoc.text(rubric.name())).append(" rubric\n\n");
        a.append("Generated from the rubric by the plugin's build (`CheckDocsTest`); do not edit by hand.\n\n");
        for (AreaDef area : rubric.areas().values()) {
            a.append("== ").append(Adoc.text(area.title())).append("\n\n");
            a.append("Anti-pattern: ").append(Adoc.text(area.antiPattern())).append(".\n\n");
            boolean any = false;
            for (CheckDef c : rubric.checks().values()) {
                if (c.area().equals(area.id())) {
                    a.append("* link:").append(Adoc.id(c.id())).append(".adoc[").append(Adoc.text(c.title()))
                            .append("] ").append(Adoc.code(c.id())).append("\n");
                    any = true;
                }
            }
            a.append(any ? "\n" : "No checks yet.\n\n");
        }
        return a.toString();
    }

    private static String source(CheckDef c) {
        if (!c.docs().source().isBlank()) {
            return c.docs().source();
        }
        if (c.isCustom()) {
            CustomCondition k = c.custom();
            return switch (k.type()) {
                case FILE_EXISTS, FILE_ABSENT -> "The list of files of the assessed folder, matched against "
                        + String.join(", ", k.files()) + ".";
                case YAML_PATH, JSON_PATH -> "The contents of the files matching " + String.join(", ", k.files())
                        + ", read by the custom scanner.";
                case PIPELINE_JOB -> "The CI pipeline definitions found by the pipeline scanner.";
                case HISTORY -> "Git history of the assessed folder, bots left out.";
            };
        }
        return "Not documented in the rubric yet.";
    }

    private static String thresholds(CheckDef c) {
        if (c.isCustom()) {
            CustomCondition k = c.custom();
            StringBuilder a = new StringBuilder();
            if (!k.files().isEmpty()) {
                a.append("Files: ").append(k.files().stream().map(Adoc::code)
                        .reduce((x, y) -> x + ", " + y).orElse("")).append(".\n\n");
            }
            if (k.require() != null) {
                a.append("Requires ").append(Adoc.code(k.require().text()))
                        .append("; a finding is raised where it does not hold.\n");
            } else {
                a.append(k.type() == CustomCondition.Type.FILE_EXISTS ? "Passes when at least one file matches.\n"
                        : "Every matching file is a finding.\n");
            }
            return a.toString();
        }
        if (c.thresholds().isEmpty()) {
            return "None: the check passes or fails.\n";
        }
        StringBuilder a = new StringBuilder("[cols=\"1,1\",options=\"header\"]\n|===\n|Threshold |Default value\n");
        c.thresholds().forEach((k, v) -> a.append("|").append(Adoc.code(k)).append(" |")
                .append(v instanceof Number n ? number(n.doubleValue()) : Adoc.text(String.valueOf(v))).append("\n"));
        return a.append("|===\n\nA team changes them in its own rubric (`extends: default`).\n").toString();
    }

    private static String paragraph(String text) {
        return text == null || text.isBlank() ? "Not documented in the rubric yet." : Adoc.text(text);
    }

    private static String levelTitle(Rubric rubric, String id) {
        return rubric.levels().stream().filter(l -> l.id().equals(id)).map(LevelDef::title).findFirst()
                .map(t -> Adoc.text(t) + " " + Adoc.code(id)).orElse(Adoc.code(id));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
