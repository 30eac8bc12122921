package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.EnglishText;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.SectionKind;
import io.github.devopsassess.facts.postmortem.Postmortem.ActionItem;
import io.github.devopsassess.facts.postmortem.Postmortem.Mention;
import io.github.devopsassess.facts.postmortem.Postmortem.Section;
import io.github.devopsassess.facts.postmortem.Postmortem.TextLine;
import io.github.devopsassess.facts.postmortem.Postmortem.TimelineEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parsed document into a {@link Postmortem}: classifies sections, and reads the incident date, severity,
 * owner, status, times to detect and restore, action items, timeline and people named in causes.
 */
final class PostmortemInterpreter {

    private static final Pattern TIME_TO = Pattern.compile("(?i)^\\W*(time to (?:detect|detection)|ttd|mttd"
            + "|time to (?:acknowledge|acknowledgement|acknowledgment|ack|respond|response|engage)|tta|mtta"
            + "|time to (?:recover|recovery|restore|restoration|resolve|resolution|mitigate|mitigation)|ttr|mttr"
            + "|duration|outage duration)\\s*[:=\\-–|]\\s*(.+)$");
    private static final Pattern LABELLED = Pattern.compile(
            "(?i)^\\W*(postmortem owner|post-mortem owner|owner|author|authors|incident commander|status|severity"
                    + "|sev|priority|date|incident date|date of incident|start|started)\\s*[:|]\\s*(.+)$");
    private static final Pattern WRITTEN = Pattern.compile("(?i)^\\W*(written(?: on)?|date written|published(?: on)?"
            + "|publication date|postmortem date|post-mortem date|report date|review date|document date|date of"
            + " (?:the )?(?:postmortem|post-mortem|review|report))\\s*[:|]\\s*(.+)$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'(@])");

    private final PersonNames names;
    private final boolean showNames;

    PostmortemInterpreter(PersonNames names, boolean showNames) {
        this.names = names;
        this.showNames = showNames;
    }

    Postmortem interpret(String path, String format, ParsedDocument doc) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String title = doc.title() == null ? fileName.replaceFirst("\\.[^.]+$", "") : doc.title();

        List<Section> sections = new ArrayList<>();
        List<ParsedDocument.RawSection> timelineSections = new ArrayList<>();
        List<ActionItem> items = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        Meta meta = new Meta();
        SectionKind inherited = SectionKind.OTHER;
        int inheritedLevel = 0;
        for (ParsedDocument.RawSection raw : doc.sections()) {
            SectionKind kind = SectionKind.of(raw.heading());
            if (kind == SectionKind.OTHER && raw.level() > inheritedLevel && inherited != SectionKind.OTHER) {
                kind = inherited; // "### What went well?" under "## How'd we do?"
            } else if (raw.level() > 0) {
                inherited = kind;
                inheritedLevel = raw.level();
            }
            for (TextLine t : raw.text()) {
                meta.read(t);
            }
            for (ParsedDocument.Table table : raw.tables()) {
                for (ParsedDocument.Row row : table.rows()) {
                    if (row.cells().size() == 2) {
                        meta.read(new TextLine(row.line(), row.cells().get(0) + ": " + row.cells().get(1)));
                    }
                }
            }
            if (kind == SectionKind.ACTION_ITEMS) {
                items.addAll(ActionItemReader.read(raw));
            }
            if (kind == SectionKind.TIMELINE) {
                timelineSections.add(raw);
            }
            if (kind == SectionKind.CAUSE) {
                mentions.addAll(mentions(raw));
            }
            sections.add(new Section(kind, raw.heading(), raw.level(), raw.line(), redacted(raw.text())));
        }

        DateFound date = incidentDate(doc, fileName, title, meta);
        List<TimelineEntry> timeline = TimelineReader.read(timelineSections, date == null ? null : date.date);
        if (date == null && !timeline.isEmpty() && timeline.get(0).time().getYear() > 1970) {
            date = new DateFound(timeline.get(0).time().toLocalDate(), "timeline", timeline.get(0).line());
        }
        Integer detect = meta.detect;
        Integer restore = meta.restore;
        String restoreSource = meta.restore == null ? null : "\"" + meta.restoreLabel + "\"";
        int restoreLine = meta.restoreLine;
        if (detect == null) {
            detect = TimelineReader.minutesToDetect(timeline);
        }
        Integer acknowledge = meta.acknowledge != null ? meta.acknowledge
                : TimelineReader.minutesToAcknowledge(timeline);
        if (restore == null) {
            restore = TimelineReader.minutesToRestore(timeline);
            TimelineEntry at = TimelineReader.restoreEntry(timeline);
            restoreSource = restore == null || at == null ? null : "timeline";
            restoreLine = restore == null || at == null ? 0 : at.line();
        }

