package io.github.devopsassess.facts.pipeline;

/**
 * Something a pipeline pulls in from outside: a GitHub action, a reusable workflow, a CircleCI orb, a container
 * image, a GitLab include of another project, template, URL or component, or a Jenkins shared library.
 *
 * @param kind {@code action}, {@code reusable-workflow}, {@code orb}, {@code image}, {@code gitlab-project},
 *     {@code gitlab-template}, {@code gitlab-remote}, {@code gitlab-component} or {@code jenkins-library}; for a
 *     local file that is missing ({@link PipelineFacts#missing()}) {@code local-action}, {@code local-workflow} or
 *     {@code local-include}
 * @param ref the reference as written ({@code actions/checkout@v4}, {@code maven:3.9})
 * @param pinning how firmly it is pinned
 * @param at where it is written
 */
public record Reference(String kind, String ref, Pinning pinning, Location at) {

    public boolean image() {
        return "image".equals(kind);
    }
}
