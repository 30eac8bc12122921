package io.github.devopsassess.facts.pipeline;

/**
 * Something a pipeline pulls in from outside: a GitHub action, a reusable workflow, a CircleCI orb or a container
 * image.
 *
 * @param kind {@code action}, {@code reusable-workflow}, {@code orb} or {@code image}
 * @param ref the reference as written ({@code actions/checkout@v4}, {@code maven:3.9})
 * @param pinning how firmly it is pinned
 * @param at where it is written
 */
public record Reference(String kind, String ref, Pinning pinning, Location at) {

    public boolean image() {
        return "image".equals(kind);
    }
}
