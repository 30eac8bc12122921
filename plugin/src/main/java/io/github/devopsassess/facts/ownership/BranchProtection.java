package io.github.devopsassess.facts.ownership;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Branch protection declared as code.
 *
 * @param source repository-relative file that declares it
 * @param line line of the declaration
 * @param branch branch name or pattern ({@code main}, {@code release/*})
 * @param enabled false when the declaration removes protection ({@code protection: null})
 * @param reviewsRequired whether a pull or merge request review is required before merging
 * @param requiredApprovals approvals required (0 when reviews are not required)
 * @param codeOwnerReviews whether code owners must approve, or {@code null} when not stated
 * @param enforceAdmins whether the rules bind administrators too, or {@code null} when the platform has no such
 *     switch (GitLab)
 * @param statusChecks whether passing status checks are required
 * @param pushRestricted whether direct pushes are limited (GitHub {@code restrictions}, GitLab
 *     {@code push_access_level = "no one"}), or {@code null} when not stated
 * @param bypass who may merge without the required reviews (GitHub {@code bypass_pull_request_allowances} users,
 *     teams and apps, Terraform {@code pull_request_bypassers}), as written, with {@code bypassLine} their line
 * @param bypassLine line of the bypass list, or 0 when there is none
 */
public record BranchProtection(String source, int line, String branch, boolean enabled, boolean reviewsRequired,
        int requiredApprovals, Boolean codeOwnerReviews, Boolean enforceAdmins, boolean statusChecks,
        Boolean pushRestricted, List<String> bypass, int bypassLine) {

    public BranchProtection {
        bypass = List.copyOf(bypass);
    }

    /** A rule that lets nobody bypass its reviews. */
    public BranchProtection(String source, int line, String branch, boolean enabled, boolean reviewsRequired,
            int requiredApprovals, Boolean codeOwnerReviews, Boolean enforceAdmins, boolean statusChecks,
            Boolean pushRestricted) {
        this(source, line, branch, enabled, reviewsRequired, requiredApprovals, codeOwnerReviews, enforceAdmins,
                statusChecks, pushRestricted, List.of(), 0);
    }

    /** Whether the branch name or pattern ({@code *} wildcards) covers this branch. */
    public boolean covers(String name) {
        String regex = Pattern.quote(branch).replace("*", "\\E.*\\Q");
        return name.matches(regex);
    }
}