        String severity = front(doc, "severity", "sev", "priority").map(v -> TextPatterns.severity(
                v.value().matches("\\d") ? "SEV" + v.value() : v.value()).orElse(v.value().strip())).orElse(null);
        int severityLine = front(doc, "severity", "sev", "priority").map(ParsedDocument.FrontMatterValue::line)
                .orElse(0);
        if (severity == null && meta.severity != null) {
            severity = meta.severity;
            severityLine = meta.severityLine;
        }
        if (severity == null) {
            Optional<String> inTitle = TextPatterns.severity(title);
            if (inTitle.isPresent()) {
                severity = inTitle.get();
                severityLine = doc.titleLine();
            }
        }
        if (severity == null) {
            // "we suffered a 47 minute SEV-1" in the PagerDuty overview
            for (Section s : sections) {
                Optional<TextLine> hit = s.kind() != SectionKind.SUMMARY ? Optional.empty() : s.text().stream()
                        .filter(t -> TextPatterns.severity(t.text()).isPresent()).findFirst();
                if (hit.isPresent()) {
                    severity = TextPatterns.severity(hit.get().text()).get();
                    severityLine = hit.get().line();
                    break;
                }
            }
        }
        String owner = front(doc, "owner", "owners", "author", "authors", "postmortem-owner", "postmortem_owner")
                .map(ParsedDocument.FrontMatterValue::value).orElse(meta.owner);
        String status = front(doc, "status").map(ParsedDocument.FrontMatterValue::value).orElse(meta.status);
        boolean english = EnglishText.isEnglish(String.join("\n", sections.stream()
                .flatMap(s -> s.text().stream()).map(TextLine::text).toList()));

