package io.github.devopsassess.rubric;

/**
 * Documentation of a check beyond its description and remediation, written in the rubric under {@code docs:} so
 * that the generated check pages and the rubric never disagree.
 *
 * @param source the data it reads (which files, which history), or "" when not written
 * @param why why it matters, in addition to the area's anti-pattern, or ""
 * @param example an example finding message, in the shape the check produces, or ""
 * @param guards its known false-positive guards: what it deliberately does not flag, and where it can still be
 *     wrong, or ""
 */
public record CheckDocs(String source, String why, String example, String guards) {

    public static final CheckDocs NONE = new CheckDocs("", "", "", "");

    public CheckDocs {
        source = source == null ? "" : source;
        why = why == null ? "" : why;
        example = example == null ? "" : example;
        guards = guards == null ? "" : guards;
    }
}
