package io.github.devopsassess.model;

import io.github.devopsassess.mask.SecretMask;

/**
 * An input that could not be read, or only in part. The assessment goes on; the problem is shown in the log, the JSON
 * and the site so that nothing is ignored silently.
 *
 * @param path repository-relative path (or the rubric file path)
 * @param line 1-based line, or {@code null} when unknown
 * @param message what is wrong and, where possible, what to do
 */
public record ParseProblem(String path, Integer line, String message) {

    /** A parser's message may quote the line it failed on: its secret values are masked here. */
    public ParseProblem {
        message = SecretMask.text(message);
    }

    public String label() {
        return (path == null ? "" : path) + (line == null ? "" : ":" + line) + ": " + message;
    }
}
