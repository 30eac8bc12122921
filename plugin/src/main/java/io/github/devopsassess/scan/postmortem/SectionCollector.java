package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.SectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects headings, text, list entries and tables into sections as a reader walks a document. The first level-1
 * heading that is not itself a known section (such as "# Summary") is the document's title.
 */
final class SectionCollector {

    private final List<ParsedDocument.RawSection> sections = new ArrayList<>();
    private String heading = "";
    private int level;
    private int line;
    private List<Postmortem.TextLine> text = new ArrayList<>();
    private List<ParsedDocument.ListEntry> items = new ArrayList<>();
    private List<ParsedDocument.Table> tables = new ArrayList<>();
    private String title;
    private int titleLine;

    void heading(String headingText, int headingLevel, int headingLine) {
        if (title == null && headingLevel == 1 && SectionKind.of(headingText) == SectionKind.OTHER) {
            title = headingText;
            titleLine = headingLine;
            return;
        }
        flush();
        heading = headingText;
        level = headingLevel;
        line = headingLine;
    }

    /** A document title given outside the headings (AsciiDoc {@code = Title}). */
    void title(String titleText, int atLine) {
        if (title == null) {
            title = titleText;
            titleLine = atLine;
        }
    }

    void text(int atLine, String content) {
        if (!content.isBlank()) {
            text.add(new Postmortem.TextLine(atLine, content.strip()));
        }
    }

    void item(int atLine, String content) {
        items.add(new ParsedDocument.ListEntry(atLine, content.strip()));
    }

    /** A table; its rows also count as text, so blame in a timeline table is found like blame in prose. */
    void table(ParsedDocument.Table table) {
        tables.add(table);
        for (ParsedDocument.Row row : table.rows()) {
            text(row.line(), String.join(" | ", row.cells().stream().filter(c -> !c.isBlank()).toList()));
        }
    }

    ParsedDocument document(Map<String, ParsedDocument.FrontMatterValue> frontMatter, int lineCount) {
        flush();
        return new ParsedDocument(title, titleLine, frontMatter, sections, lineCount);
    }

    private void flush() {
        if (level > 0 || !text.isEmpty() || !items.isEmpty() || !tables.isEmpty()) {
            sections.add(new ParsedDocument.RawSection(heading, level, line, text, items, tables));
        }
        text = new ArrayList<>();
        items = new ArrayList<>();
        tables = new ArrayList<>();
    }
}
