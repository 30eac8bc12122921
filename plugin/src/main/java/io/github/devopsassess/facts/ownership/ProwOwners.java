package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * A Prow (Kubernetes) {@code OWNERS} file: it owns its folder and everything below, unless a deeper one takes over.
 *
 * @param path repository-relative path of the file
 * @param folder the folder it governs ("" for the repository root)
 * @param line line of {@code approvers}
 * @param approvers logins or aliases that may approve
 * @param reviewers logins or aliases suggested for review
 */
public record ProwOwners(String path, String folder, int line, List<String> approvers, List<String> reviewers) {

    public ProwOwners {
        approvers = List.copyOf(approvers);
        reviewers = List.copyOf(reviewers);
    }
}
