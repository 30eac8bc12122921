package io.github.devopsassess.rubric;

/**
 * Documentation of a check beyond its description and remediation, written in the rubric under {@code docs:} so
 * that the generated check pages and the rubric never disagree.
 *
 * @param source where the data comes from (which files, which history), or "" when not written
 * @param why why it matters, in addition to the area's anti-pattern, or ""
 * @param example an example finding message, or ""
 */
public record CheckDocs(String source, String why, String example) {

    public static final CheckDocs NONE = new CheckDocs("", "", "");

    public CheckDocs {
        source = source == null ? "" : source;
        why = why == null ? "" : why;
        example = example == null ? "" : example;
    }
}
