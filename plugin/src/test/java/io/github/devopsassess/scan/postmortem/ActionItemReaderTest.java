package io.github.devopsassess.scan.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.postmortem.Postmortem.ItemStatus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the status of a list entry is read from its own words, when it has no checkbox, table column or tag. */
class ActionItemReaderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // finished actions told in the past tense, as real postmortems list what the team already did
        "We tweaked/adjusted the internal Registry pull limit/Quota (QPS) on Kubernetes level | DONE",
        "We've advised the Teams to adjust their deployments not to use Single Replicas | DONE",
        "We’ve rotated the leaked key | DONE",
        "Service account with ACLs and metricViewer role has been documented | DONE",
        "The runbook has now been rewritten | DONE",
        // plans, tickets and requests are not the fix landing
        "Has been scheduled for next sprint | UNKNOWN",
        "We decided to move the cluster to EKS | UNKNOWN",
        "An issue has been created to track alerting | UNKNOWN",
        "We have not fixed the retry storm yet | UNKNOWN",
        "Setup monitoring and alerting for file watches usage | UNKNOWN",
        "We need to add an alert for the exporter | UNKNOWN",
        "Add alarms for fluentd (in progress) | OPEN",
        "[x] Upgrade Traefik | DONE",
    })
    void statusComesFromTheItemsOwnWords(String text, ItemStatus expected) {
        assertThat(ActionItemReader.fromText(10, text).status()).isEqualTo(expected);
    }
}
