package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.SectionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Reads postmortems exported as HTML — Confluence "Export to HTML" pages, Google Docs "Web page (.html)" downloads,
 * wiki pages saved from a browser — with Jsoup: headings {@code h1}–{@code h3} start sections, paragraphs (split at
 * {@code <br>}), list entries (Confluence task lists keep their checked state) and tables become the same
 * {@link ParsedDocument} the Markdown reader produces. Jsoup tracks source positions, so every piece keeps the line of
 * the HTML file it is on.
 *
 * <p>Only the page's content is read: Confluence's {@code #main-content} when there is one (its breadcrumbs, page
 * metadata and footer are navigation), else the body without scripts, styles, navigation, headers and footers. The
 * title is Confluence's page title without its space name, else the {@code <title>}, else the first {@code h1}.
 */
final class HtmlReader {

    private static final Set<String> SKIPPED = Set.of("script", "style", "nav", "header", "footer", "noscript",
            "pre", "code", "template", "svg", "button", "form", "iframe");
    /** Labels of timeline and action-item columns, normalised, by which a header row of plain cells is known. */
    private static final Set<String> COLUMN_LABELS = Set.of("time", "time utc", "date", "when", "timestamp", "event",
            "events", "description", "what happened", "action", "action item", "action items", "item", "task",
            "owner", "owners", "assignee", "status", "state", "ticket", "issue", "bug", "due", "due date");
    private static final Set<String> BLOCKS = Set.of("p", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
            "div", "section", "article", "blockquote", "main", "dl");

