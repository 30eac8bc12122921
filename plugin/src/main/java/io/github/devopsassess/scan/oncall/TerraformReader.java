package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.Place;
import com.bertramlabs.plugins.hcl4j.HCLParser;

import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the on-call resources of one Terraform module (a folder of {@code *.tf} files). Every file is first checked
 * on its own, so a syntax error names its file and line and leaves the others readable; the readable files are then
 * evaluated together so that {@code locals} and variable defaults from another file resolve.
 */
final class TerraformReader {

    /** The resource types this reader understands; a file without any of these words is not read. */
    static final Pattern ON_CALL_RESOURCE = Pattern.compile("\"(pagerduty|opsgenie|grafana_oncall)_[a-z0-9_]+\"");

    /** {@code x["key"]} → {@code x.key}: hcl4j drops the key of an index it cannot resolve. */
    private static final Pattern INDEX = Pattern.compile("([\\w)\\]])\\[\"([A-Za-z_][\\w]*)\"\\]");
    private static final Pattern LINE = Pattern.compile("line:?\\s*(\\d+)");

    private final OnCallModel model;

    TerraformReader(OnCallModel model) {
        this.model = model;
    }

    /** A file of the module with its outline. */
    private record Source(String path, String text, HclOutline.Result outline) {
    }

    /**
     * A parser that never reaches the network: hcl4j evaluates {@code data "http"} blocks by fetching their URL while
     * it parses. The lookup is replaced by one that returns nothing, as the plugin promises no network at run time.
     */
    static HCLParser offline() {
        HCLParser parser = new HCLParser();
        parser.registerDataLookup("http", properties -> Map.of());
        return parser;
    }

    void readModule(RepoTree tree, List<String> tfFiles) {
        List<Source> good = new ArrayList<>();
        for (String path : tfFiles) {
            RepoTree.TextRead read = tree.readText(path);
            if (!read.ok()) {
                model.problem(path, null, "file skipped: " + read.skipped());
                continue;
            }
            String text = INDEX.matcher(read.text()).replaceAll("$1.$2");
            HclOutline.Result outline = HclOutline.read(text);
            if (outline.unbalancedLine() != null) {
                model.problem(path, outline.unbalancedLine(), "malformed HCL: " + outline.unbalancedMessage());
                continue;
            }
            try {
                offline().parse(text, false);
            } catch (Exception | StackOverflowError e) {
                model.problem(path, lineOf(e), "malformed HCL: " + message(e));
                continue;
            }
            good.add(new Source(path, text, outline));
        }
        if (good.stream().noneMatch(s -> ON_CALL_RESOURCE.matcher(s.text()).find())) {
            return;
        }
        StringBuilder all = new StringBuilder();
        good.forEach(s -> all.append(s.text()).append('\n'));
        Map<String, Object> parsed;
        try {
            parsed = offline().parse(all.toString(), false);
        } catch (Exception | StackOverflowError e) {
            model.problem(good.get(0).path(), null, "Terraform module could not be evaluated: " + message(e));
            return;
        }
        good.forEach(s -> model.files.add(s.path()));
        dispatch(parsed, "resource", "", good);
        dispatch(parsed, "data", "data.", good);
    }

    private void dispatch(Map<String, Object> parsed, String kind, String prefix, List<Source> sources) {
        if (!(parsed.get(kind) instanceof Map<?, ?> types)) {
            return;
        }
        for (Map.Entry<?, ?> t : new TreeMap<>(types).entrySet()) {
            String type = String.valueOf(t.getKey());
            if (!type.startsWith("pagerduty_") && !type.startsWith("opsgenie_") && !type.startsWith("grafana_oncall_")) {
                continue;
            }
            if (!(t.getValue() instanceof Map<?, ?> names)) {
                continue;
            }
            for (Map.Entry<?, ?> r : new TreeMap<>(names).entrySet()) {
                String name = String.valueOf(r.getKey());
                Located at = locate(sources, kind, type, name);
                if (at == null || !(r.getValue() instanceof Map<?, ?> body)) {
                    continue;
                }
                for (Map.Entry<String, Map<?, ?>> instance : instances(body, at).entrySet()) {
                    String id = prefix + type + "." + name + instance.getKey();
                    resource(type, id, HclValues.body(instance.getValue(), at.block), at);
                }
            }
        }
    }

    /** Expands {@code for_each} over a literal map or list; anything else stays one instance marked unknown. */
    private Map<String, Map<?, ?>> instances(Map<?, ?> body, Located at) {
        Map<String, Map<?, ?>> out = new LinkedHashMap<>();
        if (!body.containsKey("for_each")) {
            out.put("", body);
            return out;
        }
        Object each = body.get("for_each");
        Map<Object, Object> withoutLoop = new LinkedHashMap<>(body);
        withoutLoop.remove("for_each");
        if (each instanceof Map<?, ?> map) {
            new TreeMap<>(map).forEach((k, v) -> out.put("." + k, (Map<?, ?>) HclValues.substitute(withoutLoop,
                    String.valueOf(k), v)));
        } else if (each instanceof List<?> list) {
            list.stream().map(String::valueOf).sorted().forEach(k -> out.put("." + k,
                    (Map<?, ?>) HclValues.substitute(withoutLoop, k, k)));
        } else {
            model.problem(at.path, at.block.lineOf("for_each"), "for_each of '" + at.block.labels()
                    + "' is not a literal map or list; its instances are unknown");
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
    private record Located(String path, HclOutline.Block block) {
    }

    private static Located locate(List<Source> sources, String kind, String type, String name) {
        for (Source s : sources) {
            for (HclOutline.Block b : s.outline().top()) {
                if (b.type().equals(kind) && b.labels().equals(List.of(type, name))) {
                    return new Located(s.path(), b);
                }
            }
        }
        return null;
    }

    private static Integer lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = LINE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return null;
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
