package io.github.devopsassess.facts.oncall;

/**
 * A paging vendor the configuration depends on.
 *
 * @param vendor {@code pagerduty}, {@code opsgenie}, {@code grafana-oncall}
 * @param place the first place it is used
 */
public record VendorUse(String vendor, Place place) {
}
