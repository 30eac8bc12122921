package io.github.devopsassess.facts.alerting;

/**
 * One alert definition, as written in its file.
 *
 * @param path repository-relative path of the file that defines it
 * @param line 1-based line of the alert's name
 * @param name the alert's name ({@code alert:} of a Prometheus rule, {@code title:} of a Grafana rule, the
 *     {@code name} or label of a Datadog monitor)
 * @param format where it comes from: {@code prometheus}, {@code prometheus-operator}, {@code grafana} or
 *     {@code datadog}
 * @param link the annotation or text that gives the responder a runbook or dashboard (such as {@code runbook_url}),
 *     or {@code null} when the alert carries none
 */
public record AlertRule(String path, int line, String name, String format, String link) {

    /** Whether a responder paged by this alert is pointed at a runbook or a dashboard. */
    public boolean linked() {
        return link != null;
    }
}
