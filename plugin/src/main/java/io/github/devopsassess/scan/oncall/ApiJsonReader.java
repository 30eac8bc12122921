package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.parse.YamlNode;

/**
 * Reads vendor API JSON: PagerDuty REST API v2 ({@code {"schedule": …}}, {@code {"schedules": […]}},
 * {@code escalation_policy(ies)}, {@code service(s)}, {@code users}) and Opsgenie API responses
 * ({@code {"data": …}} with {@code rotations} for schedules or {@code rules} for escalations). A JSON file of neither
 * shape is reported, not guessed at.
 */
final class ApiJsonReader {

    private final OnCallModel model;
    private final String path;

    ApiJsonReader(OnCallModel model, String path) {
        this.model = model;
        this.path = path;
    }

    void read(YamlNode root) {
        if (root.asSequence().isPresent()) {
            root.asSequence().get().items().forEach(i -> i.asMapping().ifPresent(this::object));
            return;
        }
        YamlNode.Mapping m = root.asMapping().orElse(null);
        if (m == null) {
            model.problem(path, root.line(), "on-call JSON must be an object or a list of objects");
            return;
        }
        PagerDutyMapper pd = new PagerDutyMapper(model, path, false);
        boolean seen = false;
        for (String key : m.keys()) {
            for (YamlNode.Mapping o : Nodes.blocks(m, key)) {
                switch (key) {
                    case "schedule", "schedules" -> pd.schedule(id(o), o, null);
                    case "escalation_policy", "escalation_policies" -> pd.policy(id(o), o);
                    case "service", "services" -> pd.service(id(o), o);
                    case "users", "user" -> pd.user(id(o), o);
                    case "teams", "team" -> pd.team(id(o), o);
                    case "data" -> object(o);
                    default -> {
                        continue;
                    }
                }
                seen = true;
            }
        }
        if (!seen) {
            object(m);
        }
    }

    /** One object without a wrapper: recognised by its own keys. */
    private void object(YamlNode.Mapping o) {
        OpsgenieMapper og = new OpsgenieMapper(model, path, false);
        PagerDutyMapper pd = new PagerDutyMapper(model, path, false);
        if (o.get("rotations").isPresent()) {
            og.schedule(id(o), o);
        } else if (o.get("rules").isPresent()) {
            og.escalation(id(o), o);
        } else if (o.get("schedule_layers").isPresent()) {
            pd.schedule(id(o), o, null);
        } else if (o.get("escalation_rules").isPresent()) {
            pd.policy(id(o), o);
        } else if (o.get("escalation_policy").isPresent()) {
            pd.service(id(o), o);
        } else {
            model.problem(path, o.line(), "JSON object is neither a PagerDuty nor an Opsgenie schedule, "
                    + "escalation or service; keys: " + String.join(", ", o.keys()));
        }
    }

    private static String id(YamlNode.Mapping o) {
        return Nodes.text(o, "id", "name").orElse("object@" + o.line());
    }
}
