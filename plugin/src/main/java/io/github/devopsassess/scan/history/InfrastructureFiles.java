package io.github.devopsassess.scan.history;

import io.github.devopsassess.parse.PathDecisions;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Pipeline and infrastructure files: CI definitions, container builds and infrastructure as code. Whoever alone
 * changes these is "the DevOps person".
 */
public final class InfrastructureFiles {

    /** Globs over repository-relative paths. */
    public static final List<String> DEFAULT_GLOBS = List.of(
            ".github/workflows/**", ".gitlab-ci.yml", "**/.gitlab-ci.yml", ".gitlab/ci/**", "Jenkinsfile",
            "**/Jenkinsfile", "Jenkinsfile.*", "azure-pipelines.yml", "**/azure-pipelines.yml", ".circleci/**",
            "bitbucket-pipelines.yml", ".travis.yml", "Dockerfile", "**/Dockerfile", "Dockerfile.*", "**/Dockerfile.*",
            "**/*.dockerfile", "docker-compose*.yml", "**/docker-compose*.yml", "docker-compose*.yaml",
            "**/docker-compose*.yaml", "**/*.tf", "*.tf", "**/*.tfvars", "*.tfvars", "helm/**", "**/helm/**",
            "charts/**", "**/charts/**", "k8s/**", "**/k8s/**", "kubernetes/**", "**/kubernetes/**", "deploy/**",
            "**/deploy/**", "deployment/**", "**/kustomization.yaml", "ansible/**", "**/ansible/**");

    /** Shared so that its remembered decisions serve every assessment and trend point in the JVM. */
    private static final InfrastructureFiles DEFAULTS = new InfrastructureFiles(DEFAULT_GLOBS);

    private final List<PathMatcher> matchers;
    private final PathDecisions decisions = new PathDecisions(this::classify);

    public InfrastructureFiles(List<String> globs) {
        this.matchers = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    public static InfrastructureFiles defaults() {
        return DEFAULTS;
    }

    /** @param path repository-relative path */
    public boolean matches(String path) {
        return decisions.test(path);
    }

    private boolean classify(String path) {
        Path p;
        Path rooted; // "/a/b": lets "**/x/**" match a top-level x/ as well
        try {
            p = Path.of(path);
            rooted = Path.of("/" + path);
        } catch (java.nio.file.InvalidPathException e) {
            return false; // a name this platform cannot represent is no pipeline we could read either
        }
        for (PathMatcher m : matchers) {
            if (m.matches(p) || m.matches(rooted)) {
                return true;
            }
        }
        return false;
    }
}
