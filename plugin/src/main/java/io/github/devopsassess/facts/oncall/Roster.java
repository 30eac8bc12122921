package io.github.devopsassess.facts.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers "who is on call at this instant" for a schedule, a policy or a service. Pure: the "now" is passed in, never
 * read from the clock.
 */
public final class Roster {

    private final OnCallFacts model;
    private final Instant reference;

    /**
     * @param model the on-call model
     * @param reference the assessment's "now"; {@code null} means layer start and end dates cannot be judged and are
     *     ignored
     */
    public Roster(OnCallFacts model, Instant reference) {
        this.model = model;
        this.reference = reference;
    }

    /** Everyone reached by any level of the policy (the whole escalation path) at the instant. */
    public Reach policy(EscalationPolicy policy, Instant at) {
        Reach reach = Reach.NOBODY;
        for (EscalationLevel level : policy.levels()) {
            for (Target t : level.targets()) {
                reach = reach.plus(target(t, at));
            }
        }
        return reach;
    }

    public Reach target(Target t, Instant at) {
        return switch (t.kind()) {
            case USER -> new Reach(Set.of(t.ref()), false);
            case SCHEDULE -> model.schedule(t.ref()).map(s -> schedule(s, at)).orElse(Reach.UNKNOWN);
            case TEAM -> model.team(t.ref()).filter(team -> !team.members().isEmpty())
                    .map(team -> new Reach(Set.copyOf(team.members()), false)).orElse(Reach.UNKNOWN);
            case UNKNOWN -> Reach.UNKNOWN;
        };
    }

    /** Who the schedule pages at the instant: the top active layer (overlay), or every active layer. */
    public Reach schedule(Schedule schedule, Instant at) {
        if (!schedule.layersKnown()) {
            return Reach.UNKNOWN;
        }
        ZoneId zone = zone(schedule.timeZone());
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        Reach union = Reach.NOBODY;
        Reach top = null;
        for (Layer layer : schedule.layers()) {
            if (!active(layer, at, local)) {
                continue;
            }
            Reach r = turn(schedule, layer, at);
            if (r.people().isEmpty() && !r.unknown()) {
                continue; // an empty turn does not hide lower layers
            }
            top = r;
            union = union.plus(r);
        }
        if (schedule.overlay()) {
            return top == null ? Reach.NOBODY : top;
        }
        return union;
    }

    public boolean active(Layer layer, Instant at, LocalDateTime local) {
        if (reference != null) {
            if (layer.start() != null && at.isBefore(layer.start())) {
                return false;
            }
            if (layer.end() != null && !at.isBefore(layer.end())) {
                return false;
            }
        }
        if (layer.restrictions().isEmpty()) {
            return true;
        }
        for (Restriction r : layer.restrictions()) {
            if (inside(r, local)) {
                return true;
            }
        }
        return false;
    }

    /** Restrictions are wall-clock windows, so a 08:00–20:00 window stays 08:00–20:00 across a DST change. */
    static boolean inside(Restriction r, LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        LocalDate base = r.day() == null ? date : date.with(TemporalAdjusters.previousOrSame(r.day()));
        int step = r.day() == null ? 1 : 7;
        for (int back = 0; back <= 1; back++) {
            LocalDateTime from = base.minusDays((long) back * step).atTime(r.start());
            LocalDateTime to = from.plusSeconds(r.durationSeconds());
            if (!local.isBefore(from) && local.isBefore(to)) {
                return true;
            }
        }
        return false;
    }

    private static Reach turn(Schedule schedule, Layer layer, Instant at) {
        if (!layer.membersKnown()) {
            return Reach.UNKNOWN;
        }
        List<List<String>> slots = layer.slots();
        if (slots.isEmpty()) {
            return Reach.NOBODY;
        }
        if (slots.size() == 1) {
            return new Reach(Set.copyOf(slots.get(0)), false);
        }
        Instant origin = layer.rotationStart() != null ? layer.rotationStart() : layer.start();
        if (origin == null || layer.turnSeconds() <= 0) {
            // Someone of the layer is on call, but the files do not say who: count one stand-in, never a guess.
            return new Reach(Set.of("someone in " + schedule.name() + " / " + layer.name()), false);
        }
        long turns = Math.floorDiv(ChronoUnit.SECONDS.between(origin, at), layer.turnSeconds());
        int index = (int) Math.floorMod(turns, (long) slots.size());
        return new Reach(new TreeSet<>(slots.get(index)), false);
    }

    public static ZoneId zone(String id) {
        if (id == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
