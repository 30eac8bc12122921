package io.github.devopsassess.facts.alerting;

import io.github.devopsassess.facts.Input;

import java.util.List;
import java.util.Optional;

/**
 * The alert definitions kept in the repository: Prometheus rule files, Kubernetes {@code PrometheusRule} resources,
 * Grafana alerting provisioning files and Datadog monitors in Terraform.
 *
 * @param files the files that define at least one alert, sorted
 * @param rules every alert, sorted by file and line
 */
public record AlertFacts(List<String> files, List<AlertRule> rules) implements Input {

    public AlertFacts {
        files = List.copyOf(files);
        rules = List.copyOf(rules);
    }

    /** A repository without alert definitions cannot be judged on them: it is not assessed, not failed. */
    @Override
    public Optional<String> unusable() {
        return rules.isEmpty() ? Optional.of("no alert rules found (Prometheus rule files, PrometheusRule resources,"
                + " Grafana alerting provisioning, Datadog monitors in Terraform)") : Optional.empty();
    }
}
