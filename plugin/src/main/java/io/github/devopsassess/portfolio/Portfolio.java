package io.github.devopsassess.portfolio;

import java.util.List;
import java.util.Map;

/**
 * Many repositories' assessments side by side, as written to {@code portfolio.json}.
 *
 * @param schemaVersion version of this layout
 * @param score mean overall score of the assessed repositories, or {@code null}
 * @param repositories one row per repository (its latest assessment), sorted by score (worst first), then name
 * @param skipped input files that could not be read, with the reason
 */
public record Portfolio(int schemaVersion, Integer score, List<Row> repositories, List<String> skipped) {

    public static final int SCHEMA_VERSION = 1;

    public Portfolio {
        repositories = List.copyOf(repositories);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param name repository or project name
     * @param source the assessment file, relative to the aggregated folder
     * @param commit assessed commit, or {@code null}
     * @param date assessment date, or {@code null}
     * @param score overall score, or {@code null} when not assessed
     * @param level overall level, or {@code null}
     * @param previousScore the score of an earlier assessment of the same repository among the inputs, or
     *     {@code null}
     * @param trend "up", "down", "flat" or "new"
     * @param worstArea the assessed area with the lowest score, or {@code null}
     * @param worstAreaScore its score
     * @param findings number of findings by severity id
     * @param areas area id → score (assessed areas only)
     */
    public record Row(String name, String source, String commit, String date, Integer score, String level,
            Integer previousScore, String trend, String worstArea, Integer worstAreaScore, Map<String, Integer> findings,
            Map<String, Integer> areas) {
    }
}
