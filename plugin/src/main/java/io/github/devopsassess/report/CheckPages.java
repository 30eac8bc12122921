package io.github.devopsassess.report;

import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.CustomCondition;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documentation page of every check, generated from the rubric itself so that the texts in the rubric and the
 * pages never disagree. The build generates them with {@link CheckPagesGenerator} into
 * {@code plugin/target/generated-docs/checks/}. A page has every {@link Section}: a check that lacks one has no page
 * (there is no "not documented" filler), and {@link #missing(CheckDef)} says which. Every text passes through
 * {@link Adoc}, since a team's rubric is input like any other.
 */
public final class CheckPages {

    /** The texts every check page needs, each from one key of the check's rubric entry. */
    public enum Section {
        DESCRIPTION("description", "What it measures"),
        WHY("docs.why", "Why it matters"),
        SOURCE("docs.source", "Data it reads"),
        EXAMPLE("docs.example", "Example finding"),
        REMEDIATION("remediation", "How to fix"),
        GUARDS("docs.guards", "Known false-positive guards");

        private final String key;
        private final String heading;

        Section(String key, String heading) {
            this.key = key;
            this.heading = heading;
        }

        /** The key of the rubric entry that holds it; {@code docs.guards} is {@code guards} under {@code docs:}. */
        public String key() {
            return key;
        }

        /** The heading of the page's section. */
        public String heading() {
            return heading;
        }

        String text(CheckDef c) {
            return switch (this) {
                case DESCRIPTION -> c.description();
                case WHY -> c.docs().why();
                case SOURCE -> source(c);
                case EXAMPLE -> c.docs().example();
                case REMEDIATION -> c.remediation();
                case GUARDS -> c.docs().guards();
            };
        }
    }

    private CheckPages() {
    }

    /** The sections the rubric leaves empty for this check, in page order; a page needs none missing. */
    public static List<Section> missing(CheckDef c) {
        List<Section> missing = new ArrayList<>();
        for (Section s : Section.values()) {
            String text = s.text(c);
            if (text == null || text.isBlank()) {
                missing.add(s);
            }
        }
        return missing;
    }

    /**
     * Check id → AsciiDoc page, in rubric order.
     *
     * @throws IllegalArgumentException when a check misses a section ({@link CheckPagesGenerator#problems} lists them
     *     all)
     */
    public static Map<String, String> pages(Rubric rubric) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String id : rubric.checks().keySet()) {
            pages.put(id, page(rubric, id));
        }
        return pages;
    }

    /**
     * The page of one check: the scoring facts (area, severity, weight, enabled, level, thresholds) and every
     * {@link Section}.
     *
     * @throws IllegalArgumentException when the rubric has no such check, or the check misses a section
     */
    public static String page(Rubric rubric, String checkId) {
        CheckDef c = rubric.checks().get(checkId);
        if (c == null) {
            throw new IllegalArgumentException("the rubric has no check '" + checkId + "'");
        }
        List<Section> missing = missing(c);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("check '" + checkId + "' cannot have a page: the rubric has no "
                    + String.join(", ", missing.stream().map(s -> s.key() + " (" + s.heading() + ")").toList()));
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
        a.append("Enabled:: ").append(c.enabled() ? "yes"
                : "no, this rubric switches it off (a team's rubric turns it on with `enabled: true`)").append("\n");
        if (c.level() != null) {
            a.append("Required for level:: ").append(levelTitle(rubric, c.level()))
                    .append(" and every level above it\n");
        }
        if (c.isCustom()) {
            a.append("Kind:: custom check of type ").append(Adoc.code(c.custom().type().id()))
                    .append(", defined in the rubric\n");
        }
        a.append("\n== ").append(Section.DESCRIPTION.heading()).append("\n\n").append(Adoc.text(c.description()))
                .append("\n\n");
        a.append("== ").append(Section.WHY.heading()).append("\n\n");
        if (area != null) {
            a.append("Anti-pattern: *").append(Adoc.text(area.antiPattern())).append("*.\n");
            if (!area.description().isBlank()) {
                a.append(Adoc.text(area.description())).append("\n");
            }
            a.append("\n");
        }
        a.append(Adoc.text(c.docs().why())).append("\n\n");
        a.append("== ").append(Section.SOURCE.heading()).append("\n\n").append(Adoc.text(source(c))).append("\n\n");
        a.append("== Thresholds\n\n").append(thresholds(c)).append("\n");
        a.append("== ").append(Section.EXAMPLE.heading()).append("\n\n");
        a.append("====\n[.severity-").append(c.severity().id()).append("]#")
                .append(c.severity().id().toUpperCase(java.util.Locale.ROOT)).append("# ")
                .append(Adoc.text(c.docs().example())).append("\n====\n\n");
        a.append("== ").append(Section.REMEDIATION.heading()).append("\n\n").append(Adoc.text(c.remediation()))
                .append("\n\n");
        a.append("== ").append(Section.GUARDS.heading()).append("\n\n").append(Adoc.text(c.docs().guards()))
                .append("\n");
        return a.toString();
    }

    /** An index of every check by area, linking the pages as {@code <id>.adoc}. */
    public static String index(Rubric rubric) {
        StringBuilder a = new StringBuilder("= Checks of the ").append(Adoc.text(rubric.name())).append(" rubric\n\n");
        a.append("Generated from the rubric at build time by `CheckPagesGenerator`; do not edit by hand, edit the ")
                .append("rubric.\n\n");
        for (AreaDef area : rubric.areas().values()) {
            a.append("== ").append(Adoc.text(area.title())).append("\n\n");
            a.append("Anti-pattern: ").append(Adoc.text(area.antiPattern())).append(".\n\n");
            boolean any = false;
            for (CheckDef c : rubric.checks().values()) {
                if (c.area().equals(area.id())) {
                    a.append("* link:").append(Adoc.id(c.id())).append(".adoc[").append(Adoc.text(c.title()))
                            .append("] ").append(Adoc.code(c.id())).append(c.enabled() ? "" : " (off by default)")
                            .append("\n");
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
        return "";
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
            return "None: this check has no thresholds to tune.\n";
        }
        StringBuilder a = new StringBuilder("[cols=\"1,1\",options=\"header\"]\n|===\n|Threshold |Default value\n");
        c.thresholds().forEach((k, v) -> a.append("|").append(Adoc.code(k)).append(" |")
                .append(v instanceof Number n ? number(n.doubleValue()) : Adoc.text(String.valueOf(v))).append("\n"));
        return a.append("|===\n\nA team changes them in its own rubric (`extends: default`).\n").toString();
    }

    private static String levelTitle(Rubric rubric, String id) {
        return rubric.levels().stream().filter(l -> l.id().equals(id)).map(LevelDef::title).findFirst()
                .map(t -> Adoc.text(t) + " " + Adoc.code(id)).orElse(Adoc.code(id));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
