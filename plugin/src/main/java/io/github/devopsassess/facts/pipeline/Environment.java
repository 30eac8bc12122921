package io.github.devopsassess.facts.pipeline;

import java.util.List;

/**
 * The deployment environment a job declares ({@code environment:} in GitHub Actions and GitLab CI, an Azure
 * deployment job's environment, a CircleCI context).
 *
 * @param name the name as written (may be an expression such as {@code ${{ matrix.environment }}})
 * @param candidates the concrete names it can take (a matrix expands to several); empty when unknown
 * @param at where it is written
 * @param tier GitLab {@code deployment_tier}, or {@code null}
 * @param action GitLab {@code action} ({@code start}, {@code stop}, {@code prepare}...), or {@code null}
 * @param onStop GitLab {@code on_stop} job, or {@code null}
 * @param serial whether a matrix deploys its candidates one at a time in the listed order and stops at the first
 *     failure (GitHub Actions {@code max-parallel: 1} without {@code fail-fast: false})
 */
public record Environment(String name, List<String> candidates, Location at, String tier, String action,
        String onStop, boolean serial) {

    public Environment {
        candidates = List.copyOf(candidates);
    }

    /** An environment whose candidates, if several, are deployed in parallel. */
    public Environment(String name, List<String> candidates, Location at, String tier, String action,
            String onStop) {
        this(name, candidates, at, tier, action, onStop, false);
    }

    /** True when the name is an expression whose value the file does not tell. */
    public boolean unresolved() {
        return candidates.isEmpty();
    }
}
