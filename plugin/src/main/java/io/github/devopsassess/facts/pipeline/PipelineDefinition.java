package io.github.devopsassess.facts.pipeline;

/**
 * One CI pipeline definition file.
 *
 * @param system CI system: {@code github-actions}, {@code gitlab-ci}, {@code jenkins}, {@code azure-pipelines},
 *     {@code circleci}, {@code bitbucket}, {@code travis}
 * @param path repository-relative path
 * @param readable false when the file could not be parsed (a parse problem names the line)
 */
public record PipelineDefinition(String system, String path, boolean readable) {
}
