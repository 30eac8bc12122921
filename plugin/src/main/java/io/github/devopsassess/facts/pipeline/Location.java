package io.github.devopsassess.facts.pipeline;

/**
 * Where something is written in a pipeline definition.
 *
 * @param path repository-relative path
 * @param line 1-based line
 */
public record Location(String path, int line) {

    public String label() {
        return path + ":" + line;
    }
}