    ParsedDocument read(String html) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document document = parser.parseInput(html, "");
        Element root = document.getElementById("main-content");
        if (root == null) {
            root = document.body();
        }
        SectionCollector sections = new SectionCollector();
        title(document).ifPresent(t -> sections.title(t.text, t.line));
        for (Element child : root.children()) {
            block(child, sections);
        }
        return sections.document(created(document), MarkdownReader.lineCount(html));
    }

    /**
     * Confluence's page metadata, "Created by Jordan Lee on Apr 02, 2023", as the date the page was written; "last
     * modified on" is not, as a page is edited long after it was written.
     */
    private static Map<String, ParsedDocument.FrontMatterValue> created(Document document) {
        Element meta = document.selectFirst(".page-metadata");
        if (meta == null) {
            return Map.of();
        }
        Matcher m = CREATED.matcher(meta.text().strip());
        return m.find() ? Map.of(PostmortemInterpreter.PAGE_CREATED, new ParsedDocument.FrontMatterValue(m.group(1),
                line(meta))) : Map.of();
    }

    private static final Pattern CREATED = Pattern.compile("(?i)^created by [^,]+? on (.+)$");

    private record Title(String text, int line) {
    }

    private static java.util.Optional<Title> title(Document document) {
        Element confluence = document.getElementById("title-text");
        if (confluence != null && !confluence.text().isBlank()) {
            return java.util.Optional.of(new Title(withoutSpace(confluence.text()), line(confluence)));
        }
        Element googleDocs = document.selectFirst("p.title");
        if (googleDocs != null && !googleDocs.text().isBlank()) {
            return java.util.Optional.of(new Title(googleDocs.text().strip(), line(googleDocs)));
        }
        Element title = document.selectFirst("head > title");
        if (title != null && !title.text().isBlank() && document.body().selectFirst("h1") == null) {
            return java.util.Optional.of(new Title(withoutSpace(title.text()), line(title)));
        }
        return java.util.Optional.empty(); // the first h1, as in Markdown
    }

    /** "Engineering : 2023-04-02 Checkout outage" is the space, then the page. */
    private static String withoutSpace(String title) {
        int colon = title.indexOf(" : ");
        return (colon < 0 ? title : title.substring(colon + 3)).strip();
    }

    private void block(Element e, SectionCollector sections) {
        String tag = e.normalName();
        if (SKIPPED.contains(tag) || e.hasClass("page-metadata") || e.id().equals("breadcrumb-section")) {
            return;
        }
        switch (tag) {
            case "h1", "h2", "h3" -> {
                String text = e.text().strip();
                if (!text.isEmpty()) {
                    sections.heading(text, tag.charAt(1) - '0', line(e));
                }
            }
            case "h4", "h5", "h6" -> sections.text(line(e), e.text());
            case "p" -> paragraph(e, sections);
            case "ul", "ol" -> list(e, sections);
            case "table" -> table(e, sections);
            case "dl" -> {
                for (Element d : e.children()) {
                    sections.text(line(d), d.text());
                }
            }
            default -> {
                boolean hasBlocks = e.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()));
                if (hasBlocks) {
                    for (Element child : e.children()) {
                        block(child, sections);
                    }
                } else {
                    paragraph(e, sections); // a div or span used as a paragraph, as Google Docs and editors do
                }
            }
        }
    }

    /** One text line per {@code <br>}-separated part, each at the line where its text starts. */
    private static void paragraph(Element p, SectionCollector sections) {
        List<Part> parts = new ArrayList<>();
        parts(p, parts, new Part(new StringBuilder(), new int[] {0}));
        for (Part part : parts) {
            String text = part.text.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
            if (!text.isEmpty()) {
                sections.text(part.line[0] == 0 ? line(p) : part.line[0], text);
            }
        }
    }

    private record Part(StringBuilder text, int[] line) {
    }

    private static Part parts(Node node, List<Part> parts, Part current) {
        if (parts.isEmpty() || parts.get(parts.size() - 1) != current) {
            parts.add(current);
        }
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                if (!t.isBlank() && current.line[0] == 0) {
                    current.line[0] = line(t);
                }
                current.text.append(t.text());
            } else if (child instanceof Element el) {
                if (el.normalName().equals("br")) {
                    current = new Part(new StringBuilder(), new int[] {0});
                    parts.add(current);
                } else if (!SKIPPED.contains(el.normalName()) || el.normalName().equals("code")) {
                    current = parts(el, parts, current);
                }
            }
        }
        return current;
    }

    private void list(Element list, SectionCollector sections) {
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            Element own = li.clone();
            own.select("ul, ol").remove();
            String text = own.text().replace('\u00a0', ' ').strip();
            if (li.hasAttr("data-inline-task-id")) { // a Confluence task: its state is a class
                text = (li.hasClass("checked") ? "[x] " : "[ ] ") + text;
            }
            sections.item(line(li), text);
            sections.text(line(li), text);
            for (Element nested : li.children()) {
                if (nested.normalName().equals("ul") || nested.normalName().equals("ol")) {
                    list(nested, sections);
                }
            }
        }
    }

    /**
     * A table: the first row is the header when it is all {@code th} (or in {@code thead}), or, as Google Docs writes
     * every cell as {@code td}, when its cells are column labels: short, no digits, one of them a label timelines
     * and action-item tables use ("Time | Event", "Action | Owner | Status"; not "Owner | Payments team").
     */
    private static void table(Element table, SectionCollector sections) {
        List<String> header = new ArrayList<>();
        List<ParsedDocument.Row> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue; // a nested table's rows
            }
            List<Element> cells = tr.children().stream().filter(c -> c.normalName().equals("td")
                    || c.normalName().equals("th")).toList();
            List<String> texts = cells.stream().map(c -> c.text().replace('\u00a0', ' ').strip()).toList();
            boolean headerRow = header.isEmpty() && rows.isEmpty() && !cells.isEmpty()
                    && (tr.parent() != null && tr.parent().normalName().equals("thead")
                            || cells.stream().allMatch(c -> c.normalName().equals("th")));
            if (headerRow) {
                header.addAll(texts);
            } else if (!texts.isEmpty()) {
                rows.add(new ParsedDocument.Row(line(tr), texts));
            }
        }
        if (header.isEmpty() && rows.size() > 1 && rows.get(0).cells().size() > 1
                && rows.get(0).cells().stream().noneMatch(c -> c.isBlank() || c.matches(".*\\d.*")
                        || c.split("\\s+").length > 3)
                && rows.get(0).cells().stream().anyMatch(c -> COLUMN_LABELS.contains(SectionKind.normalise(c)))) {
            header.addAll(rows.remove(0).cells());
        }
        if (!header.isEmpty() || !rows.isEmpty()) {
            sections.table(new ParsedDocument.Table(line(table), header, rows));
        }
    }

    private static int line(Node n) {
        int line = n.sourceRange().start().lineNumber();
        return Math.max(line, 1);
    }
}
