package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.SectionKind;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a postmortem that is only lines of text, as the text of a PDF is: headings are lines of their own, so a short
 * line that names a postmortem section ("Timeline", "2. Root cause", "ACTION ITEMS:") starts a section; the first
 * line is the title; bullets ("•", "-", "1.") start list entries, and in a timeline every line that starts with a
 * time or a date is an entry, in an action-item section every line is one unless it continues a bullet.
 */
final class PlainTextReader {

    /** A numbered heading's number: "2.", "2.1", "IV.", "A)". */
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,2}(?:\\.\\d{1,2})*\\.?|[IVX]{1,4}\\.|[A-H][.)])"
            + "\\s+");
    private static final Pattern BULLET = Pattern.compile(
            "^(?:[•◦▪▫●○■□‣⁃∙·*\\-–—\uf0b7\uf0a7]|\\d{1,2}[.)]|\\[[ xX]\\])\\s*(.*)$");
    private static final Pattern STARTS_WITH_TIME = Pattern.compile(
            "^(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}|\\d{1,2}\\s+[A-Za-z]{3,9}\\s+\\d{4}"
                    + "|[A-Za-z]{3,9}\\.?\\s+\\d{1,2},?\\s+\\d{4}|T[+-]\\d+)");
    /** Longest line taken as a heading, in words: a sentence that starts with "Root cause" is prose. */
    private static final int MAX_HEADING_WORDS = 6;

    /** One line of the text and its number. */
    record Line(int line, String text) {
    }

    ParsedDocument read(List<Line> lines, int lineCount) {
        SectionCollector sections = new SectionCollector();
        SectionKind current = SectionKind.OTHER;
        boolean titled = false;
        ParsedDocument.ListEntry openItem = null;
        for (Line l : lines) {
            String text = l.text().strip();
            if (text.isEmpty()) {
                openItem = flush(openItem, sections);
                continue;
            }
            SectionKind heading = heading(text);
            if (heading != null) {
                openItem = flush(openItem, sections);
                sections.heading(headingText(text), 2, l.line());
                current = heading;
                titled = true;
                continue;
            }
            if (!titled) {
                sections.title(text, l.line());
                titled = true;
                continue;
            }
            Matcher bullet = BULLET.matcher(text);
            boolean isBullet = bullet.matches() && !bullet.group(1).isBlank() && !STARTS_WITH_TIME.matcher(text)
                    .lookingAt();
            if (isBullet) {
                flush(openItem, sections);
                openItem = new ParsedDocument.ListEntry(l.line(), checkbox(text, bullet.group(1)));
            } else if (current == SectionKind.TIMELINE && STARTS_WITH_TIME.matcher(text).lookingAt()) {
                flush(openItem, sections);
                openItem = new ParsedDocument.ListEntry(l.line(), text);
            } else if (openItem != null) {
                openItem = new ParsedDocument.ListEntry(openItem.line(), openItem.text() + " " + text);
            } else if (current == SectionKind.ACTION_ITEMS) {
                openItem = new ParsedDocument.ListEntry(l.line(), text);
            } else {
                sections.text(l.line(), text);
            }
        }
        flush(openItem, sections);
        return sections.document(Map.of(), lineCount);
    }

    /** The kind of section a line introduces when it is a heading line, else {@code null}. */
    static SectionKind heading(String line) {
        String text = headingText(line);
        if (text.isEmpty() || text.endsWith(".") || text.endsWith(",") || line.contains(": ")
                || text.split("\\s+").length > MAX_HEADING_WORDS) {
            return null;
        }
        SectionKind kind = SectionKind.of(text);
        return kind == SectionKind.OTHER ? null : kind;
    }

    private static String headingText(String line) {
        String text = NUMBERING.matcher(line.strip()).replaceFirst("");
        return text.replaceFirst("[:\\s]+$", "").strip();
    }

    /** "☐ Add an alert" and "[x] Done" keep their state the way Markdown task lists write it. */
    private static String checkbox(String line, String rest) {
        if (line.startsWith("[")) {
            return line.substring(0, 3) + " " + rest.strip();
        }
        return rest.strip();
    }

    private static ParsedDocument.ListEntry flush(ParsedDocument.ListEntry item, SectionCollector sections) {
        if (item != null) {
            sections.item(item.line(), item.text());
            sections.text(item.line(), item.text());
        }
        return null;
    }
}
