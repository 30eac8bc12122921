package io.github.devopsassess.model;

import io.github.devopsassess.mask.SecretMask;

import java.util.List;

/**
 * A few lines of a file around a piece of evidence, read by the engine so that the report shows what a finding
 * points at without reading files itself. The lines are repository text with secret values masked
 * ({@link SecretMask}); whoever shows them must escape them.
 *
 * @param path repository-relative path
 * @param firstLine number of the first line in {@code lines} (1-based)
 * @param lines the lines, each cut to a readable length
 * @param markFrom first line the evidence points at
 * @param markTo last line the evidence points at
 */
public record SourceExcerpt(String path, int firstLine, List<String> lines, int markFrom, int markTo) {

    /** The lines are masked again here (masking is idempotent): whoever builds an excerpt cannot forget it. */
    public SourceExcerpt {
        lines = List.copyOf(SecretMask.lines(lines));
    }

    /** The key of the excerpt for a piece of evidence, or {@code null} when the evidence has no path and line. */
    public static String key(Evidence e) {
        if (e.path() == null || e.startLine() == null) {
            return null;
        }
        int end = e.endLine() == null ? e.startLine() : e.endLine();
        return e.path() + ":" + e.startLine() + "-" + end;
    }
}
