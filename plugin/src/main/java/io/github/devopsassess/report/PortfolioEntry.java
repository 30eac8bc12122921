package io.github.devopsassess.report;

import java.util.Map;

/**
 * One row of the portfolio: one assessed repository.
 *
 * @param name repository name
 * @param href relative link to the repository's own report (its {@code site/index.html}), or {@code null}
 * @param score overall score, or {@code null} when not assessed
 * @param level overall level id, or {@code null}
 * @param previousScore the score of the previous assessment, for the trend arrow, or {@code null}
 * @param worstArea title of the area with the lowest score, or {@code null}
 * @param worstAreaScore its score, or {@code null}
 * @param team the owning team the portfolio groups it under
 * @param areas area id → score of the areas it assessed
 */
public record PortfolioEntry(String name, String href, Integer score, String level, Integer previousScore,
        String worstArea, Integer worstAreaScore, String team, Map<String, Integer> areas) {

    /** The team of repositories whose assessment names no owner. */
    public static final String NO_OWNER = "no owner";

    public PortfolioEntry {
        team = team == null || team.isBlank() ? NO_OWNER : team;
        areas = areas == null ? Map.of() : Map.copyOf(areas);
    }

    /** A row without team and area scores. */
    public PortfolioEntry(String name, String href, Integer score, String level, Integer previousScore,
            String worstArea, Integer worstAreaScore) {
        this(name, href, score, level, previousScore, worstArea, worstAreaScore, null, null);
    }
}
