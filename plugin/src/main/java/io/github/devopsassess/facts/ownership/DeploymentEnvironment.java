package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * A deployment environment declared as code (GitHub environments).
 *
 * @param source repository-relative file
 * @param line line of the environment
 * @param name environment name
 * @param reviewers required reviewers as written (ids, user names or team names)
 * @param waitTimer minutes to wait before a deployment may start
 * @param preventSelfReview whether the person who triggers a deployment may not approve it, or {@code null} when
 *     not stated
 * @param branchPolicy whether deployments are limited to some branches or tags
 */
public record DeploymentEnvironment(String source, int line, String name, List<String> reviewers, int waitTimer,
        Boolean preventSelfReview, boolean branchPolicy) {

    public DeploymentEnvironment {
        reviewers = List.copyOf(reviewers);
    }

    /** Production by name: prod, production, prd, live (as a word of the name). */
    public boolean production() {
        return name.toLowerCase(java.util.Locale.ROOT).matches("(.*[^a-z])?(prod|production|prd|live)([^a-z].*)?");
    }
}
