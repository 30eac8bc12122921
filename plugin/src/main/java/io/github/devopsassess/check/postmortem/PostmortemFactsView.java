package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.Postmortem.ActionItem;
import io.github.devopsassess.facts.postmortem.Postmortem.ItemStatus;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.postmortem.SectionKind;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** What several postmortem checks share: the "now" of time windows, and when an action item counts as open. */
public final class PostmortemFactsView {

    private PostmortemFactsView() {
    }

    /**
     * The day the assessment looks from: the assessed commit's date when there is history, else the newest date
     * written in the postmortems. Never the clock, so a re-run of the same commit gives the same result.
     */
    public static Optional<LocalDate> now(Facts facts, PostmortemFacts postmortems) {
        Optional<HistoryFacts> history = facts.find(HistoryFacts.class).filter(HistoryFacts::available);
        if (history.isPresent() && history.get().headTime() > 0) {
            return Optional.of(Instant.ofEpochSecond(history.get().headTime()).atZone(ZoneOffset.UTC).toLocalDate());
        }
        LocalDate newest = null;
        for (Postmortem pm : postmortems.postmortems()) {
            newest = later(newest, pm.incidentDate());
            for (Postmortem.TimelineEntry e : pm.timeline()) {
                if (e.time().getYear() > 1970) {
                    newest = later(newest, e.time().toLocalDate());
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /**
     * An item counts as open when it is marked open, or when nothing records its status and it has no tracking
     * link either: then nothing shows that it was ever done.
     */
    public static boolean open(ActionItem item) {
        return item.status() == ItemStatus.OPEN || (item.status() == ItemStatus.UNKNOWN && item.tracking() == null);
    }

    /** Weekdays after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public static int businessDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    /** Line of the first section of a kind, else of the title (1). */
    public static int lineOf(Postmortem pm, SectionKind kind) {
        return pm.sections(kind).stream().mapToInt(Postmortem.Section::line).filter(l -> l > 0).findFirst()
                .orElse(1);
    }

    /** "PM2025-004 - Logs not shipped (2025-07-08)": how messages name a postmortem. */
    public static String label(Postmortem pm) {
        String name = pm.path().substring(pm.path().lastIndexOf('/') + 1);
        return name + (pm.incidentDate() == null ? "" : " (" + pm.incidentDate() + ")");
    }
}
