package io.github.devopsassess.facts.postmortem;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One postmortem as read from the repository.
 *
 * @param path repository-relative path
 * @param format {@code markdown}, {@code asciidoc}, {@code html} or {@code pdf}
 * @param title the title, or the file name when the document has none
 * @param incidentDate when the incident happened, or {@code null} when nothing says
 * @param dateSource where the date came from ("front matter", "title", "file name", "timeline", "metadata line")
 * @param dateLine line the date was read from, 0 for the file name
 * @param writtenDate when the document says it was written or published ("published: 2023-04-06" in front matter, a
 *     "Written:" or "Postmortem date:" line, Confluence's "Created by … on …"), or {@code null}
 * @param writtenSource where that date came from ("front matter 'published'", "\"Written\" line", "page metadata")
 * @param writtenLine line of the written date, 0 if unknown
 * @param severity normalised severity ({@code SEV1}, {@code P2}), or {@code null}
 * @param severityLine line of the severity, 0 when unknown
 * @param owner the postmortem's owner as written, or {@code null}
 * @param status the document's status as written ("draft", "final"), or {@code null}
 * @param minutesToDetect minutes from start to detection, or {@code null}
 * @param minutesToAcknowledge minutes from detection (the alert) to acknowledgement (someone responding), as stated
 *     ("Time to acknowledge: 6 min") or from the timeline; {@code null} when unknown
 * @param minutesToRestore minutes from start to recovery, or {@code null}
 * @param restoreSource where the time to restore came from: the label of a stats line ("Time to recovery") or
 *     "timeline"; {@code null} when unknown
 * @param restoreLine line of that label or of the timeline entry that says the service was restored, 0 if unknown
 * @param sections recognised and other sections, in document order
 * @param actionItems action items from tables and lists of action-item sections
 * @param timeline timeline entries with a time
 * @param mentions people named as the subject of a cause (names already redacted when names are hidden)
 * @param english false when the prose is not English, so the English blame lexicon must not be applied
 * @param lineCount lines in the file (of its extracted text, for a PDF)
 * @param pageStarts for a paged document (PDF), the line of its extracted text that begins each page, page 1 first;
 *     empty for a file of lines
 */
public record Postmortem(String path, String format, String title, LocalDate incidentDate, String dateSource,
        int dateLine, LocalDate writtenDate, String writtenSource, int writtenLine, String severity, int severityLine,
        String owner, String status, Integer minutesToDetect, Integer minutesToAcknowledge, Integer minutesToRestore,
        String restoreSource, int restoreLine,
        List<Section> sections, List<ActionItem> actionItems,
        List<TimelineEntry> timeline, List<Mention> mentions, boolean english, int lineCount,
        List<Integer> pageStarts) {

    public Postmortem {
        pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
        sections = List.copyOf(sections);
        actionItems = List.copyOf(actionItems);
        timeline = List.copyOf(timeline);
        mentions = List.copyOf(mentions);
    }

    /** Whether the document is made of pages (a PDF), so that places in it are pages rather than lines. */
    public boolean paged() {
        return !pageStarts.isEmpty();
    }

    /** The 1-based page a line of the extracted text is on, 0 for a file of lines or a line before the first page. */
    public int page(int line) {
        int page = 0;
        for (int i = 0; i < pageStarts.size() && pageStarts.get(i) <= line; i++) {
            page = i + 1;
        }
        return page;
    }

    /** The sections of one kind, in document order. */
    public List<Section> sections(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).toList();
    }

    public boolean has(SectionKind kind) {
        return sections.stream().anyMatch(s -> s.kind() == kind);
    }

    /** The text of every section of the given kinds, joined by new lines. */
    public String text(SectionKind... kinds) {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            for (SectionKind k : kinds) {
                if (s.kind() == k) {
                    s.text().forEach(t -> sb.append(t.text()).append('\n'));
                }
            }
        }
        return sb.toString();
    }

    /** One line of prose (a paragraph line, a list entry or a table row) and where it is. */
    public record TextLine(int line, String text) {
    }

    /**
     * A section.
     *
     * @param kind what it is about
     * @param heading the heading as written ("" for the text before the first heading)
     * @param level heading level 1–3, 0 for the preamble
     * @param line line of the heading
     * @param text its prose lines, table rows included
     */
    public record Section(SectionKind kind, String heading, int level, int line, List<TextLine> text) {
        public Section {
            text = List.copyOf(text);
        }

        /** True when the section says nothing: no text, or only placeholders such as "-" or "TBD". */
        public boolean empty() {
            return text.stream().map(t -> t.text().replaceAll("[\\s\\-*_.…]", ""))
                    .allMatch(t -> t.isEmpty() || t.equalsIgnoreCase("tbd") || t.equalsIgnoreCase("n/a")
                            || t.equalsIgnoreCase("none"));
        }
    }

    /** Whether an action item is done. UNKNOWN means nothing in the document says (a plain list entry). */
    public enum ItemStatus {
        OPEN, DONE, UNKNOWN
    }

    /**
     * One action item.
     *
     * @param text what is to be done, markup removed
     * @param line where it is
     * @param owner who owns it ({@code @handle}, table Owner cell, "owner: x"), or {@code null}
     * @param status done, open or unknown
     * @param tracking an issue key, issue number or link, or {@code null}
     * @param due due date when one is written, or {@code null}
     */
    public record ActionItem(String text, int line, String owner, ItemStatus status, String tracking,
            LocalDate due) {
    }

    /**
     * A timeline entry.
     *
     * @param line where it is
     * @param time when, with the date of the incident filled in when the table gives times only
     * @param event what happened
     */
    public record TimelineEntry(int line, LocalDateTime time, String event) {
    }

    /**
     * A person named as the subject of a cause.
     *
     * @param line where
     * @param section heading of the section
     * @param sentence the sentence, with the name replaced by "a named person" unless names are shown
     * @param who the name or handle when names are shown, else "a named person"
     */
    public record Mention(int line, String section, String sentence, String who) {
    }
}
