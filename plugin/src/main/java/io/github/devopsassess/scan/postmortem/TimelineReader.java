package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.SectionKind;
import io.github.devopsassess.facts.postmortem.Postmortem.TimelineEntry;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads timeline entries from the tables and lists of timeline sections and derives detection and restore times from
 * them. Times without a date take the date of the previous entry (or the incident date), and a time earlier than the
 * previous one moves to the next day, as a timeline that runs past midnight does.
 */
final class TimelineReader {

    private static final Pattern DETECTED = Pattern.compile("(?i)\\b(alert(ed)?|paged?|detected|noticed|notified|"
            + "reported|discovered|witnessed|aware|identified|observed|escalated|investigat\\w*|incident (opened|"
            + "declared))\\b");
    private static final Pattern RESTORED = Pattern.compile("(?i)\\b(resolved|restored|recovered|mitigated|"
            + "back to normal|fix(es)? (was |were )?(applied|deployed)|fixed|rolled back|reverted|is now fine|"
            + "service (is )?healthy|all clear|incident (closed|ended))\\b");

    /** Someone responding to the alert: acknowledging the page, joining, starting to investigate. */
    private static final Pattern ACKNOWLEDGED = Pattern.compile("(?i)\\b(acknowledged|acked|ack'd|responded|"
            + "responding|engaged|joined|took (the )?(page|incident)|picked up|"
            + "started investigat\\w*|began investigat\\w*|investigating|incident (opened|declared))\\b");

    private TimelineReader() {
    }

    /** The timeline entries of the given sections, in document order. */
    static List<TimelineEntry> read(List<ParsedDocument.RawSection> sections, LocalDate fallbackDate) {
        List<TimelineEntry> entries = new ArrayList<>();
        LocalDate current = fallbackDate;
        LocalDateTime previous = null;
        for (ParsedDocument.RawSection section : sections) {
            List<String[]> candidates = new ArrayList<>();
            for (ParsedDocument.Table table : section.tables()) {
                int timeColumn = timeColumn(table);
                for (ParsedDocument.Row row : table.rows()) {
                    if (row.cells().isEmpty()) {
                        continue;
                    }
                    String when = timeColumn < row.cells().size() ? row.cells().get(timeColumn) : "";
                    List<String> rest = new ArrayList<>(row.cells());
                    if (timeColumn < rest.size()) {
                        rest.remove(timeColumn);
                    }
                    candidates.add(new String[] {String.valueOf(row.line()), when, String.join(" | ", rest)});
                }
            }
            for (ParsedDocument.ListEntry item : section.items()) {
                candidates.add(new String[] {String.valueOf(item.line()), item.text(), item.text()});
            }
            for (String[] c : candidates) {
                Optional<LocalTime> time = TextPatterns.time(c[1]);
                Optional<LocalDate> date = TextPatterns.date(c[1]);
                if (time.isEmpty() && date.isEmpty()) {
                    continue;
                }
                if (date.isPresent()) {
                    current = date.get();
                }
                if (current == null) {
                    current = LocalDate.of(1970, 1, 1); // relative timeline: only differences are used
                }
                LocalDateTime at = LocalDateTime.of(current, time.orElse(LocalTime.MIDNIGHT));
                if (date.isEmpty() && previous != null && at.isBefore(previous)) {
                    at = at.plusDays(1);
                    current = at.toLocalDate();
                }
                previous = at;
                entries.add(new TimelineEntry(Integer.parseInt(c[0]), at, c[2]));
            }
        }
        return entries;
    }

    private static int timeColumn(ParsedDocument.Table table) {
        for (int i = 0; i < table.header().size(); i++) {
            String h = SectionKind.normalise(table.header().get(i));
            if (h.startsWith("time") || h.startsWith("date") || h.equals("when")) {
                return i;
            }
        }
        return 0;
    }

    /** Minutes from the first entry to the first detection entry, or {@code null}. */
    static Integer minutesToDetect(List<TimelineEntry> entries) {
        return minutesTo(entries, DETECTED);
    }

    /**
     * Minutes from the detection entry (the first that says the problem was alerted or noticed) to the first later
     * entry that says someone responded, or {@code null} when the timeline shows either not.
     */
    static Integer minutesToAcknowledge(List<TimelineEntry> entries) {
        int detected = -1;
        for (int i = 1; i < entries.size(); i++) {
            if (DETECTED.matcher(entries.get(i).event()).find()) {
                detected = i;
                break;
            }
        }
        if (detected < 0) {
            return null;
        }
        for (TimelineEntry e : entries.subList(detected + 1, entries.size())) {
            if (ACKNOWLEDGED.matcher(e.event()).find()) {
                long minutes = java.time.Duration.between(entries.get(detected).time(), e.time()).toMinutes();
                return minutes < 0 ? null : (int) minutes;
            }
        }
        return null;
    }

    /** Minutes from the first entry to the first restore entry, or {@code null}. */
    static Integer minutesToRestore(List<TimelineEntry> entries) {
        return minutesTo(entries, RESTORED);
    }

    /** The first entry that says the service was restored, or {@code null}. */
    static TimelineEntry restoreEntry(List<TimelineEntry> entries) {
        return entries.stream().skip(1).filter(e -> RESTORED.matcher(e.event()).find()).findFirst().orElse(null);
    }

    private static Integer minutesTo(List<TimelineEntry> entries, Pattern what) {
        if (entries.size() < 2) {
            return null;
        }
        LocalDateTime start = entries.get(0).time();
        for (TimelineEntry e : entries.subList(1, entries.size())) {
            if (what.matcher(e.event()).find()) {
                long minutes = java.time.Duration.between(start, e.time()).toMinutes();
                return minutes < 0 ? null : (int) minutes;
            }
        }
        return null;
    }
}
