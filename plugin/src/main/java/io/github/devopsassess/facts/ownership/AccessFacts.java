package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * Repository access declared as code: {@code .github/settings.yml}, {@code .github/sync-repo-settings.yaml} and
 * Terraform for GitHub and GitLab. Settings made in a web UI are invisible here, so an empty list means
 * "not declared as code", never "not set".
 *
 * @param sources files that declare settings, sorted
 * @param defaultBranch the default branch if declared, else {@code null}
 * @param extendsFrom {@code _extends} targets: settings inherited from another repository, not read
 * @param protections branch protection rules
 * @param grants permissions of people and teams
 * @param environments deployment environments
 */
public record AccessFacts(List<String> sources, String defaultBranch, List<String> extendsFrom,
        List<BranchProtection> protections, List<AccessGrant> grants, List<DeploymentEnvironment> environments) {

    public AccessFacts {
        sources = List.copyOf(sources);
        extendsFrom = List.copyOf(extendsFrom);
        protections = List.copyOf(protections);
        grants = List.copyOf(grants);
        environments = List.copyOf(environments);
    }

    public boolean declared() {
        return !sources.isEmpty();
    }

    /** Whether a protection rule covers the default branch (main or master when the default is not declared). */
    public boolean coversDefault(BranchProtection p) {
        if (defaultBranch != null) {
            return p.covers(defaultBranch);
        }
        return p.covers("main") || p.covers("master");
    }
}
