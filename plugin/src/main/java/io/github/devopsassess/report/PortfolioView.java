package io.github.devopsassess.report;

import java.util.List;

/**
 * What the portfolio page shows: its rows, how each area scores across them, and what changed since the previous
 * portfolio. The portfolio package computes it; the page only lays it out.
 *
 * @param entries one per repository
 * @param areas each area's spread across the repositories that assessed it, weakest first
 * @param changes what changed since the previous portfolio, or {@code null} when there was none
 */
public record PortfolioView(List<PortfolioEntry> entries, List<AreaSpread> areas, Changes changes) {

    public PortfolioView {
        entries = List.copyOf(entries);
        areas = List.copyOf(areas);
    }

    /**
     * @param area area id
     * @param title area title
     * @param repositories how many repositories assessed it
     * @param min lowest score
     * @param lowerQuartile 25th percentile
     * @param median median
     * @param upperQuartile 75th percentile
     * @param max highest score
     */
    public record AreaSpread(String area, String title, int repositories, int min, int lowerQuartile, int median,
            int upperQuartile, int max) {
    }

    /**
     * @param previousRepositories repositories in the previous portfolio
     * @param down level went down, worst first
     * @param up level went up
     * @param added new repositories
     * @param removed repositories no longer in the portfolio
     */
    public record Changes(int previousRepositories, List<LevelChange> down, List<LevelChange> up, List<String> added,
            List<String> removed) {

        public Changes {
            down = List.copyOf(down);
            up = List.copyOf(up);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    /**
     * @param name repository
     * @param fromLevel level id before, or {@code null}
     * @param toLevel level id now, or {@code null}
     * @param fromScore score before, or {@code null}
     * @param toScore score now, or {@code null}
     */
    public record LevelChange(String name, String fromLevel, String toLevel, Integer fromScore, Integer toScore) {
    }
}
