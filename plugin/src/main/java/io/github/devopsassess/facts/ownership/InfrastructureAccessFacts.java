package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * Cloud and cluster access declared as code: IAM policies, role assignments and role bindings in Terraform, Kubernetes
 * RBAC bindings in YAML manifests, access lists of accounts and environments in JSON, committed kubeconfigs. Access
 * granted in a cloud console or by a module from another repository is not seen, so an empty list of grants means
 * "none declared here", never "none exists".
 *
 * @param sources the files that declare access (IAM policies, role assignments, bindings, access lists,
 *     kubeconfigs), sorted
 * @param declarations how many policy statements, role grants, bindings, access entries and kubeconfigs were read
 * @param grants the grants that give everything, in file and line order
 */
public record InfrastructureAccessFacts(List<String> sources, int declarations, List<BroadGrant> grants) {

    public InfrastructureAccessFacts {
        sources = List.copyOf(sources);
        grants = List.copyOf(grants);
    }
}
