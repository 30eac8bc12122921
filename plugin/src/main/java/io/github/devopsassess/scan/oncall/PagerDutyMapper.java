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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps PagerDuty objects into the on-call model. The same code reads REST API v2 JSON ({@code schedule_layers},
 * {@code escalation_rules}, {@code targets}, users as {@code {"user": {...}}}) and Terraform resources converted from
 * HCL ({@code layer}, {@code rule}, {@code target} blocks, users as ids or references).
 */
final class PagerDutyMapper {

    static final String VENDOR = "pagerduty";

    private final OnCallModel model;
    private final String path;
    private final boolean terraform;

    PagerDutyMapper(OnCallModel model, String path, boolean terraform) {
        this.model = model;
        this.path = path;
        this.terraform = terraform;
    }

    void schedule(String id, YamlNode.Mapping m, Place rosterIgnoredAt) {
        Place place = new Place(path, m.line());
        model.vendor(VENDOR, place);
        String name = Nodes.text(m, "name", "summary").orElse(id);
        String zone = Nodes.text(m, "time_zone").orElse(null);
        List<Layer> layers = new ArrayList<>();
        int index = 0;
        for (YamlNode.Mapping layer : Nodes.blocks(m, "schedule_layers", "layer")) {
            index++;
            layers.add(layer(layer, "layer " + index));
        }
        boolean dynamic = m.get("dynamic").isPresent();
        model.schedule(new Schedule(id, name, VENDOR, zone, layers, !dynamic, true, rosterIgnoredAt, place));
    }

    private Layer layer(YamlNode.Mapping m, String fallbackName) {
        String name = Nodes.text(m, "name").orElse(fallbackName);
        List<List<String>> slots = new ArrayList<>();
        boolean known = !Nodes.unknown(m, "users");
        for (YamlNode u : Nodes.list(m, "users")) {
            String person = user(u);
            if (person == null) {
                known = false;
            } else {
                slots.add(List.of(person));
            }
        }
        if (!known) {
            slots.clear();
        }
        List<Restriction> restrictions = new ArrayList<>();
        for (YamlNode.Mapping r : Nodes.blocks(m, "restrictions", "restriction")) {
            restriction(r).ifPresentOrElse(restrictions::add, () -> model.problem(path, r.line(),
                    "restriction of layer '" + name + "' cannot be read (type, start_time_of_day, duration_seconds)"));
        }
        return new Layer(name, slots, known, Nodes.instant(Nodes.text(m, "start").orElse(null)),
                Nodes.instant(Nodes.text(m, "end").orElse(null)),
                Nodes.instant(Nodes.text(m, "rotation_virtual_start").orElse(null)),
                Nodes.number(m, "rotation_turn_length_seconds").orElse(0L), restrictions, new Place(path, m.line()));
    }

    private static Optional<Restriction> restriction(YamlNode.Mapping r) {
        LocalTime start = Nodes.time(Nodes.text(r, "start_time_of_day").orElse(null));
        Optional<Long> duration = Nodes.number(r, "duration_seconds");
        if (start == null || duration.isEmpty()) {
            return Optional.empty();
        }
        String type = Nodes.text(r, "type").orElse("daily_restriction");
        DayOfWeek day = null;
        if (type.startsWith("weekly")) {
            Optional<Long> d = Nodes.number(r, "start_day_of_week");
            if (d.isEmpty() || d.get() < 1 || d.get() > 7) {
                return Optional.empty();
            }
            day = DayOfWeek.of(d.get().intValue());
        }
        return Optional.of(new Restriction(day, start, duration.get()));
    }

    /** A user entry: {@code {"user": {"id", "summary"}}}, {@code {"id", "summary"}}, or an id / reference text. */
    private String user(YamlNode u) {
        if (u instanceof YamlNode.Mapping m) {
            YamlNode.Mapping inner = m.mapping("user").orElse(m);
            Optional<String> id = Nodes.text(inner, "id");
            id.ifPresent(i -> model.person(i, Nodes.text(inner, "summary", "name").orElse(null), null));
            return id.orElse(null);
        }
        return Nodes.known(u).map(this::personRef).orElse(null);
    }

