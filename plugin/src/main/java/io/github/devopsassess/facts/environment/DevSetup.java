package io.github.devopsassess.facts.environment;

/**
 * Something that gives a developer a working environment from the repository.
 *
 * @param kind {@code devcontainer}, {@code compose}, {@code vagrant}, {@code gitpod}, {@code devbox},
 *     {@code tilt}, {@code skaffold}, {@code documented} (a local-setup section in a README)
 * @param path repository-relative path
 * @param line 1-based line
 */
public record DevSetup(String kind, String path, int line) {
}
