package io.github.devopsassess.check.ownership;

import io.github.devopsassess.parse.PathDecisions;
import io.github.devopsassess.facts.ownership.CodeownersPattern;

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

    /** Shared so that its remembered decisions serve every assessment and trend point in the JVM. */
    private static final CriticalPaths DEFAULT_PATHS = new CriticalPaths(DEFAULTS);

    private final List<CodeownersPattern> patterns;
    private final PathDecisions decisions;

    public CriticalPaths(List<String> patterns) {
        this.patterns = patterns.stream().map(CodeownersPattern::compile).toList();
        this.decisions = new PathDecisions(CodeownersPattern.anyOf(this.patterns));
    }

    public static CriticalPaths defaults() {
        return DEFAULT_PATHS;
    }

    /** @param relativePath path relative to the assessed folder */
    public boolean critical(String relativePath) {
        return decisions.test(relativePath);
    }
}