        DateFound written = writtenDate(doc, meta);
        return new Postmortem(path, format, title, date == null ? null : date.date,
                date == null ? null : date.source, date == null ? 0 : date.line, written == null ? null : written.date,
                written == null ? null : written.source, written == null ? 0 : written.line, severity, severityLine,
                owner == null ? null : showNames ? owner : REDACTED_OWNER, status, detect, acknowledge, restore,
                restoreSource, restoreLine, sections, items, timeline, mentions, english, doc.lineCount(),
                doc.pageStarts());
    }

    /** Placeholder for the postmortem owner when names are hidden; that there is an owner is what matters. */
    static final String REDACTED_OWNER = "(owner named)";

    private record DateFound(LocalDate date, String source, int line) {
    }

    private static DateFound incidentDate(ParsedDocument doc, String fileName, String title, Meta meta) {
        Optional<ParsedDocument.FrontMatterValue> front = front(doc, "incident-date", "incident_date", "date",
                "incident", "started", "start");
        if (front.isPresent()) {
            Optional<LocalDate> d = TextPatterns.date(front.get().value());
            if (d.isPresent()) {
                return new DateFound(d.get(), "front matter", front.get().line());
            }
        }
        if (meta.date != null) {
            return new DateFound(meta.date, "metadata line", meta.dateLine);
        }
        Optional<LocalDate> inName = TextPatterns.date(fileName);
        if (inName.isPresent()) {
            return new DateFound(inName.get(), "file name", 0);
        }
        Optional<LocalDate> inTitle = TextPatterns.date(title);
        if (inTitle.isPresent()) {
            return new DateFound(inTitle.get(), "title", doc.titleLine());
        }
        // "## 2023-04-02 Checkout outage": the first heading, when the document has no title of its own
        return doc.sections().stream().filter(s -> s.level() > 0).findFirst()
                .flatMap(s -> TextPatterns.date(s.heading()).map(d -> new DateFound(d, "first heading", s.line())))
                .orElse(null);
    }

    /** The key under which a reader passes the creation date of an exported page (Confluence's page metadata). */
    static final String PAGE_CREATED = " page created"; // a space: no front matter key can be it

    /** Front matter keys that give the date a postmortem was written or published, most specific first. */
    private static final List<String> WRITTEN_KEYS = List.of("written", "written-date", "written_date", "date-written",
            "published", "published-date", "published_date", "published_at", "publish-date", "publishdate",
            "postmortem-date", "postmortem_date", "report-date", "report_date", "review-date", "review_date", "created",
            "created_at", "created-date", PAGE_CREATED);

    private static DateFound writtenDate(ParsedDocument doc, Meta meta) {
        for (String key : WRITTEN_KEYS) {
            ParsedDocument.FrontMatterValue v = doc.frontMatter().get(key);
            Optional<LocalDate> d = v == null || v.value() == null ? Optional.empty() : TextPatterns.date(v.value());
            if (d.isPresent()) {
                return new DateFound(d.get(), key.equals(PAGE_CREATED) ? "page metadata" : "front matter '" + key
                        + "'", v.line());
            }
        }
        return meta.written == null ? null : new DateFound(meta.written, "\"" + meta.writtenLabel + "\" line",
                meta.writtenLine);
    }

    private static Optional<ParsedDocument.FrontMatterValue> front(ParsedDocument doc, String... keys) {
        for (String k : keys) {
            ParsedDocument.FrontMatterValue v = doc.frontMatter().get(k);
            if (v != null && v.value() != null && !v.value().isBlank()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private List<TextLine> redacted(List<TextLine> text) {
        return showNames ? text : text.stream().map(t -> new TextLine(t.line(), names.redact(t.text()))).toList();
    }

    private List<Mention> mentions(ParsedDocument.RawSection raw) {
        List<Mention> out = new ArrayList<>();
        for (TextLine t : raw.text()) {
            for (String sentence : sentences(t.text())) {
                String who = names.firstIn(sentence);
                if (who != null) {
                    out.add(new Mention(t.line(), raw.heading(), showNames ? sentence : names.redact(sentence),
                            showNames ? who : PersonNames.REDACTED));
                }
            }
        }
        return out;
    }

    static List<String> sentences(String text) {
        return List.of(SENTENCE_END.split(text.strip()));
    }

    /** Labelled lines anywhere in the document: "Severity: SEV2", "Time to detection: 1415 minutes". */
    private static final class Meta {
        Integer detect;
        Integer acknowledge;
        Integer restore;
        int restoreLine;
        String restoreLabel;
        String severity;
        int severityLine;
        String owner;
        String status;
        LocalDate date;
        int dateLine;
        LocalDate written;
        int writtenLine;
        String writtenLabel;

        void read(TextLine t) {
            Matcher writtenOn = WRITTEN.matcher(t.text());
            if (writtenOn.find()) {
                Optional<LocalDate> d = TextPatterns.date(writtenOn.group(2));
                if (written == null && d.isPresent()) {
                    written = d.get();
                    writtenLine = t.line();
                    writtenLabel = writtenOn.group(1).strip();
                }
                return;
            }
            Matcher time = TIME_TO.matcher(t.text());
            if (time.find()) {
                String label = time.group(1).toLowerCase(Locale.ROOT);
                Integer minutes = TextPatterns.minutes(time.group(2));
                if (minutes != null) {
                    if (label.contains("detect") || label.endsWith("ttd")) {
                        detect = detect == null ? minutes : detect;
                    } else if (label.contains("ack") || label.contains("respon") || label.contains("engage")
                            || label.endsWith("tta")) {
                        acknowledge = acknowledge == null ? minutes : acknowledge;
                    } else if (restore == null) {
                        restore = minutes;
                        restoreLine = t.line();
                        restoreLabel = time.group(1).strip();
                    }
                }
                return;
            }
            Matcher labelled = LABELLED.matcher(t.text());
            if (!labelled.find()) {
                return;
            }
            String label = labelled.group(1).toLowerCase(Locale.ROOT);
            String value = labelled.group(2).strip();
            if (value.startsWith("_") && value.endsWith("_")) {
                return; // a template's placeholder: "_Your name goes here._"
            }
            switch (label) {
                case "severity", "sev", "priority" -> {
                    if (severity == null) {
                        severity = TextPatterns.severity(value.matches("\\d.*") ? "SEV" + value : value)
                                .orElse(null);
                        severityLine = t.line();
                    }
                }
                case "status" -> status = status == null ? value : status;
                case "date", "incident date", "date of incident", "start", "started" -> {
                    if (date == null) {
                        date = TextPatterns.date(value).orElse(null);
                        dateLine = t.line();
                    }
                }
                default -> owner = owner == null ? value : owner;
            }
        }
    }
}
