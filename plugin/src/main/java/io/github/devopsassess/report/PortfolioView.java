package io.github.devopsassess.report;

import io.github.devopsassess.model.PortfolioChanges;

import java.util.List;

/**
 * What the portfolio page shows: its rows, how each area scores across them, and what changed since the previous
 * portfolio. The portfolio package computes it; the page only lays it out.
 *
 * @param entries one per repository
 * @param areas each area's spread across the repositories that assessed it, weakest first
 * @param changes what changed since the previous portfolio, or {@code null} when there was none
 */
public record PortfolioView(List<PortfolioEntry> entries, List<AreaSpread> areas, PortfolioChanges changes) {

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
}
