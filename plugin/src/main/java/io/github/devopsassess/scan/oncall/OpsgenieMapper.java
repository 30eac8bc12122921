package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Restriction;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Service;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.parse.YamlNode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps Opsgenie objects into the on-call model: Terraform resources ({@code opsgenie_schedule},
 * {@code opsgenie_schedule_rotation}, {@code opsgenie_escalation}, {@code opsgenie_team}), the Cloud Posse YAML layout
 * ({@code schedules}, {@code schedule_rotations}, {@code escalations}, {@code teams}, {@code services},
 * {@code team_routing_rules}) and API JSON (camelCase: {@code rotations}, {@code timeRestriction},
 * {@code delay.timeAmount}). Opsgenie pages every rotation of a schedule that is on call, so layers do not overlay.
 */
final class OpsgenieMapper {

    static final String VENDOR = "opsgenie";

    private final OnCallModel model;
    private final String path;
    private final boolean terraform;

    OpsgenieMapper(OnCallModel model, String path, boolean terraform) {
        this.model = model;
        this.path = path;
        this.terraform = terraform;
    }

    private String ref(YamlNode n) {
        if (n instanceof YamlNode.Mapping m) {
            return Nodes.text(m, "id", "name", "username").orElse(null);
        }
        return Nodes.known(n).map(r -> terraform ? Nodes.address(r) : r).orElse(null);
    }

    void schedule(String id, YamlNode.Mapping m) {
        Place place = new Place(path, m.line());
        model.vendor(VENDOR, place);
        List<Layer> layers = new ArrayList<>();
        for (YamlNode.Mapping r : Nodes.blocks(m, "rotations")) {
            layers.add(rotation(r));
        }
        model.schedule(new Schedule(id, Nodes.text(m, "name").orElse(id), VENDOR,
                Nodes.text(m, "timezone", "time_zone").orElse(null), layers, true, false, null, place));
    }

    /** A rotation written apart from its schedule (Terraform resource or Cloud Posse YAML entry). */
    void detachedRotation(YamlNode.Mapping m, Place rosterIgnored) {
        String schedule = Nodes.get(m, "schedule_id").map(this::ref)
                .or(() -> Nodes.text(m, "schedule_name", "scheduleName")).orElse(null);
        if (schedule == null) {
            model.problem(path, m.line(), "rotation '" + Nodes.text(m, "name").orElse("?")
                    + "' names no schedule it belongs to");
            return;
        }
        model.vendor(VENDOR, new Place(path, m.line()));
        model.detachedLayer(schedule, rotation(m), rosterIgnored);
    }

    void terraformRotation(YamlNode.Mapping m, Place rosterIgnored) {
        detachedRotation(m, rosterIgnored);
    }

    private Layer rotation(YamlNode.Mapping r) {
        String name = Nodes.text(r, "name").orElse("rotation");
        List<List<String>> slots = new ArrayList<>();
        boolean known = !Nodes.unknown(r, "participants") && !Nodes.unknown(r, "participant");
        for (YamlNode.Mapping p : Nodes.blocks(r, "participants", "participant")) {
            String type = Nodes.text(p, "type").orElse("user");
            if (type.equals("none")) {
                slots.add(List.of());
                continue;
            }
            String who = Nodes.text(p, "username", "name", "id").map(x -> terraform ? Nodes.address(x) : x)
                    .orElse(null);
            if (who == null) {
                known = false;
                continue;
            }
            if (type.equals("team")) {
                who = "team:" + who;
            }
            model.person(who, null, type.equals("team") ? true : null);
            slots.add(List.of(who));
        }
        if (!known) {
            slots.clear();
        }
        String type = Nodes.text(r, "type").orElse("weekly").toLowerCase(Locale.ROOT);
        long length = Nodes.number(r, "length").orElse(1L);
        long unit = switch (type) {
            case "hourly" -> 3600;
            case "daily" -> 86400;
            default -> 604800;
        };
        Instant start = Nodes.instant(Nodes.text(r, "start_date", "startDate").orElse(null));
        Instant end = Nodes.instant(Nodes.text(r, "end_date", "endDate").orElse(null));
        List<Restriction> restrictions = new ArrayList<>();
        for (YamlNode.Mapping tr : Nodes.blocks(r, "time_restriction", "timeRestriction")) {
            restrictions.addAll(restrictions(tr));
        }
        return new Layer(name, slots, known, start, end, start, length * unit, restrictions,
                new Place(path, r.line()));
    }

