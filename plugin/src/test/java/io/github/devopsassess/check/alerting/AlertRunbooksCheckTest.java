package io.github.devopsassess.check.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.alerting.AlertFacts;
import io.github.devopsassess.facts.alerting.AlertRule;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.testing.DefaultSettings;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-made alert facts: one finding per rule file, listing the alerts without a link at their lines. */
class AlertRunbooksCheckTest {

    private static final String API = "monitoring/rules/api.rules.yml";
    private static final String QUEUE = "deploy/k8s/queue-alerts.yaml";

    private static CheckResult run(AlertRule... rules) throws Exception {
        List<String> files = java.util.Arrays.stream(rules).map(AlertRule::path).distinct().sorted().toList();
        Facts facts = Facts.builder().put(AlertFacts.class, new AlertFacts(files, List.of(rules))).build();
        return CheckRunner.evaluate(new AlertRunbooksCheck(), facts, DefaultSettings.of(AlertRunbooksCheck.ID));
    }

    @Test
    void oneFindingPerRuleFileListingItsAlertsWithoutALinkAtTheirLines() throws Exception {
        CheckResult r = run(new AlertRule(API, 10, "ApiHighErrorRate", "prometheus", null),
                new AlertRule(API, 20, "ApiLatencyHigh", "prometheus", null),
                new AlertRule(API, 27, "ApiDown", "prometheus", "runbook_url"),
                new AlertRule(QUEUE, 19, "QueueBacklogGrowing", "prometheus-operator", "runbook_url"),
                new AlertRule(QUEUE, 27, "QueueConsumersMissing", "prometheus-operator", "dashboard"));

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(API);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).isEqualTo("2 of 3 alerts in monitoring/rules/api.rules.yml give the responder"
                    + " no runbook or dashboard link: 'ApiHighErrorRate' (line 10), 'ApiLatencyHigh' (line 20).");
            assertThat(f.evidence()).containsExactly(
                    Evidence.line(API, 10).withNote("alert 'ApiHighErrorRate' has no runbook or dashboard link"),
                    Evidence.line(API, 20).withNote("alert 'ApiLatencyHigh' has no runbook or dashboard link"));
        });
        assertThat(r.score()).isEqualTo(0.6); // 2 of 5 alerts lack a link
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.summary()).isEqualTo("2 of 5 alerts in 2 files have no runbook or dashboard link");
    }

    @Test
    void aFileThatLinksMostOfItsAlertsIsAWarningAndAllLinkedPasses() throws Exception {
        CheckResult gap = run(new AlertRule(QUEUE, 5, "A", "prometheus-operator", "runbook_url"),
                new AlertRule(QUEUE, 9, "B", "prometheus-operator", "runbook_url"),
                new AlertRule(QUEUE, 13, "C", "prometheus-operator", null));
        assertThat(gap.findings()).singleElement().satisfies(f -> assertThat(f.severity())
                .isEqualTo(Severity.MEDIUM.lower()));

        CheckResult linked = run(new AlertRule("monitors.tf", 1, "Orders latency", "datadog", "message (link)"));
        assertThat(linked.findings()).isEmpty();
        assertThat(linked.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void withoutAlertRulesTheCheckIsNotAssessedNotFailed() throws Exception {
        CheckResult r = run();
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).contains("no alert rules found");
        assertThat(r.findings()).isEmpty();
    }
}
