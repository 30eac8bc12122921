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
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads our own {@code oncall.yaml}, for teams without a paging vendor (format in docs/inputs.adoc): {@code people},
 * {@code teams}, {@code rotations} (members, handoff, turn, hours, ends), {@code escalations} (levels with targets
 * and {@code escalate_after_minutes}, repeat) and {@code services} (escalation, production,
 * acknowledgement_timeout).
 */
final class PlainOnCallReader {

    static final String VENDOR = "oncall-yaml";
    private static final Set<String> TOP_KEYS = Set.of("timezone", "people", "teams", "rotations", "escalations",
            "services");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([mhdw])");

    private final OnCallModel model;
    private final String path;

    PlainOnCallReader(OnCallModel model, String path) {
        this.model = model;
        this.path = path;
    }

    void read(YamlNode.Mapping root) {
        for (String key : root.keys()) {
            if (!TOP_KEYS.contains(key)) {
                model.problem(path, root.lineOf(key), "unknown key '" + key + "' in oncall.yaml (known: "
                        + String.join(", ", TOP_KEYS.stream().sorted().toList()) + ")");
            }
        }
        String zone = Nodes.text(root, "timezone").orElse(null);
        for (YamlNode.Mapping p : Nodes.blocks(root, "people")) {
            Nodes.text(p, "id").ifPresent(id -> model.person(id, Nodes.text(p, "name").orElse(null),
                    Nodes.text(p, "shared").map(Boolean::parseBoolean).orElse(null)));
        }
        for (YamlNode.Mapping t : Nodes.blocks(root, "teams")) {
            Optional<String> id = Nodes.text(t, "id");
            if (id.isEmpty()) {
                model.problem(path, t.line(), "team without id");
                continue;
            }
            List<String> members = Nodes.list(t, "members").stream().map(Nodes::known).flatMap(Optional::stream)
                    .toList();
            model.team(id.get(), Nodes.text(t, "name").orElse(id.get()), members, new Place(path, t.line()));
        }
        for (YamlNode.Mapping r : Nodes.blocks(root, "rotations")) {
            rotation(r, zone);
        }
        for (YamlNode.Mapping e : Nodes.blocks(root, "escalations")) {
            escalation(e);
        }
        for (YamlNode.Mapping s : Nodes.blocks(root, "services")) {
            service(s);
        }
    }

    private void rotation(YamlNode.Mapping r, String defaultZone) {
        Optional<String> id = Nodes.text(r, "id");
        if (id.isEmpty()) {
            model.problem(path, r.line(), "rotation without id");
            return;
        }
        List<List<String>> slots = new ArrayList<>();
        for (YamlNode m : Nodes.list(r, "members")) {
            Nodes.known(m).ifPresent(p -> slots.add(List.of(p)));
        }
        Instant handoff = Nodes.instant(Nodes.text(r, "handoff").orElse(null));
        if (Nodes.has(r, "handoff") && handoff == null) {
            model.problem(path, r.lineOf("handoff"), "handoff must be a date-time with offset, e.g. "
                    + "2024-01-01T09:00:00+01:00");
        }
        long turn = Nodes.text(r, "turn").map(this::seconds).orElse(0L);
        List<Restriction> hours = new ArrayList<>();
        for (YamlNode.Mapping h : Nodes.blocks(r, "hours")) {
            hours.addAll(window(h));
        }
        Place place = new Place(path, r.line());
        Layer layer = new Layer(Nodes.text(r, "name").orElse(id.get()), slots, true, handoff,
                Nodes.instant(Nodes.text(r, "ends").orElse(null)), handoff, turn, hours, place);
        model.schedule(new Schedule(id.get(), Nodes.text(r, "name").orElse(id.get()), VENDOR,
                Nodes.text(r, "timezone").orElse(defaultZone), List.of(layer), true, false, null, place));
    }

    private List<Restriction> window(YamlNode.Mapping h) {
        LocalTime from = Nodes.time(Nodes.text(h, "from").orElse(null));
        LocalTime to = Nodes.time(Nodes.text(h, "to").orElse(null));
        if (from == null || to == null) {
            model.problem(path, h.line(), "hours need 'from' and 'to' as HH:MM");
            return List.of();
        }
        long seconds = to.toSecondOfDay() - from.toSecondOfDay();
        long duration = seconds <= 0 ? seconds + 86400 : seconds;
        List<YamlNode> days = Nodes.list(h, "days");
        if (days.isEmpty()) {
            return List.of(new Restriction(null, from, duration));
        }
        List<Restriction> out = new ArrayList<>();
        for (YamlNode d : days) {
            DayOfWeek day = day(d.text());
            if (day == null) {
                model.problem(path, d.line(), "unknown weekday '" + d.text() + "' (use mon … sun)");
            } else {
                out.add(new Restriction(day, from, duration));
            }
        }
        return out;
    }

    private static DayOfWeek day(String text) {
        if (text == null || text.length() < 3) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).substring(0, 3);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(t)) {
                return d;
            }
        }
        return null;
    }

    private long seconds(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return 0;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n * 604800;
        };
    }

    private void escalation(YamlNode.Mapping e) {
        Optional<String> id = Nodes.text(e, "id");
        if (id.isEmpty()) {
            model.problem(path, e.line(), "escalation without id");
            return;
        }
        List<EscalationLevel> levels = new ArrayList<>();
        for (YamlNode.Mapping level : Nodes.blocks(e, "levels")) {
            List<Target> targets = new ArrayList<>();
            for (YamlNode t : Nodes.list(level, "targets")) {
                targets.add(target(t));
            }
            levels.add(new EscalationLevel(Nodes.number(level, "escalate_after_minutes").map(Long::intValue)
                    .orElse(null), targets, new Place(path, level.line())));
        }
        model.policy(new EscalationPolicy(id.get(), Nodes.text(e, "name").orElse(id.get()), VENDOR, levels, 0,
                Nodes.number(e, "repeat").map(Long::intValue).orElse(0), Nodes.text(e, "team").orElse(null),
                new Place(path, e.line())));
    }

    private Target target(YamlNode t) {
        Place place = new Place(path, t.line());
        String text = Nodes.known(t).orElse(null);
        if (text == null) {
            return new Target(Target.Kind.UNKNOWN, null, place);
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "rotation" : text.substring(0, colon);
        String ref = colon < 0 ? text : text.substring(colon + 1);
        return switch (kind) {
            case "person" -> {
                model.personSeen(ref);
                yield new Target(Target.Kind.USER, ref, place);
            }
            case "team" -> new Target(Target.Kind.TEAM, ref, place);
            case "rotation" -> new Target(Target.Kind.SCHEDULE, ref, place);
            default -> {
                model.problem(path, t.line(), "unknown target '" + text + "' (use rotation:, person: or team:)");
                yield new Target(Target.Kind.UNKNOWN, null, place);
            }
        };
    }

    private void service(YamlNode.Mapping s) {
        Optional<String> id = Nodes.text(s, "id");
        if (id.isEmpty()) {
            model.problem(path, s.line(), "service without id");
            return;
        }
        String name = Nodes.text(s, "name").orElse(id.get());
        boolean production = Nodes.text(s, "production").map(Boolean::parseBoolean)
                .orElse(Production.named(name + " " + id.get()));
        boolean ackDisabled = Nodes.text(s, "acknowledgement_timeout").map(a -> a.equals("disabled")
                || a.equals("none")).orElse(false);
        model.service(new Service(id.get(), name, VENDOR, Nodes.text(s, "escalation").orElse(null), false,
                ackDisabled, production, new Place(path, s.line())));
    }
}
