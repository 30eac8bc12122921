package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.Postmortem;
import java.util.List;
import java.util.Map;

/**
 * The structure of one Markdown or AsciiDoc document as far as postmortems need it: a title, front matter, and
 * sections of text lines, list entries and tables, every piece with its 1-based line. Both readers produce this, so
 * everything after reading is the same for both formats.
 *
 * @param title the document title (first level-1 heading or AsciiDoc {@code = Title}), or {@code null}
 * @param titleLine line of the title, 0 when there is none
 * @param frontMatter scalar front matter entries, keys lower-cased
 * @param sections the preamble (level 0, empty heading) followed by every section of heading level 1–3
 * @param lineCount lines in the file
 * @param pageStarts the line that begins each page of a paged document (PDF), else empty
 */
record ParsedDocument(String title, int titleLine, Map<String, FrontMatterValue> frontMatter,
        List<RawSection> sections, int lineCount, List<Integer> pageStarts) {

    ParsedDocument {
        frontMatter = Map.copyOf(frontMatter);
        sections = List.copyOf(sections);
        pageStarts = List.copyOf(pageStarts);
    }

    ParsedDocument(String title, int titleLine, Map<String, FrontMatterValue> frontMatter, List<RawSection> sections,
            int lineCount) {
        this(title, titleLine, frontMatter, sections, lineCount, List.of());
    }

    /** The same document, read from pages that begin at these lines. */
    ParsedDocument withPages(List<Integer> starts) {
        return new ParsedDocument(title, titleLine, frontMatter, sections, lineCount, starts);
    }

    /** A front matter value and the line it is on. */
    record FrontMatterValue(String value, int line) {
    }

    /** A heading and what follows it up to the next heading of level 1–3. */
    record RawSection(String heading, int level, int line, List<Postmortem.TextLine> text, List<ListEntry> items,
            List<Table> tables) {
        RawSection {
            text = List.copyOf(text);
            items = List.copyOf(items);
            tables = List.copyOf(tables);
        }
    }

    /** One list entry with its raw text (a task-list marker such as "[ ] " still in front). */
    record ListEntry(int line, String text) {
    }

    /** A table: header cells and body rows. */
    record Table(int line, List<String> header, List<Row> rows) {
        Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /** A table row and its line. */
    record Row(int line, List<String> cells) {
        Row {
            cells = List.copyOf(cells);
        }
    }
}
