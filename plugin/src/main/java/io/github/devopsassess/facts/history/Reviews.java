package io.github.devopsassess.facts.history;

import java.util.Set;

/**
 * Which commits git alone shows as reviewed, decided by the analysis stage once per assessment: a change counts as
 * reviewed when it reached the branch through a merge, carries a review or co-author trailer, or was squash-merged
 * from a pull request.
 *
 * @param reviewed ids of the reviewed non-merge commits
 */
public record Reviews(Set<String> reviewed) {

    public Reviews {
        reviewed = Set.copyOf(reviewed);
    }

    public boolean reviewed(AuthoredCommit commit) {
        return reviewed.contains(commit.commit().id());
    }
}
