package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Restriction;
import io.github.devopsassess.facts.oncall.Roster;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.parse.YamlNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Maps the Terraform resource {@code pagerduty_schedulev2} (PagerDuty's shift-based v3 schedules) into the on-call
 * model. Every {@code rotation { event { … } }} becomes one layer: the event's start and end time of day, repeated on
 * the days its {@code RRULE} names, are the layer's hours; its {@code assignment_strategy} says who is on call then
 * ({@code rotating_member_assignment_strategy}: the members take turns of {@code shifts_per_member} recurrence
 * periods; {@code every_member_assignment_strategy}: all members at once). All events are paged together, so the
 * schedule is not an overlay. A rule or a time that cannot be modelled is a problem on its line and makes the
 * schedule's coverage unknown; its people are still read.
 */
final class ScheduleV2Mapper {

    private static final String ROTATING = "rotating_member_assignment_strategy";
    private static final String EVERY = "every_member_assignment_strategy";

    private final OnCallModel model;
    private final String path;

    ScheduleV2Mapper(OnCallModel model, String path) {
        this.model = model;
        this.path = path;
    }

    void schedule(String id, YamlNode.Mapping m, Place rosterIgnoredAt) {
        Place place = new Place(path, m.line());
        model.vendor(PagerDutyMapper.VENDOR, place);
        String zoneId = Nodes.text(m, "time_zone").orElse(null);
        ZoneId zone = Roster.zone(zoneId);
        List<Layer> layers = new ArrayList<>();
        boolean known = !m.get("dynamic").isPresent();
        int r = 0;
        for (YamlNode.Mapping rotation : Nodes.blocks(m, "rotation")) {
            r++;
            int e = 0;
            for (YamlNode.Mapping event : Nodes.blocks(rotation, "event")) {
                e++;
                EventLayer layer = event(id, event, "rotation " + r + " event " + e, zone);
                layers.add(layer.layer());
                known &= layer.known();
            }
        }
        if (layers.isEmpty() && known) {
            model.problem(path, m.line(), "pagerduty_schedulev2 '" + id + "' has no rotation with an event");
        }
        model.schedule(new Schedule(id, Nodes.text(m, "name").orElse(id), PagerDutyMapper.VENDOR, zoneId, layers,
                known, false, rosterIgnoredAt, place));
    }

    /** A layer, and whether its hours could be modelled. */
    private record EventLayer(Layer layer, boolean known) {
    }

    /** Who an assignment strategy puts on call. */
    private record Members(String type, List<List<String>> slots, List<String> everyone, boolean known,
            long shiftsPerMember) {
    }

    private EventLayer event(String scheduleId, YamlNode.Mapping event, String fallbackName, ZoneId zone) {
        String name = Nodes.text(event, "name").orElse(fallbackName);
        Place place = new Place(path, event.line());
        String what = "event '" + name + "' of pagerduty_schedulev2 '" + scheduleId + "'";
        Members members = members(event);
        Instant since = Nodes.instant(Nodes.text(event, "effective_since").orElse(null));
        Instant until = Nodes.instant(Nodes.text(event, "effective_until").orElse(null));

        LocalDateTime start = localTime(event, "start_time", zone);
        LocalDateTime end = localTime(event, "end_time", zone);
        String refusal = null;
        int refusalLine = event.line();
        if (start == null || end == null) {
            refusal = "start_time and end_time must be ISO-8601 date-times";
            refusalLine = Nodes.line(event, start == null ? "start_time" : "end_time");
        }
        long duration = start == null || end == null ? 0
                : end.atZone(zone).toEpochSecond() - start.atZone(zone).toEpochSecond();
        if (refusal == null && duration <= 0) {
            refusal = "end_time is not after start_time";
            refusalLine = Nodes.line(event, "end_time");
        }
        RecurrenceRule rule = null;
        if (refusal == null) {
            List<String> entries = new ArrayList<>();
            boolean readable = !Nodes.unknown(event, "recurrence") && Nodes.has(event, "recurrence");
            for (YamlNode n : Nodes.list(event, "recurrence")) {
                Optional<String> t = Nodes.known(n);
                readable &= t.isPresent();
                t.ifPresent(entries::add);
            }
            refusalLine = Nodes.line(event, "recurrence");
            if (!readable) {
                refusal = "recurrence is missing or not a literal list";
            } else {
                RecurrenceRule.Parsed parsed = RecurrenceRule.parse(entries, zone);
                rule = parsed.rule();
                refusal = parsed.refusal();
            }
        }
        if (refusal == null && members.type() == null) {
            refusal = "assignment_strategy is missing or its type is not " + ROTATING + " or " + EVERY;
            refusalLine = event.line();
        }
        if (refusal != null) {
            model.problem(path, refusalLine, what + ": " + refusal + "; its coverage is unknown");
            Layer layer = new Layer(name, members.slots(), members.known(), since, until, null, 0, List.of(),
                    place);
            return new EventLayer(layer, false);
        }
        if (rule.until() != null && (until == null || rule.until().isBefore(until))) {
            until = rule.until();
        }
        List<Restriction> hours = new ArrayList<>();
        List<DayOfWeek> days = rule.days().isEmpty() && rule.weekly() ? List.of(start.getDayOfWeek())
                : rule.days().stream().sorted().toList();
        if (days.isEmpty()) {
            hours.add(new Restriction(null, start.toLocalTime(), duration));
        } else {
            days.forEach(d -> hours.add(new Restriction(d, start.toLocalTime(), duration)));
        }
        return new EventLayer(turns(name, members, rule, start, zone, since, until, hours, place), true);
    }

    /**
     * The rotation as turns. With INTERVAL 1 each member holds {@code shifts_per_member} periods. With a longer
     * INTERVAL the off days or weeks are turns with nobody, one unit (day or week) long, counted from the first
     * occurrence's week (weekly) or day (daily) so that the windows of one on-unit stay inside it.
     */
    private static Layer turns(String name, Members members, RecurrenceRule rule, LocalDateTime start, ZoneId zone,
            Instant since, Instant until, List<Restriction> hours, Place place) {
        boolean every = members.type().equals(EVERY);
        List<List<String>> onTurns = every ? List.of(members.everyone()) : members.slots();
        if (rule.interval() == 1) {
            long turn = every ? 0 : members.shiftsPerMember() * rule.periodSeconds();
            return new Layer(name, onTurns, members.known(), since, until, start.atZone(zone).toInstant(), turn,
                    hours, place);
        }
        List<List<String>> slots = new ArrayList<>();
        long repeats = every ? 1 : members.shiftsPerMember();
        for (List<String> on : onTurns) {
            for (long k = 0; k < repeats; k++) {
                slots.add(on);
                slots.addAll(Collections.nCopies(rule.interval() - 1, List.<String>of()));
            }
        }
        LocalDateTime origin = rule.weekly()
                ? start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : start;
        return new Layer(name, slots, members.known(), since, until, origin.atZone(zone).toInstant(),
                rule.unitSeconds(), hours, place);
    }

    private static Members members(YamlNode.Mapping event) {
        YamlNode.Mapping strategy = Nodes.blocks(event, "assignment_strategy").stream().findFirst().orElse(null);
        if (strategy == null) {
            return new Members(null, List.of(), List.of(), false, 1);
        }
        String type = Nodes.text(strategy, "type").filter(t -> t.equals(ROTATING) || t.equals(EVERY)).orElse(null);
        long shifts = Math.max(1, Nodes.number(strategy, "shifts_per_member").orElse(1L));
        List<List<String>> slots = new ArrayList<>();
        List<String> everyone = new ArrayList<>();
        boolean known = !Nodes.unknown(strategy, "member");
        for (YamlNode.Mapping member : Nodes.blocks(strategy, "member")) {
            if (Nodes.text(member, "type").orElse("").equals("empty_member")) {
                slots.add(List.of()); // a turn with nobody on call
                continue;
            }
            String user = Nodes.get(member, "user_id").flatMap(Nodes::known).map(Nodes::address).orElse(null);
            if (user == null) {
                known = false;
                continue;
            }
            slots.add(List.of(user));
            if (!everyone.contains(user)) {
                everyone.add(user);
            }
        }
        if (!known) {
            slots.clear();
            everyone.clear();
        }
        return new Members(type, slots, everyone, known, shifts);
    }

    /**
     * An event time as wall-clock time in the schedule's zone. The provider writes ISO-8601 text (normalised to UTC by
     * the API); a {@code { date_time = … }} block is read too. A time without offset is already local.
     */
    private static LocalDateTime localTime(YamlNode.Mapping event, String key, ZoneId zone) {
        YamlNode node = event.get(key).orElse(null);
        if (node == null) {
            return null;
        }
        Optional<String> text = node.asMapping().map(inner -> Nodes.text(inner, "date_time"))
                .orElseGet(() -> Nodes.known(node));
        if (text.isEmpty()) {
            return null;
        }
        String t = text.get().trim();
        try {
            return OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
