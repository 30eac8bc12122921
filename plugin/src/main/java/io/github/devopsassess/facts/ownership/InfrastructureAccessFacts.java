package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * Cloud and cluster access declared in Terraform: IAM policies, role assignments and role bindings. Access granted
 * in a cloud console or by a module from another repository is not seen, so an empty list of grants means "none
 * declared here", never "none exists".
 *
 * @param sources the {@code .tf} files that declare access (IAM policies, role assignments or bindings), sorted
 * @param declarations how many policy statements, role grants and bindings were read
 * @param grants the grants that give everything, in file and line order
 */
public record InfrastructureAccessFacts(List<String> sources, int declarations, List<BroadGrant> grants) {

    public InfrastructureAccessFacts {
        sources = List.copyOf(sources);
        grants = List.copyOf(grants);
    }
}
