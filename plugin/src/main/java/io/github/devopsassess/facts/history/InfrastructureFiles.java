package io.github.devopsassess.facts.history;

import io.github.devopsassess.parse.Glob;
import io.github.devopsassess.parse.PathDecisions;

import java.util.List;
import java.util.function.Predicate;

/**
 * Pipeline and infrastructure files: CI definitions, container builds and infrastructure as code. Whoever alone
 * changes these is "the DevOps person".
 */
public final class InfrastructureFiles {

    /** Globs over repository-relative paths. */
    public static final List<String> DEFAULT_GLOBS = List.of(
            ".github/workflows/**", ".gitlab-ci.yml", "**/.gitlab-ci.yml", ".gitlab/ci/**", "Jenkinsfile",
            "**/Jenkinsfile", "Jenkinsfile.*", "**/Jenkinsfile.*", "Jenkinsfile_*", "**/Jenkinsfile_*", "azure-pipelines.yml", "**/azure-pipelines.yml", ".circleci/**",
            "bitbucket-pipelines.yml", ".travis.yml", "Dockerfile", "**/Dockerfile", "Dockerfile.*", "**/Dockerfile.*",
            "**/*.dockerfile", "docker-compose*.yml", "**/docker-compose*.yml", "docker-compose*.yaml",
            "**/docker-compose*.yaml", "**/*.tf", "*.tf", "**/*.tfvars", "*.tfvars", "helm/**", "**/helm/**",
            "charts/**", "**/charts/**", "k8s/**", "**/k8s/**", "kubernetes/**", "**/kubernetes/**", "deploy/**",
            "**/deploy/**", "deployment/**", "**/kustomization.yaml", "ansible/**", "**/ansible/**", "clusters/**", "argocd/**", "updatecli/**");

    /** Shared so that its remembered decisions serve every assessment and trend point in the JVM. */
    private static final InfrastructureFiles DEFAULTS = new InfrastructureFiles(DEFAULT_GLOBS);

    private final Predicate<String> matcher;
    private final PathDecisions decisions = new PathDecisions(this::classify);

    public InfrastructureFiles(List<String> globs) {
        this.matcher = Glob.anyOf(globs);
    }

    public static InfrastructureFiles defaults() {
        return DEFAULTS;
    }

    /** @param path repository-relative path */
    public boolean matches(String path) {
        return decisions.test(path);
    }

    private boolean classify(String path) {
        return matcher.test(path);
    }
}
