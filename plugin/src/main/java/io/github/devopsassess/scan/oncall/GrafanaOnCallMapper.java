package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Restriction;
import io.github.devopsassess.facts.oncall.Roster;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Service;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.parse.YamlNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps Grafana OnCall Terraform resources into the on-call model: {@code grafana_oncall_schedule} (with its
 * {@code shifts}), {@code grafana_oncall_on_call_shift} ({@code rolling_users}, {@code frequency}, {@code by_day}),
 * {@code grafana_oncall_escalation_chain}, {@code grafana_oncall_escalation} steps and integrations as services.
 */
final class GrafanaOnCallMapper {

    static final String VENDOR = "grafana-oncall";
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    private final OnCallModel model;
    private final String path;

    GrafanaOnCallMapper(OnCallModel model, String path) {
        this.model = model;
        this.path = path;
    }

    private static String ref(YamlNode n) {
        return Nodes.known(n).map(Nodes::address).orElse(null);
    }

    void schedule(String id, YamlNode.Mapping m) {
        Place place = new Place(path, m.line());
        model.vendor(VENDOR, place);
        List<String> shifts = new ArrayList<>();
        boolean known = !Nodes.unknown(m, "shifts");
        for (YamlNode s : Nodes.list(m, "shifts")) {
            String r = ref(s);
            if (r == null) {
                known = false;
            } else {
                shifts.add(r);
            }
        }
        model.scheduleShifts.put(id, shifts);
        model.schedule(new Schedule(id, Nodes.text(m, "name").orElse(id), VENDOR,
                Nodes.text(m, "time_zone").orElse(null), List.of(), known, false, null, place));
    }

    void shift(String id, YamlNode.Mapping m, Place rosterIgnored) {
        model.vendor(VENDOR, new Place(path, m.line()));
        List<List<String>> slots = new ArrayList<>();
        boolean known = true;
        if (Nodes.has(m, "rolling_users")) {
            known = !Nodes.unknown(m, "rolling_users");
            for (YamlNode group : Nodes.list(m, "rolling_users")) {
                List<String> people = new ArrayList<>();
                for (YamlNode u : group.asSequence().map(YamlNode.Sequence::items).orElse(List.of(group))) {
                    String r = ref(u);
                    if (r == null) {
                        known = false;
                    } else {
                        people.add(r);
                    }
                }
                slots.add(people);
            }
        } else if (Nodes.has(m, "users")) {
            known = !Nodes.unknown(m, "users");
            List<String> people = new ArrayList<>();
            for (YamlNode u : Nodes.list(m, "users")) {
                String r = ref(u);
                if (r == null) {
                    known = false;
                } else {
                    people.add(r);
                }
            }
            slots.add(people);
        }
        if (!known) {
            slots.clear();
        }
        String zone = Nodes.text(m, "time_zone").orElse(null);
        LocalDateTime start = localStart(Nodes.text(m, "start").orElse(null));
        Instant startInstant = start == null ? null : start.atZone(Roster.zone(zone)).toInstant();
        long duration = Nodes.number(m, "duration").orElse(0L);
        String frequency = Nodes.text(m, "frequency").orElse("");
        long interval = Nodes.number(m, "interval").orElse(1L);
        long turn = switch (frequency) {
            case "hourly" -> 3600;
            case "daily" -> 86400;
            case "weekly" -> 604800;
            case "monthly" -> 30L * 86400;
            default -> 0;
        } * interval;
        List<Restriction> windows = new ArrayList<>();
        Instant end = null;
        if (start != null && duration > 0) {
            List<YamlNode> byDay = Nodes.list(m, "by_day");
            if (!byDay.isEmpty()) {
                for (YamlNode d : byDay) {
                    DayOfWeek day = DAYS.get(String.valueOf(d.text()));
                    if (day != null) {
                        windows.add(new Restriction(day, start.toLocalTime(), duration));
                    }
                }
            } else if (frequency.equals("daily")) {
                windows.add(new Restriction(null, start.toLocalTime(), duration));
            } else if (frequency.equals("weekly")) {
                windows.add(new Restriction(start.getDayOfWeek(), start.toLocalTime(), duration));
            } else if (frequency.isEmpty()) {
                end = startInstant.plusSeconds(duration); // a single event
            }
        }
        Layer layer = new Layer(Nodes.text(m, "name").orElse(id), slots, known, startInstant, end, startInstant,
                turn, windows, new Place(path, m.line()));
        model.detachedLayer("shift:" + id, layer, rosterIgnored);
    }

    private static LocalDateTime localStart(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    void chain(String id, YamlNode.Mapping m) {
        Place place = new Place(path, m.line());
        model.vendor(VENDOR, place);
        model.policy(new EscalationPolicy(id, Nodes.text(m, "name").orElse(id), VENDOR, List.of(), 0, 0, null,
                place));
    }

    void escalation(YamlNode.Mapping m) {
        String chain = Nodes.get(m, "escalation_chain_id").map(GrafanaOnCallMapper::ref).orElse(null);
        if (chain == null) {
            model.problem(path, m.line(), "escalation step names no escalation chain");
            return;
        }
        int position = Nodes.number(m, "position").orElse(0L).intValue();
        String type = Nodes.text(m, "type").orElse("");
        Place place = new Place(path, m.line());
        List<Target> targets = new ArrayList<>();
        Integer wait = null;
        switch (type) {
            case "wait" -> wait = (int) (Nodes.number(m, "duration").orElse(0L) / 60);
            case "repeat_escalation" -> {
                model.repeatingChains.add(chain);
                return;
            }
            case "notify_on_call_from_schedule" -> targets.add(m.get("notify_on_call_from_schedule")
                    .map(GrafanaOnCallMapper::ref).map(r -> new Target(Target.Kind.SCHEDULE, r, place))
                    .orElse(new Target(Target.Kind.UNKNOWN, null, place)));
            case "notify_persons", "notify_person_next_each_time" -> {
                for (YamlNode u : Nodes.list(m, "persons_to_notify", "persons_to_notify_next_each_time")) {
                    String r = ref(u);
                    targets.add(r == null ? new Target(Target.Kind.UNKNOWN, null, place)
                            : new Target(Target.Kind.USER, r, place));
                }
            }
            case "notify_team_members" -> targets.add(m.get("notify_to_team_members")
                    .map(GrafanaOnCallMapper::ref).map(r -> new Target(Target.Kind.TEAM, r, place))
                    .orElse(new Target(Target.Kind.UNKNOWN, null, place)));
            default -> {
                return; // notifications to chat channels, webhooks: not a person
            }
        }
        model.detachedLevels.computeIfAbsent(chain, k -> new TreeMap<>())
                .put(position, new EscalationLevel(wait, targets, place));
    }

    void integration(String id, YamlNode.Mapping m) {
        Place place = new Place(path, m.line());
        model.vendor(VENDOR, place);
        String chain = Nodes.blocks(m, "default_route").stream().findFirst()
                .flatMap(r -> r.get("escalation_chain_id")).map(GrafanaOnCallMapper::ref).orElse(null);
        String name = Nodes.text(m, "name").orElse(id);
        model.service(new Service(id, name, VENDOR, chain, false, false, Production.named(name), place));
    }

    void user(String id, YamlNode.Mapping m) {
        model.person(id, Nodes.text(m, "username", "name", "email").orElse(null), null);
    }
}
