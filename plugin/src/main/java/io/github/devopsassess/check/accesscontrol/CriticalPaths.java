package io.github.devopsassess.check.accesscontrol;

import io.github.devopsassess.scan.ownership.CodeownersPattern;

import java.util.List;

/**
 * Paths where one unreviewed change can break production or widen access: CI definitions, container builds,
 * infrastructure as code, database migrations, and the ownership and settings files themselves. Patterns use
 * CODEOWNERS semantics relative to the assessed folder.
 */
public final class CriticalPaths {

    public static final List<String> DEFAULTS = List.of(
            "/.github/workflows/", "/.gitlab-ci.yml", "/.gitlab/ci/", "Jenkinsfile", "/.circleci/",
            "azure-pipelines.yml", "Dockerfile*", "*.dockerfile", "*.tf", "*.tfvars", "*.hcl", "Chart.yaml",
            "kustomization.yaml", "**/db/migration/**", "**/migrations/**", "*.sql", "CODEOWNERS",
            "/.github/settings.yml", "/.github/sync-repo-settings.yaml", "OWNERS");

    private final List<CodeownersPattern> patterns;

    public CriticalPaths(List<String> patterns) {
        this.patterns = patterns.stream().map(CodeownersPattern::compile).toList();
    }

    public static CriticalPaths defaults() {
        return new CriticalPaths(DEFAULTS);
    }

    /** @param relativePath path relative to the assessed folder */
    public boolean critical(String relativePath) {
        return patterns.stream().anyMatch(p -> p.matches(relativePath));
    }
}
