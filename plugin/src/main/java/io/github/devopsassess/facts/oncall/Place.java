package io.github.devopsassess.facts.oncall;

/**
 * Where an on-call definition stands.
 *
 * @param path repository-relative path
 * @param line 1-based line
 */
public record Place(String path, int line) {

    public String label() {
        return path + ":" + line;
    }
}