    private List<Restriction> restrictions(YamlNode.Mapping tr) {
        List<Restriction> out = new ArrayList<>();
        List<YamlNode.Mapping> windows = new ArrayList<>(Nodes.blocks(tr, "restrictions", "restriction"));
        for (YamlNode.Mapping w : windows) {
            Optional<Long> sh = Nodes.number(w, "start_hour", "startHour");
            Optional<Long> eh = Nodes.number(w, "end_hour", "endHour");
            if (sh.isEmpty() || eh.isEmpty()) {
                model.problem(path, w.line(), "time restriction without start and end hour cannot be read");
                continue;
            }
            LocalTime from = LocalTime.of((int) (sh.get() % 24), Nodes.number(w, "start_min", "startMin").orElse(0L)
                    .intValue());
            LocalTime to = LocalTime.of((int) (eh.get() % 24), Nodes.number(w, "end_min", "endMin").orElse(0L)
                    .intValue());
            Optional<String> startDay = Nodes.text(w, "start_day", "startDay");
            Optional<String> endDay = Nodes.text(w, "end_day", "endDay");
            long seconds = Duration.between(from, to).getSeconds();
            if (startDay.isPresent() && endDay.isPresent()) {
                DayOfWeek a = day(startDay.get());
                DayOfWeek b = day(endDay.get());
                if (a == null || b == null) {
                    model.problem(path, w.line(), "unknown weekday in time restriction");
                    continue;
                }
                long days = Math.floorMod(b.getValue() - a.getValue(), 7);
                long total = days * 86400 + seconds;
                out.add(new Restriction(a, from, total <= 0 ? total + 7 * 86400 : total));
            } else {
                out.add(new Restriction(null, from, seconds <= 0 ? seconds + 86400 : seconds));
            }
        }
        return out;
    }

    private static DayOfWeek day(String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(text.trim().toLowerCase(Locale.ROOT).substring(0,
                    Math.min(3, text.trim().length())))) {
                return d;
            }
        }
        return null;
    }

    void escalation(String id, YamlNode.Mapping m) {
        Place place = new Place(path, m.line());
        model.vendor(VENDOR, place);
        record Rule(long delay, Target target, Place place) {
        }
        List<Rule> rules = new ArrayList<>();
        for (YamlNode.Mapping rule : Nodes.blocks(m, "rules", "rule")) {
            long delay = Nodes.get(rule, "delay").map(d -> d instanceof YamlNode.Mapping dm
                    ? Nodes.number(dm, "timeAmount", "time_amount").orElse(0L) : Nodes.known(d)
                            .flatMap(Nodes::parseLong).orElse(0L)).orElse(0L);
            for (YamlNode.Mapping recipient : Nodes.blocks(rule, "recipient", "recipients")) {
                rules.add(new Rule(delay, target(recipient), new Place(path, rule.line())));
            }
        }
        rules.sort(Comparator.comparingLong(Rule::delay));
        List<EscalationLevel> levels = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Integer after = i + 1 < rules.size() ? (int) (rules.get(i + 1).delay() - rules.get(i).delay()) : null;
            levels.add(new EscalationLevel(after, List.of(rules.get(i).target()), rules.get(i).place()));
        }
        Integer repeats = Nodes.blocks(m, "repeat").stream().findFirst()
                .map(r -> Nodes.number(r, "count").map(Long::intValue).orElse(null)).orElse(0);
        String team = Nodes.text(m, "owner_team_name").orElse(Nodes.get(m, "owner_team_id", "ownerTeam")
                .map(this::ref).orElse(null));
        model.policy(new EscalationPolicy(id, Nodes.text(m, "name").orElse(id), VENDOR, levels,
                rules.isEmpty() ? 0 : (int) rules.get(0).delay(), repeats, team, place));
    }

    private Target target(YamlNode.Mapping r) {
        Place place = new Place(path, r.line());
        String type = Nodes.text(r, "type").orElse("user");
        String id = Nodes.text(r, "id", "username", "team_name", "schedule_name", "name")
                .map(x -> terraform ? Nodes.address(x) : x).orElse(null);
        if (id == null) {
            return new Target(Target.Kind.UNKNOWN, null, place);
        }
        return switch (type) {
            case "user" -> {
                model.personSeen(id);
                yield new Target(Target.Kind.USER, id, place);
            }
            case "team" -> new Target(Target.Kind.TEAM, id, place);
            case "schedule" -> new Target(Target.Kind.SCHEDULE, id, place);
            default -> new Target(Target.Kind.UNKNOWN, id, place);
        };
    }

    void team(String id, YamlNode.Mapping m) {
        List<String> members = new ArrayList<>();
        for (YamlNode.Mapping member : Nodes.blocks(m, "members", "member")) {
            Nodes.text(member, "username", "id").map(x -> terraform ? Nodes.address(x) : x).ifPresent(members::add);
        }
        model.team(id, Nodes.text(m, "name").orElse(id), members, new Place(path, m.line()));
    }

    void user(String id, YamlNode.Mapping m) {
        model.person(id, Nodes.text(m, "full_name", "fullName", "username").orElse(null), null);
    }

    void service(String id, YamlNode.Mapping m) {
        Place place = new Place(path, m.line());
        model.vendor(VENDOR, place);
        String name = Nodes.text(m, "name").orElse(id);
        String team = Nodes.text(m, "team_name").orElse(Nodes.get(m, "team_id").map(this::ref).orElse(null));
        // Opsgenie routes by team: the escalation is found through the team's routing rules once all files are read
        model.service(new Service(id, name, VENDOR, team == null ? null : "routing:" + team, false, false,
                Production.named(name + " " + Nodes.text(m, "description").orElse("")), place));
    }

    void routingRule(YamlNode.Mapping m) {
        String team = Nodes.text(m, "owner_team_name").orElse(null);
        for (YamlNode.Mapping n : Nodes.blocks(m, "notify")) {
            if ("escalation".equals(Nodes.text(n, "type").orElse("")) && team != null) {
                Nodes.text(n, "name", "id").ifPresent(e -> model.teamRouting.putIfAbsent(team, e));
            }
        }
    }
}
