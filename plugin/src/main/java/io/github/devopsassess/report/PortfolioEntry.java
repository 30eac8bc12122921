package io.github.devopsassess.report;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;

import java.util.Comparator;

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

    /** A row from an assessment and, when there is one, the previous assessment of the same repository. */
    public static PortfolioEntry of(Assessment current, Assessment previous, String href) {
        AreaScore worst = current.areas().stream().filter(AreaScore::assessed)
                .min(Comparator.comparingInt(AreaScore::score).thenComparing(AreaScore::area)).orElse(null);
        return new PortfolioEntry(current.subject().name(), href, current.score(), current.level(),
                previous == null ? null : previous.score(), worst == null ? null : worst.title(),
                worst == null ? null : worst.score());
    }
}
