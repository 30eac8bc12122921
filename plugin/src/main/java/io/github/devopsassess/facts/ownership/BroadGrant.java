package io.github.devopsassess.facts.ownership;

/**
 * Infrastructure access declared as code that grants everything: an IAM policy statement that allows every action, an
 * owner or administrator role, a Kubernetes binding of people to {@code cluster-admin} (Terraform or YAML manifests),
 * standing administrator access of people to a production account, a committed kubeconfig that opens a cluster.
 *
 * @param source repository-relative file ({@code .tf}, a YAML manifest, an access JSON, a kubeconfig)
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
        /**
         * A Kubernetes (cluster) role binding to {@code cluster-admin}, or to a cluster role of the repository that
         * allows every verb on every resource of every API group.
         */
        CLUSTER_ADMIN,
        /**
         * Standing administrator (or owner) access of a person or group to an account or environment whose name
         * marks production, declared as code (the {@code environments/*.json} access lists of a landing zone).
         */
        PRODUCTION_ADMIN,
        /**
         * A committed kubeconfig ({@code kind: Config}) that embeds credentials (token, client key, password) or whose
         * current context is production.
         */
        KUBECONFIG
    }
}
