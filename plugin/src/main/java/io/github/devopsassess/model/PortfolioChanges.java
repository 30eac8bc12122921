package io.github.devopsassess.model;

import java.util.List;

/**
 * What changed since the previous portfolio: written to {@code portfolio.json} by the portfolio package and laid out
 * by the report's portfolio page, one record for both.
 *
 * @param previousRepositories how many repositories the previous portfolio had
 * @param down repositories whose level went down, worst drop first
 * @param up repositories whose level went up, biggest rise first
 * @param added repositories not in the previous portfolio, sorted
 * @param removed repositories of the previous portfolio that are no longer in this one, sorted
 */
public record PortfolioChanges(int previousRepositories, List<LevelChange> down, List<LevelChange> up,
        List<String> added, List<String> removed) {

    public PortfolioChanges {
        down = List.copyOf(down);
        up = List.copyOf(up);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /**
     * @param name repository
     * @param fromLevel level in the previous portfolio ({@code null}: not assessed then)
     * @param toLevel level now ({@code null}: not assessed now)
     * @param fromScore score in the previous portfolio, or {@code null}
     * @param toScore score now, or {@code null}
     */
    public record LevelChange(String name, String fromLevel, String toLevel, Integer fromScore, Integer toScore) {
    }
}
