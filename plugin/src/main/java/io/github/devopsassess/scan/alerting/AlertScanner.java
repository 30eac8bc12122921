package io.github.devopsassess.scan.alerting;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.alerting.AlertFacts;
import io.github.devopsassess.facts.alerting.AlertRule;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclReader;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the alert definitions of the assessed tree: Prometheus rule files ({@code groups: - rules: - alert:}),
 * Kubernetes {@code PrometheusRule} resources ({@code spec.groups}), Grafana alerting provisioning files
 * ({@code apiVersion: 1}, {@code groups: - rules: - title:}) and Datadog monitors in Terraform
 * ({@code resource "datadog_monitor"}), and for each alert whether it points the responder at a runbook or a
 * dashboard. A malformed file is one problem naming its line; the other files are still read.
 */
public final class AlertScanner implements Scanner {

    /** Cheap test before parsing: only files that may hold alert rules are read as YAML. */
    private static final Pattern YAML_MARKER = Pattern.compile("(?m)^\\s*(-\\s+)?(alert|title)\\s*:|kind:\\s*"
            + "PrometheusRule");
    /** A Helm or other template line: such a file is not YAML until rendered, so it is left alone. */
    private static final Pattern TEMPLATE_LINE = Pattern.compile("(?m)^\\s*\\{\\{");
    /** Annotation keys that name a runbook or a dashboard by what they are. */
    private static final Pattern LINK_KEY = Pattern.compile("(?i)runbook|playbook|dashboard|sop|wiki|__panelid__");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://\\S+");
    private static final Pattern RUNBOOK_WORD = Pattern.compile("(?i)\\b(runbook|playbook)s?\\b");

    @Override
    public String id() {
        return "alerting";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        YamlReader yaml = new YamlReader();
        HclReader hcl = new HclReader();
        List<AlertRule> rules = new ArrayList<>();
        for (String path : tree.files()) {
            boolean isYaml = path.endsWith(".yml") || path.endsWith(".yaml");
            if (!isYaml && !path.endsWith(".tf") && !path.endsWith(".tf.json")) {
                continue;
            }
            RepoTree.TextRead read = tree.readText(path);
            if (!read.ok()) {
                continue; // binaries and huge files are not alert rules; other scanners report what they need
            }
            String text = read.text();
            if (isYaml && YAML_MARKER.matcher(text).find() && !TEMPLATE_LINE.matcher(text).find()) {
                readYaml(path, text, yaml, rules, facts);
            } else if (!isYaml && text.contains("datadog_monitor")) {
                readTerraform(path, text, hcl, rules, facts);
            }
        }
        rules.sort(Comparator.comparing(AlertRule::path).thenComparingInt(AlertRule::line));
        facts.put(AlertFacts.class, new AlertFacts(new ArrayList<>(new TreeSet<>(rules.stream().map(AlertRule::path)
                .toList())), rules));
    }

    private static void readYaml(String path, String text, YamlReader yaml, List<AlertRule> rules,
            Facts.Builder facts) {
        YamlReader.Result result = yaml.read(path, text);
        List<AlertRule> found = new ArrayList<>();
        for (YamlNode document : result.documents()) {
            if (document == null) {
                continue;
            }
            document.asMapping().ifPresent(m -> readDocument(path, m, found));
        }
        // A file that does not read as YAML is reported only when it looked like alert rules: the marker alone
        // ("title:") matches too many other files to warn about each of them.
        if (result.problem().isPresent() && (!found.isEmpty() || text.contains("groups:"))) {
            facts.problem(result.problem().get());
        }
        rules.addAll(found);
    }

    private static void readDocument(String path, YamlNode.Mapping document, List<AlertRule> found) {
        if ("PrometheusRule".equals(document.string("kind").orElse(null))) {
            document.mapping("spec").ifPresent(spec -> readGroups(path, spec, "prometheus-operator", found));
        } else {
            readGroups(path, document, null, found);
        }
    }

    private static void readGroups(String path, YamlNode.Mapping parent, String format, List<AlertRule> found) {
        for (YamlNode group : parent.list("groups")) {
            group.asMapping().ifPresent(g -> {
                for (YamlNode rule : g.list("rules")) {
                    rule.asMapping().ifPresent(r -> readRule(path, r, format, found));
                }
            });
        }
    }

    private static void readRule(String path, YamlNode.Mapping rule, String format, List<AlertRule> found) {
        if (rule.string("alert").isPresent()) {
            found.add(new AlertRule(path, rule.lineOf("alert"), rule.string("alert").get(),
                    format == null ? "prometheus" : format, link(rule.mapping("annotations").orElse(null),
                            rule.mapping("labels").orElse(null))));
        } else if (format == null && rule.string("title").isPresent()
                && (rule.get("condition").isPresent() || rule.get("data").isPresent())) {
            String dashboard = rule.string("dashboardUid").filter(s -> !s.isBlank()).map(s -> "dashboardUid")
                    .orElse(null);
            String link = link(rule.mapping("annotations").orElse(null), null);
            found.add(new AlertRule(path, rule.lineOf("title"), rule.string("title").get(), "grafana",
                    link != null ? link : dashboard));
        }
    }

    /** The first annotation (or label) that gives a runbook or a dashboard: by its key, or by a link in its value. */
    private static String link(YamlNode.Mapping annotations, YamlNode.Mapping labels) {
        for (YamlNode.Mapping m : new YamlNode.Mapping[] {annotations, labels}) {
            if (m == null) {
                continue;
            }
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                String value = e.getValue().text();
                if (value == null || value.isBlank()) {
                    continue;
                }
                if (LINK_KEY.matcher(e.getKey()).find() || URL.matcher(value).find()) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    private static void readTerraform(String path, String text, HclReader hcl, List<AlertRule> rules,
            Facts.Builder facts) {
        for (HclBlock block : hcl.resources(path, text, "datadog_monitor", facts::problem)) {
            String name = block.attribute("name").map(a -> unquoted(a.value().text())).filter(s -> !s.isBlank())
                    .orElse(block.label(1).orElse("datadog_monitor"));
            String message = block.attribute("message").map(a -> unquoted(a.value().text())).orElse("");
            String link = URL.matcher(message).find() ? "message (link)"
                    : RUNBOOK_WORD.matcher(message).find() ? "message (runbook)" : null;
            rules.add(new AlertRule(path, block.line(), name, "datadog", link));
        }
    }

    /** A template's text is its source, quotes included: the name shown is the text between them. */
    private static String unquoted(String text) {
        if (text == null) {
            return "";
        }
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1,
                text.length() - 1) : text;
    }
}
