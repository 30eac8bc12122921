package io.github.devopsassess.model;

/**
 * A team's decision to accept a finding for a while, from {@code devops-waivers.yaml}.
 *
 * @param reason {@code accepted-risk}, {@code not-applicable} or {@code false-positive}
 * @param owner who decided and must revisit it
 * @param expires ISO date (yyyy-mm-dd) after which the waiver no longer applies and the gate fails
 * @param source file and line of the waiver entry, e.g. "devops-waivers.yaml:3"
 */
public record Waiver(String reason, String owner, String expires, String source) {
}
