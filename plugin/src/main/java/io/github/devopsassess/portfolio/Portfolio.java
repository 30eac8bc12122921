package io.github.devopsassess.portfolio;

import io.github.devopsassess.model.PortfolioChanges;

import java.util.List;
import java.util.Map;

/**
 * Many repositories' assessments side by side, as written to {@code portfolio.json}.
 *
 * @param schemaVersion version of this layout
 * @param score mean overall score of the assessed repositories, or {@code null}
 * @param repositories one row per repository (its latest assessment), sorted by score (worst first), then name
 * @param skipped input files that could not be read, with the reason
 * @param areas the spread of each area's scores across the repositories that assessed it, weakest (lowest median)
 *     first
 * @param changes what changed since the previous portfolio, or {@code null} when there was none to compare with
 */
public record Portfolio(int schemaVersion, Integer score, List<Row> repositories, List<String> skipped,
        List<AreaSpread> areas, PortfolioChanges changes) {

    public static final int SCHEMA_VERSION = 1;

    /** The team of repositories whose assessment names no owner. */
    public static final String NO_OWNER = "no owner";

    public Portfolio {
        repositories = List.copyOf(repositories);
        skipped = List.copyOf(skipped);
        areas = areas == null ? List.of() : List.copyOf(areas);
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
     * @param owners the owners the assessment names for the repository as a whole (teams first)
     * @param team the owner the portfolio groups it under: the first of {@code owners}, or {@link #NO_OWNER}
     * @param site the repository's own site published beside its assessment ({@code site/index.html} next to it),
     *     relative to the aggregated folder, or {@code null} when there is none
     */
    public record Row(String name, String source, String commit, String date, Integer score, String level,
            Integer previousScore, String trend, String worstArea, Integer worstAreaScore, Map<String, Integer> findings,
            Map<String, Integer> areas, List<String> owners, String team, String site) {

        public Row {
            owners = owners == null ? List.of() : List.copyOf(owners);
            team = team == null ? NO_OWNER : team;
        }
    }

    /**
     * How one area scores across the repositories that assessed it (quartiles by linear interpolation between the
     * sorted scores, rounded to whole points).
     *
     * @param area area id
     * @param repositories how many repositories assessed it
     * @param min lowest score
     * @param lowerQuartile 25th percentile
     * @param median 50th percentile
     * @param upperQuartile 75th percentile
     * @param max highest score
     */
    public record AreaSpread(String area, int repositories, int min, int lowerQuartile, int median, int upperQuartile,
            int max) {
    }
}
