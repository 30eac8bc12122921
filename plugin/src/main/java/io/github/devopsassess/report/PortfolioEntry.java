package io.github.devopsassess.report;

/**
 * One row of the portfolio: one assessed repository.
 *
 * @param name repository name
 * @param href relative link to the repository's own report ({@code repos/x/index.html}), or {@code null}
 * @param score overall score, or {@code null} when not assessed
 * @param level overall level id, or {@code null}
 * @param previousScore the score of the previous assessment, for the trend arrow, or {@code null}
 * @param worstArea title of the area with the lowest score, or {@code null}
 * @param worstAreaScore its score, or {@code null}
 */
public record PortfolioEntry(String name, String href, Integer score, String level, Integer previousScore,
        String worstArea, Integer worstAreaScore) {
}
