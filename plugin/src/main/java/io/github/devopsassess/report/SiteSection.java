package io.github.devopsassess.report;

import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.Rubric;

import java.util.List;

/**
 * Adds area-specific sections to an area page from the scanners' facts: an on-call coverage grid, an ownership
 * table, an environments matrix, an incidents timeline. Register an implementation in {@link SiteSections#all()}.
 *
 * <p>The body is AsciiDoc. Everything taken from the repository must go through {@link Adoc#text} or
 * {@link Adoc#code}; a table needs a header row, a chart a {@code <title>}, a {@code <desc>} and a data table.
 */
public interface SiteSection {

    /** The sections for {@code context.area()}; empty when this section has nothing to say about that area. */
    List<Section> sections(SiteContext context);

    /**
     * What a section may read.
     *
     * @param area the area id of the page being written
     * @param assessment the assessment
     * @param rubric the rubric
     * @param facts the scanners' facts (find your own fact type; it may be absent)
     */
    record SiteContext(String area, Assessment assessment, Rubric rubric, Facts facts) {
    }

    /**
     * One section of an area page.
     *
     * @param title plain-text heading (escaped by the page)
     * @param asciidoc the body; headings inside it start at level 3 ({@code ===})
     */
    record Section(String title, String asciidoc) {
    }
}
