package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclBody;
import io.github.devopsassess.parse.HclReader;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the on-call resources of one Terraform module (a folder of {@code *.tf} files). Every file is parsed on its
 * own, so a syntax error names its file and line and leaves the others readable; the readable files are then
 * evaluated together so that {@code locals} and variable defaults from another file resolve.
 */
final class TerraformReader {

    /** The resource types this reader understands; a file without any of these words is not read. */
    static final Pattern ON_CALL_RESOURCE = Pattern.compile("\"(pagerduty|opsgenie|grafana_oncall)_[a-z0-9_]+\"");

    private final OnCallModel model;
    private final HclReader hcl = new HclReader();

    TerraformReader(OnCallModel model) {
        this.model = model;
    }

    /** A readable file of the module. */
    private record Source(String path, HclBody body, boolean onCall) {
    }

    void readModule(RepoTree tree, List<String> tfFiles) {
        List<Source> good = new ArrayList<>();
        for (String path : tfFiles) {
            RepoTree.TextRead read = tree.readText(path);
            if (!read.ok()) {
                model.problem(path, null, "file skipped: " + read.skipped());
                continue;
            }
            HclReader.Result result = hcl.read(path, read.text());
            if (result.problem().isPresent()) {
                model.facts.problem(result.problem().get());
                continue;
            }
            good.add(new Source(path, result.body().orElseThrow(), ON_CALL_RESOURCE.matcher(read.text()).find()));
        }
        if (good.stream().noneMatch(Source::onCall)) {
            return;
        }
        good.forEach(s -> model.files.add(s.path()));
        TerraformValues values = new TerraformValues(good.stream().map(Source::body).toList());
        dispatch(good, values, "resource", "");
        dispatch(good, values, "data", "data.");
    }

    /** Each on-call resource (or data source) of the module, by type and name; the first definition counts. */
    private void dispatch(List<Source> sources, TerraformValues values, String kind, String prefix) {
        Map<String, Map<String, Located>> byType = new TreeMap<>();
        for (Source s : sources) {
            for (HclBlock b : s.body().blocks(kind)) {
                if (b.labels().size() != 2) {
                    continue;
                }
                String type = b.labels().get(0);
                if (type.startsWith("pagerduty_") || type.startsWith("opsgenie_")
                        || type.startsWith("grafana_oncall_")) {
                    byType.computeIfAbsent(type, k -> new TreeMap<>()).putIfAbsent(b.labels().get(1),
                            new Located(s.path(), b));
                }
            }
        }
        byType.forEach((type, names) -> names.forEach((name, at) -> {
            for (Map.Entry<String, YamlNode.Mapping> instance : instances(at, values).entrySet()) {
                resource(type, prefix + type + "." + name + instance.getKey(), instance.getValue(), at);
            }
        }));
    }

    /** Expands {@code for_each} over a literal map or list; anything else is reported as unknown and gives no instance. */
    private Map<String, YamlNode.Mapping> instances(Located at, TerraformValues values) {
        Map<String, YamlNode.Mapping> out = new TreeMap<>();
        var forEach = at.block().attribute("for_each");
        if (forEach.isEmpty()) {
            out.put("", values.body(at.block(), TerraformValues.NONE));
            return out;
        }
        YamlNode each = values.value(forEach.get().value(), TerraformValues.NONE, forEach.get().line(), 0);
        if (each instanceof YamlNode.Mapping map) {
            map.entries().forEach((k, v) -> out.put("." + k, values.body(at.block(), new TerraformValues.Each(k,
                    v))));
        } else if (each instanceof YamlNode.Sequence list && list.items().stream().allMatch(i -> i.text() != null)) {
            list.items().forEach(i -> out.put("." + i.text(), values.body(at.block(), new TerraformValues.Each(
                    i.text(), i))));
        } else {
            // a for_each over a variable or a module input: the values are given by the caller, not in this file
            model.problem(at.path(), forEach.get().line(), "for_each of " + String.join(".", at.block().labels())
                    + " is not a literal map or list (its values come from a variable or another resource); its"
                    + " instances are unknown and not assessed");
        }
        return out;
    }

    private void resource(String type, String id, YamlNode.Mapping m, Located at) {
        PagerDutyMapper pd = new PagerDutyMapper(model, at.path, true);
        OpsgenieMapper og = new OpsgenieMapper(model, at.path, true);
        GrafanaOnCallMapper gr = new GrafanaOnCallMapper(model, at.path);
        switch (type) {
            case "pagerduty_schedule" -> pd.schedule(id, m, rosterIgnored(m, at, "layer", "users"));
            case "pagerduty_schedulev2" -> new ScheduleV2Mapper(model, at.path).schedule(id, m,
                    rosterIgnored(m, at, "rotation", "member", "user_id"));
            case "pagerduty_escalation_policy" -> pd.policy(id, m);
            case "pagerduty_service" -> pd.service(id, m);
            case "pagerduty_team_membership" -> pd.teamMembership(m);
            case "pagerduty_team" -> pd.team(id, m);
            case "pagerduty_user" -> pd.user(id, m);
            case "opsgenie_schedule" -> og.schedule(id, m);
            case "opsgenie_schedule_rotation" -> og.terraformRotation(m, rosterIgnored(m, at, "participant"));
            case "opsgenie_escalation" -> og.escalation(id, m);
            case "opsgenie_team" -> og.team(id, m);
            case "opsgenie_user" -> og.user(id, m);
            case "opsgenie_service" -> og.service(id, m);
            case "grafana_oncall_schedule" -> gr.schedule(id, m);
            case "grafana_oncall_on_call_shift" -> gr.shift(id, m, rosterIgnored(m, at, "users", "rolling_users"));
            case "grafana_oncall_escalation_chain" -> gr.chain(id, m);
            case "grafana_oncall_escalation" -> gr.escalation(m);
            case "grafana_oncall_integration" -> gr.integration(id, m);
            case "grafana_oncall_user", "data.grafana_oncall_user" -> gr.user(id, m);
            default -> {
                if (type.startsWith("pagerduty_") || type.startsWith("opsgenie_")) {
                    model.vendor(type.startsWith("pagerduty_") ? PagerDutyMapper.VENDOR : OpsgenieMapper.VENDOR,
                            new Place(at.path, at.block.line()));
                }
                if (type.equals("pagerduty_user") || type.equals("opsgenie_user")) {
                    pd.user(id, m);
                }
            }
        }
    }

    /**
     * {@code lifecycle { ignore_changes = [...] }} naming the roster (or {@code all}) means people are changed in the
     * vendor's UI, not in code: the code no longer says who is on call.
     */
    private static Place rosterIgnored(YamlNode.Mapping m, Located at, String... rosterWords) {
        for (YamlNode.Mapping lifecycle : Nodes.blocks(m, "lifecycle")) {
            YamlNode ignore = lifecycle.get("ignore_changes").orElse(null);
            if (ignore == null) {
                continue;
            }
            String raw = ignore.asSequence().map(s -> s.items().stream().map(i -> String.valueOf(i.text()))
                    .reduce("", (a, b) -> a + " " + b)).orElse(String.valueOf(ignore.text()));
            boolean hit = raw.trim().equals("all");
            for (String w : rosterWords) {
                hit |= Pattern.compile("(^|[^\\w])" + w + "([^\\w]|$)").matcher(raw).find();
            }
            if (hit) {
                return new Place(at.path, lifecycle.lineOf("ignore_changes"));
            }
        }
        return null;
    }

    /** A resource's block and file. */
    private record Located(String path, HclBlock block) {
    }
}
