package io.github.devopsassess.facts.pipeline;

/**
 * A point where a person must act before the pipeline goes on.
 *
 * @param kind what makes it manual: {@code when: manual}, {@code input}, {@code type: approval},
 *     {@code ManualValidation}, {@code environment reviewers}, {@code approval job}
 * @param blocking whether later jobs wait for it (GitLab's job-level {@code when: manual} does not block by default)
 * @param at where it is written
 */
public record ManualGate(String kind, boolean blocking, Location at) {
}
