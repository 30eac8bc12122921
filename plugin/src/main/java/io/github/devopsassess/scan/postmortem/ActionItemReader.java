package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.SectionKind;
import io.github.devopsassess.facts.postmortem.Postmortem.ActionItem;
import io.github.devopsassess.facts.postmortem.Postmortem.ItemStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads action items from the tables ({@code | Action | Owner | Status | Bug |}) and lists ({@code - [ ] …
 * @owner OPS-12}) of an action-item section.
 */
final class ActionItemReader {

    private static final Pattern CHECKBOX = Pattern.compile("^\\[([ xX])\\]\\s*");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])@([A-Za-z0-9][\\w.-]*[A-Za-z0-9_])");
    private static final Pattern OWNER = Pattern.compile(
            "(?i)\\b(?:owner|owned by|assignee|assigned to|dri)\\s*[:=]?\\s+([A-Za-z][\\w.@' -]{1,40}?)\\s*(?:[,;)\\]]|$)");
    private static final Pattern DUE = Pattern.compile("(?i)\\b(?:due|by|deadline)\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern DONE_WORDS = Pattern.compile(
            "(?i)\\b(done|closed|complete|completed|fixed|resolved|finished|merged|shipped)\\b");
    private static final Pattern OPEN_WORDS = Pattern.compile(
            "(?i)\\b(open|todo|to do|in progress|in-progress|not started|pending|planned|backlog|wip|blocked|new)\\b");
    /**
     * An item written as something already done: "We tweaked the pull limit", "We've advised the teams", "The role
     * has been documented". Verbs that record only a plan or a ticket ("scheduled", "raised", "created an issue")
     * are not done.
     */
    private static final Pattern DONE_STATEMENT = Pattern.compile(
            "(?i)^(?:(?:we|i|they|the team)(?:['’]ve|\\s+have|\\s+had)?\\s+([a-z]+ed)\\b"
            + "|.*?\\b(?:has|have|had)\\s+(?:now\\s+|already\\s+)?been\\s+([a-z]+(?:ed|en))\\b)");
    private static final Set<String> NOT_DONE_VERBS = Set.of("need", "planned", "scheduled", "decided", "agreed",
            "discussed", "identified", "raised", "opened", "filed", "logged", "requested", "proposed", "suggested",
            "noticed", "considered", "needed", "wanted", "started", "tried", "asked", "created", "assigned",
            "prioritized", "prioritised", "added", "noted", "reported", "escalated", "delayed", "postponed");
    private static final Set<String> ACTION_HEADERS = Set.of("action", "action item", "item", "task", "description",
            "what", "follow up", "followup", "remediation", "corrective action");
    private static final Set<String> OWNER_HEADERS = Set.of("owner", "owners", "assignee", "who", "responsible",
            "dri", "team");
    private static final Set<String> STATUS_HEADERS = Set.of("status", "state", "done");
    private static final Set<String> TRACKING_HEADERS = Set.of("bug", "issue", "ticket", "link", "tracking", "jira",
            "tracking bug", "tracking issue", "reference", "ref");
    private static final Set<String> DUE_HEADERS = Set.of("due", "due date", "deadline", "target date");
    private static final Set<String> PLACEHOLDERS = Set.of("", "-", "?", "tbd", "n/a", "none", "nobody", "...", "…");

    private ActionItemReader() {
    }

    static List<ActionItem> read(ParsedDocument.RawSection section) {
        List<ActionItem> items = new ArrayList<>();
        for (ParsedDocument.Table table : section.tables()) {
            items.addAll(fromTable(table));
        }
        for (ParsedDocument.ListEntry entry : section.items()) {
            ActionItem item = fromText(entry.line(), entry.text());
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static List<ActionItem> fromTable(ParsedDocument.Table table) {
        List<String> header = table.header().stream().map(h -> SectionKind.normalise(h)).toList();
        int action = column(header, ACTION_HEADERS);
        int owner = column(header, OWNER_HEADERS);
        int status = column(header, STATUS_HEADERS);
        int tracking = column(header, TRACKING_HEADERS);
        int due = column(header, DUE_HEADERS);
        if (action < 0) {
            action = firstOther(header.size(), owner, status, tracking, due);
        }
        List<ActionItem> items = new ArrayList<>();
        for (ParsedDocument.Row row : table.rows()) {
            String text = cell(row, action);
            if (isPlaceholder(text)) {
                continue;
            }
            String all = String.join(" ", row.cells());
            String ownerText = cell(row, owner);
            String who = isPlaceholder(ownerText) ? ownerFrom(text) : ownerText;
            ItemStatus st = status >= 0 ? status(cell(row, status)) : ItemStatus.UNKNOWN;
            if (st == ItemStatus.UNKNOWN) {
                st = statusFromText(text);
            }
            String link = tracking >= 0 && !isPlaceholder(cell(row, tracking))
                    ? firstNonNull(TextPatterns.tracking(cell(row, tracking)), cell(row, tracking))
                    : TextPatterns.tracking(all);
            LocalDate dueDate = due >= 0 ? TextPatterns.date(cell(row, due)).orElse(null) : dueFrom(text);
            items.add(new ActionItem(text, row.line(), who, st, link, dueDate));
        }
        return items;
    }

    /** A list entry as an action item, or {@code null} for an empty entry (an unfilled template "-"). */
    static ActionItem fromText(int line, String raw) {
        String text = raw.strip();
        ItemStatus status = ItemStatus.UNKNOWN;
        Matcher box = CHECKBOX.matcher(text);
        if (box.find()) {
            status = box.group(1).isBlank() ? ItemStatus.OPEN : ItemStatus.DONE;
            text = text.substring(box.end()).strip();
        }
        if (isPlaceholder(text)) {
            return null;
        }
        if (status == ItemStatus.UNKNOWN) {
            status = text.startsWith("~~") && text.indexOf("~~", 2) > 0 ? ItemStatus.DONE : statusFromText(text);
        }
        return new ActionItem(text, line, ownerFrom(text), status, TextPatterns.tracking(text), dueFrom(text));
    }

    private static String ownerFrom(String text) {
        Matcher handle = HANDLE.matcher(text);
        if (handle.find()) {
            return "@" + handle.group(1);
        }
        Matcher owner = OWNER.matcher(text);
        return owner.find() ? owner.group(1).strip() : null;
    }

    private static LocalDate dueFrom(String text) {
        Matcher m = DUE.matcher(text);
        return m.find() ? TextPatterns.date(m.group(1)).orElse(null) : null;
    }

    /** Status written as a word in parentheses or after a colon: "(done)", "Status: in progress". */
    private static ItemStatus statusFromText(String text) {
        Matcher m = Pattern.compile("(?i)(?:\\(|status\\s*:\\s*|\\[)\\s*([a-z -]+?)\\s*(?:\\)|\\]|$|[,;])")
                .matcher(text);
        while (m.find()) {
            ItemStatus s = status(m.group(1));
            if (s != ItemStatus.UNKNOWN) {
                return s;
            }
        }
        return doneStatement(text) ? ItemStatus.DONE : ItemStatus.UNKNOWN;
    }

    /** Whether the item reports a finished action in the past tense rather than asking for one. */
    static boolean doneStatement(String text) {
        Matcher m = DONE_STATEMENT.matcher(text.strip());
        if (!m.find()) {
            return false;
        }
        String verb = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        return !NOT_DONE_VERBS.contains(verb);
    }

    static ItemStatus status(String cell) {
        String c = cell.strip().toLowerCase(Locale.ROOT);
        if (c.equals("x") || c.equals("yes") || c.equals("✅") || c.equals("✔") || DONE_WORDS.matcher(c).find()) {
            return c.contains("not ") ? ItemStatus.OPEN : ItemStatus.DONE;
        }
        if (c.equals("no") || OPEN_WORDS.matcher(c).find()) {
            return ItemStatus.OPEN;
        }
        return ItemStatus.UNKNOWN;
    }

    private static boolean isPlaceholder(String text) {
        return text == null || PLACEHOLDERS.contains(text.strip().toLowerCase(Locale.ROOT))
                || text.strip().matches("_?\\?+_?");
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstOther(int size, int... taken) {
        outer:
        for (int i = 0; i < Math.max(size, 1); i++) {
            for (int t : taken) {
                if (t == i) {
                    continue outer;
                }
            }
            return i;
        }
        return 0;
    }

    private static String cell(ParsedDocument.Row row, int index) {
        return index >= 0 && index < row.cells().size() ? row.cells().get(index).strip() : "";
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
