package io.github.devopsassess.scan.postmortem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads AsciiDoc postmortems line by line: the document title ({@code = Title}), header attributes
 * ({@code :severity: SEV2}), section titles ({@code == Title} to {@code ==== Title}), tables ({@code |===}), lists
 * ({@code *}, {@code -}, {@code .}, checklists {@code * [x]}) and paragraphs.
 *
 * <p>Deliberately not AsciidoctorJ: starting the Ruby runtime costs seconds per build, and a postmortem needs only
 * its outline, its lists and its tables, whose syntax is simple and line-based. Includes and conditionals are not
 * evaluated; listing and literal blocks are skipped as they hold code, not prose.
 */
final class AsciidocReader {

    private static final Pattern SECTION = Pattern.compile("^(={1,6})\\s+(.+?)\\s*=*\\s*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^:([\\w-]+):\\s*(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(\\*{1,5}|-|\\.{1,5}|\\d+\\.)\\s+(.*)$");
    private static final Pattern URL_MACRO = Pattern.compile("(https?://[^\\s\\[]+)\\[([^\\]]*)\\]");
    private static final Pattern XREF = Pattern.compile("<<([^,>]+)(?:,([^>]*))?>>");

    ParsedDocument read(String text) {
        String[] lines = text.split("\r?\n", -1);
        SectionCollector sections = new SectionCollector();
        Map<String, ParsedDocument.FrontMatterValue> attributes = new LinkedHashMap<>();
        boolean header = true;
        String skipUntil = null;
        ParsedDocument.ListEntry openItem = null;
        boolean headerOption = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            int lineNo = i + 1;
            if (skipUntil != null) {
                if (trimmed.equals(skipUntil)) {
                    skipUntil = null;
                }
                continue;
            }
            if (trimmed.startsWith("////")) {
                skipUntil = trimmed;
                continue;
            }
            if (trimmed.equals("----") || trimmed.equals("....") || trimmed.equals("++++")) {
                skipUntil = trimmed; // listing, literal and passthrough blocks: code, not prose
                openItem = flushItem(openItem, sections);
                continue;
            }
            if (trimmed.startsWith("//")) {
                continue;
            }
            if (trimmed.isEmpty()) {
                openItem = flushItem(openItem, sections);
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(trimmed);
            if (attribute.matches()) {
                if (header) {
                    attributes.put(attribute.group(1).toLowerCase(Locale.ROOT),
                            new ParsedDocument.FrontMatterValue(attribute.group(2).strip(), lineNo));
                }
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                headerOption = trimmed.contains("header"); // [options="header"] or [%header] before a table
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                openItem = flushItem(openItem, sections);
                int markers = section.group(1).length();
                String title = inline(section.group(2));
                if (markers == 1) {
                    sections.title(title, lineNo);
                } else if (markers <= 4) {
                    header = false;
                    sections.heading(title, markers, lineNo);
                } else {
                    sections.text(lineNo, title);
                }
                continue;
            }
            header = false;
            if (trimmed.startsWith("|===")) {
                openItem = flushItem(openItem, sections);
                i = table(lines, i, headerOption, sections);
                headerOption = false;
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                flushItem(openItem, sections);
                openItem = new ParsedDocument.ListEntry(lineNo, inline(item.group(2)));
                continue;
            }
            if (openItem != null && !trimmed.equals("+")) {
                openItem = new ParsedDocument.ListEntry(openItem.line(), openItem.text() + " " + inline(trimmed));
                continue;
            }
            if (trimmed.startsWith(".") && trimmed.length() > 1 && Character.isLetter(trimmed.charAt(1))) {
                continue; // block title such as ".Timeline"; the table or list that follows says it all
            }
            if (trimmed.equals("____") || trimmed.equals("====") || trimmed.equals("****") || trimmed.equals("+")) {
                continue; // quote, example and sidebar delimiters: their content is prose and is read
            }
            sections.text(lineNo, inline(trimmed));
        }
        flushItem(openItem, sections);
        return sections.document(attributes, MarkdownReader.lineCount(text));
    }

    private static ParsedDocument.ListEntry flushItem(ParsedDocument.ListEntry item, SectionCollector sections) {
        if (item != null) {
            sections.item(item.line(), item.text());
            sections.text(item.line(), item.text());
        }
        return null;
    }

    /**
     * Reads a table from its opening {@code |===} to the closing one and returns the index of the closing line. The
     * number of columns is the number of cells on the first line; later rows may put one cell per line.
     */
    private static int table(String[] lines, int start, boolean headerOption, SectionCollector sections) {
        List<String> header = new ArrayList<>();
        List<ParsedDocument.Row> rows = new ArrayList<>();
        int columns = -1;
        List<String> cells = new ArrayList<>();
        int rowLine = 0;
        int i = start + 1;
        boolean first = true;
        for (; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (trimmed.startsWith("|===")) {
                break;
            }
            if (trimmed.isEmpty() || !trimmed.startsWith("|")) {
                if (!trimmed.isEmpty() && !cells.isEmpty()) {
                    int last = cells.size() - 1;
                    cells.set(last, cells.get(last) + " " + inline(trimmed)); // cell text continues
                }
                continue;
            }
            List<String> lineCells = splitCells(trimmed);
            if (columns < 0) {
                columns = lineCells.size();
                boolean blankAfter = i + 1 < lines.length && lines[i + 1].isBlank();
                if (headerOption || (blankAfter && columns > 1)) {
                    header.addAll(lineCells);
                    first = false;
                    continue;
                }
            }
            if (cells.isEmpty()) {
                rowLine = i + 1;
            }
            cells.addAll(lineCells);
            if (cells.size() >= columns) {
                rows.add(new ParsedDocument.Row(rowLine, cells));
                cells = new ArrayList<>();
            }
            first = false;
        }
        if (!cells.isEmpty()) {
            rows.add(new ParsedDocument.Row(rowLine, cells));
        }
        if (!first || !rows.isEmpty()) {
            sections.table(new ParsedDocument.Table(start + 1, header, rows));
        }
        return i;
    }

    private static List<String> splitCells(String line) {
        List<String> cells = new ArrayList<>();
        String[] parts = line.substring(1).split("(?<!\\\\)\\|", -1);
        for (String p : parts) {
            cells.add(inline(p.strip()));
        }
        return cells;
    }

    /** Removes inline markup that would get in the way of reading the words. */
    static String inline(String text) {
        String s = URL_MACRO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                (m.group(2).isBlank() ? "" : m.group(2) + " ") + "<" + m.group(1) + ">"));
        s = XREF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2) == null ? m.group(1) : m.group(2)));
        s = s.replaceAll("(?<![\\w*])\\*{1,2}([^*]+)\\*{1,2}(?![\\w*])", "$1")
                .replaceAll("(?<![\\w_])_{1,2}([^_]+)_{1,2}(?![\\w_])", "$1")
                .replaceAll("`+([^`]+)`+", "$1");
        return s.strip();
    }
}
