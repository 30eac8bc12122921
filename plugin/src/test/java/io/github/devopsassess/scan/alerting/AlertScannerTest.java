package io.github.devopsassess.scan.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.alerting.AlertFacts;
import io.github.devopsassess.facts.alerting.AlertRule;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.testing.FixtureScan;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prometheus rule files, a PrometheusRule among other documents, Grafana provisioning and Datadog monitors. */
class AlertScannerTest {

    @Test
    void readsEveryFormatWithTheLineOfEachAlertAndWhetherItLinksARunbook(@TempDir Path dir) {
        AlertFacts alerts = FixtureScan.scan("/alerting/mixed", dir, new AlertScanner()).find(AlertFacts.class)
                .orElseThrow();

        assertThat(alerts.rules()).extracting(AlertRule::path, AlertRule::line, AlertRule::name, AlertRule::format,
                AlertRule::link).containsExactly(
                tuple("deploy/k8s/alerts.yaml", 19, "QueueBacklogGrowing", "prometheus-operator", "runbook_url"),
                tuple("deploy/k8s/alerts.yaml", 27, "QueueConsumersMissing", "prometheus-operator", "dashboard"),
                tuple("grafana/provisioning/alerting/rules.yaml", 9, "Checkout payment failures", "grafana",
                        "__dashboardUid__"),
                tuple("grafana/provisioning/alerting/rules.yaml", 40, "Checkout disk almost full", "grafana", null),
                tuple("monitoring/prometheus/rules/api.rules.yml", 10, "ApiHighErrorRate", "prometheus", null),
                tuple("monitoring/prometheus/rules/api.rules.yml", 20, "ApiLatencyHigh", "prometheus", null),
                tuple("monitoring/prometheus/rules/api.rules.yml", 27, "ApiDown", "prometheus", "runbook_url"),
                tuple("terraform/datadog/monitors.tf", 1, "Orders API p95 latency is high", "datadog",
                        "message (link)"),
                tuple("terraform/datadog/monitors.tf", 19, "Orders API error rate ${var.environment}", "datadog",
                        null));
        assertThat(alerts.files()).as("the Helm template and the MkDocs file define no alerts read here")
                .doesNotContain("charts/api/templates/prometheusrule.yaml", "docs/mkdocs.yml");
        assertThat(alerts.unusable()).isEmpty();
    }

    @Test
    void aMalformedRuleFileIsOneProblemAtItsLineAndTheOtherFilesAreStillRead(@TempDir Path dir) {
        Facts facts = FixtureScan.scan("/alerting/mixed", dir, new AlertScanner());

        assertThat(facts.problems()).extracting(ParseProblem::path, ParseProblem::line)
                .containsExactly(tuple("monitoring/prometheus/rules/db.rules.yml", 10));
        assertThat(facts.find(AlertFacts.class).orElseThrow().files()).hasSize(4)
                .doesNotContain("monitoring/prometheus/rules/db.rules.yml");
    }

    @Test
    void aRepositoryWithoutAlertsIsUnusableWithTheReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("application.yml"), "spring:\n  application:\n    name: orders\n");
        Files.writeString(dir.resolve("main.tf"), "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n");
        Facts.Builder builder = Facts.builder();
        new AlertScanner().scan(new io.github.devopsassess.scan.ScanContext(new io.github.devopsassess.source
                .WorkingTree(dir, "", 1 << 20), null, "none", io.github.devopsassess.scan.ScanOptions.defaults(),
                s -> { }), builder);
        AlertFacts alerts = builder.build().find(AlertFacts.class).orElseThrow();
        assertThat(alerts.rules()).isEmpty();
        assertThat(alerts.unusable()).hasValueSatisfying(r -> assertThat(r).startsWith("no alert rules found"));
    }
}
