package io.github.devopsassess.facts.ownership;

/**
 * Infrastructure access declared in Terraform that grants everything: an IAM policy statement that allows every
 * action, an owner or administrator role, a Kubernetes {@code cluster-admin} binding.
 *
 * @param source repository-relative {@code .tf} file
 * @param line line of the statement, role or binding
 * @param kind what makes it broad
 * @param resource the Terraform address that declares it ({@code aws_iam_policy.deploy})
 * @param principal who receives it as written ({@code group:ops@example.org}, a reference), or {@code null} when the
 *     declaration does not say (a policy document attached elsewhere)
 * @param detail what was granted, as written ({@code Action "*" on Resource "*"}, {@code roles/owner})
 */
public record BroadGrant(String source, int line, Kind kind, String resource, String principal, String detail) {

    /** What makes a grant broad. */
    public enum Kind {
        /** An IAM policy statement that allows every action ({@code "Action": "*"}). */
        WILDCARD_POLICY,
        /** An owner or administrator role: GCP {@code roles/owner}, Azure {@code Owner}, AWS AdministratorAccess. */
        OWNER_ROLE,
        /** A Kubernetes (cluster) role binding to {@code cluster-admin}. */
        CLUSTER_ADMIN
    }
}