    private String personRef(String ref) {
        String id = terraform ? Nodes.address(ref) : ref;
        model.personSeen(id);
        return id;
    }

    void policy(String id, YamlNode.Mapping m) {
        Place place = new Place(path, m.line());
        model.vendor(VENDOR, place);
        List<EscalationLevel> levels = new ArrayList<>();
        for (YamlNode.Mapping rule : Nodes.blocks(m, "escalation_rules", "rule")) {
            List<Target> targets = new ArrayList<>();
            for (YamlNode.Mapping t : Nodes.blocks(rule, "targets", "target")) {
                targets.add(target(t));
            }
            Integer delay = Nodes.number(rule, "escalation_delay_in_minutes").map(Long::intValue).orElse(null);
            levels.add(new EscalationLevel(delay, targets, new Place(path, rule.line())));
        }
        Integer loops = Nodes.has(m, "num_loops") ? Nodes.number(m, "num_loops").map(Long::intValue).orElse(null) : 0;
        String team = Nodes.list(m, "teams").stream().map(this::reference).filter(t -> t != null).findFirst()
                .orElse(null);
        model.policy(new EscalationPolicy(id, Nodes.text(m, "name", "summary").orElse(id), VENDOR, levels, 0, loops,
                team, place));
    }

    private Target target(YamlNode.Mapping t) {
        Place place = new Place(path, t.line());
        String type = Nodes.text(t, "type").orElse("user_reference");
        String ref = Nodes.get(t, "id").flatMap(Nodes::known).map(r -> terraform ? Nodes.address(r) : r).orElse(null);
        if (ref == null) {
            return new Target(Target.Kind.UNKNOWN, null, place);
        }
        if (type.startsWith("schedule")) {
            return new Target(Target.Kind.SCHEDULE, ref, place);
        }
        if (type.startsWith("user")) {
            model.person(ref, Nodes.text(t, "summary").orElse(null), null);
            return new Target(Target.Kind.USER, ref, place);
        }
        return new Target(Target.Kind.UNKNOWN, ref, place);
    }

    void service(String id, YamlNode.Mapping m) {
        Place place = new Place(path, m.line());
        model.vendor(VENDOR, place);
        String name = Nodes.text(m, "name", "summary").orElse(id);
        YamlNode policyNode = m.get("escalation_policy").orElse(null);
        String policy = null;
        boolean unknown = false;
        if (policyNode != null) {
            policy = reference(policyNode);
            unknown = policy == null;
        }
        boolean ackDisabled = terraform
                ? m.get("acknowledgement_timeout").map(n -> "null".equals(n.text())).orElse(false)
                : m.get("acknowledgement_timeout").map(n -> n.text() == null && n.asMapping().isEmpty()).orElse(false);
        boolean production = Nodes.text(m, "description").map(d -> Production.named(name + " " + d))
                .orElse(Production.named(name + " " + id));
        model.service(new Service(id, name, VENDOR, policy, unknown, ackDisabled, production, place));
    }

    /** A reference written as {@code {"id": …}} (API) or as an id or Terraform reference. */
    private String reference(YamlNode n) {
        if (n instanceof YamlNode.Mapping m) {
            return Nodes.text(m, "id").orElse(null);
        }
        return Nodes.known(n).map(r -> terraform ? Nodes.address(r) : r).orElse(null);
    }

    void teamMembership(YamlNode.Mapping m) {
        String team = m.get("team_id").map(this::reference).orElse(null);
        String user = m.get("user_id").map(this::reference).orElse(null);
        if (team != null && user != null) {
            model.team(team, null, List.of(user), new Place(path, m.line()));
        }
    }

    void team(String id, YamlNode.Mapping m) {
        model.team(id, Nodes.text(m, "name").orElse(id), List.of(), new Place(path, m.line()));
    }

    void user(String id, YamlNode.Mapping m) {
        model.person(id, Nodes.text(m, "name", "summary", "email").orElse(null), null);
    }
}
