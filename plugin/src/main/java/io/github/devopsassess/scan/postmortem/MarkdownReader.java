package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.model.ParseProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown postmortems with commonmark-java (CommonMark plus GitHub tables). Block source spans give the line
 * of every heading, paragraph line, list entry and table row, so evidence points at the right line. YAML front
 * matter is cut off first and read with {@link FrontMatter} (blank lines keep the line numbers of the rest).
 */
final class MarkdownReader {

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    ParsedDocument read(String path, String text, Consumer<ParseProblem> problems) {
        FrontMatter front = FrontMatter.split(path, text, problems);
        Node document = parser.parse(front.body());
        SectionCollector sections = new SectionCollector();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            visitBlock(block, sections);
        }
        return sections.document(front.values(), lineCount(text));
    }

    static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && i < text.length() - 1) {
                n++;
            }
        }
        return n;
    }

    private void visitBlock(Node block, SectionCollector sections) {
        if (block instanceof Heading h) {
            String title = inlineText(h).trim();
            if (h.getLevel() <= 3) {
                sections.heading(title, h.getLevel(), line(h));
            } else {
                sections.text(line(h), title);
            }
        } else if (block instanceof Paragraph p) {
            paragraphLines(p).forEach(t -> sections.text(t.line(), t.text()));
        } else if (block instanceof ListBlock list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem li) {
                    listItem(li, sections);
                }
            }
        } else if (block instanceof TableBlock table) {
            table(table, sections);
        } else if (block instanceof BlockQuote quote) {
            for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                visitBlock(child, sections);
            }
        }
        // Code blocks, HTML and thematic breaks carry no prose worth reading.
    }

    private void listItem(ListItem item, SectionCollector sections) {
        boolean first = true;
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph p) {
                List<Postmortem.TextLine> lines = paragraphLines(p);
                if (first && !lines.isEmpty()) {
                    String joined = String.join(" ", lines.stream().map(Postmortem.TextLine::text).toList());
                    sections.item(lines.get(0).line(), joined);
                }
                lines.forEach(t -> sections.text(t.line(), t.text()));
                first = false;
            } else if (child instanceof ListBlock nested) {
                for (Node n = nested.getFirstChild(); n != null; n = n.getNext()) {
                    if (n instanceof ListItem li) {
                        listItem(li, sections);
                    }
                }
            } else {
                visitBlock(child, sections);
            }
        }
        if (first) {
            sections.item(line(item), ""); // "-" alone: an empty entry, e.g. an unfilled template
        }
    }

    private void table(TableBlock table, SectionCollector sections) {
        List<String> header = new ArrayList<>();
        List<ParsedDocument.Row> rows = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(inlineText(cell).trim());
                    }
                }
                if (part instanceof TableHead) {
                    header.addAll(cells);
                } else if (part instanceof TableBody) {
                    rows.add(new ParsedDocument.Row(line(row), cells));
                }
            }
        }
        sections.table(new ParsedDocument.Table(line(table), header, rows));
    }

    /** One text line per source line of the paragraph: the n-th soft break starts the n-th span's line. */
    private static List<Postmortem.TextLine> paragraphLines(Paragraph p) {
        List<SourceSpan> spans = p.getSourceSpans();
        int base = line(p);
        List<Postmortem.TextLine> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int index = 0;
        for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                out.add(new Postmortem.TextLine(lineAt(spans, index, base), current.toString().trim()));
                current.setLength(0);
                index++;
            } else {
                appendInline(n, current);
            }
        }
        out.add(new Postmortem.TextLine(lineAt(spans, index, base), current.toString().trim()));
        return out.stream().filter(t -> !t.text().isEmpty()).toList();
    }

    private static int lineAt(List<SourceSpan> spans, int index, int fallback) {
        return index < spans.size() ? spans.get(index).getLineIndex() + 1 : fallback + index;
    }

    static String inlineText(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append(' ');
            } else {
                appendInline(n, sb);
            }
        }
        return sb.toString();
    }

    private static void appendInline(Node n, StringBuilder sb) {
        if (n instanceof Text t) {
            sb.append(t.getLiteral());
        } else if (n instanceof Code c) {
            sb.append(c.getLiteral());
        } else if (n instanceof org.commonmark.node.Link link) {
            sb.append(inlineText(link));
            if (link.getDestination() != null && !link.getDestination().isBlank()) {
                sb.append(" <").append(link.getDestination()).append('>');
            }
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            sb.append(' ');
        } else if (n.getFirstChild() != null) {
            sb.append(inlineText(n)); // emphasis, strong: the words matter, not the markup
        }
    }

    private static int line(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }
}
