package io.github.devopsassess.scan.history;

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

    private final List<PathMatcher> matchers;

    public InfrastructureFiles(List<String> globs) {
        this.matchers = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    public static InfrastructureFiles defaults() {
        return new InfrastructureFiles(DEFAULT_GLOBS);
    }

    /** @param path repository-relative path */
    public boolean matches(String path) {
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
