package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * A Prow (Kubernetes) {@code OWNERS} file: its approvers may approve a change to any file of its folder and below,
 * together with the approvers of every {@code OWNERS} file above it, unless it sets
 * {@code options: {no_parent_owners: true}}. Approvers of {@code filters} apply only to the files their regular
 * expression finds in the path relative to the file's folder.
 *
 * @param path repository-relative path of the file
 * @param folder the folder it governs ("" for the repository root)
 * @param line line of {@code approvers} (of {@code filters} when only filters name approvers)
 * @param approvers logins or aliases that may approve
 * @param reviewers logins or aliases suggested for review
 * @param noParentOwners true when {@code options.no_parent_owners} is true: the approvers above do not apply
 * @param filters approvers and reviewers per regular expression, in the order of the file
 */
public record ProwOwners(String path, String folder, int line, List<String> approvers, List<String> reviewers,
        boolean noParentOwners, List<Filter> filters) {

    public ProwOwners {
        approvers = List.copyOf(approvers);
        reviewers = List.copyOf(reviewers);
        filters = List.copyOf(filters);
    }

    /** A file that only names approvers and reviewers, inheriting those above it. */
    public ProwOwners(String path, String folder, int line, List<String> approvers, List<String> reviewers) {
        this(path, folder, line, approvers, reviewers, false, List.of());
    }

    /**
     * One entry of {@code filters}: Prow finds {@code regex} anywhere in the path relative to the folder (Go's
     * {@code MatchString}), so {@code .*} means every file and {@code \.go$} the Go files.
     *
     * @param regex the regular expression as written
     * @param line its line
     * @param approvers logins or aliases that may approve the files it finds
     * @param reviewers logins or aliases suggested for review
     */
    public record Filter(String regex, int line, List<String> approvers, List<String> reviewers) {

        public Filter {
            approvers = List.copyOf(approvers);
            reviewers = List.copyOf(reviewers);
        }
    }

    /** Whether some approver is named, at the top or in a filter. */
    public boolean namesApprovers() {
        return !approvers.isEmpty() || filters.stream().anyMatch(f -> !f.approvers().isEmpty());
    }
}
