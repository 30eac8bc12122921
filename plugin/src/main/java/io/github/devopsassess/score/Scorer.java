package io.github.devopsassess.score;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns check results into area scores and an overall score. A check that was not assessed is left out of its
 * area rather than counted as zero (as OpenSSF Scorecard does with inconclusive checks); an area without any
 * assessed check is itself "not assessed" and left out of the overall score.
 */
public final class Scorer {

    /**
     * @param areas every area, in rubric order
     * @param score overall score 0–100, or {@code null} when nothing was assessed
     * @param level overall level id, or {@code null}
     */
    public record Scores(List<AreaScore> areas, Integer score, String level) {
    }

    private final Rubric rubric;

    public Scorer(Rubric rubric) {
        this.rubric = rubric;
    }

    /** @param results check results by check id */
    public Scores score(Map<String, CheckResult> results) {
        List<AreaScore> areas = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (AreaDef area : rubric.areas().values()) {
            List<CheckResult> checks = rubric.enabledChecks(area.id()).stream()
                    .map(c -> results.get(c.id())).filter(r -> r != null).toList();
            double sum = 0;
            double w = 0;
            for (CheckResult r : checks) {
                if (r.assessed() && r.weight() > 0) {
                    sum += r.score() * r.weight();
                    w += r.weight();
                }
            }
            if (w == 0) {
                areas.add(new AreaScore(area.id(), area.title(), area.antiPattern(), area.weight(), false, null, null,
                        checks));
                continue;
            }
            int score = (int) Math.round(100 * sum / w);
            areas.add(new AreaScore(area.id(), area.title(), area.antiPattern(), area.weight(), true, score,
                    level(score), checks));
            weighted += score * area.weight();
            weights += area.weight();
        }
        if (weights == 0) {
            return new Scores(areas, null, null);
        }
        int overall = (int) Math.round(weighted / weights);
        return new Scores(areas, overall, level(overall));
    }

    private String level(int score) {
        return rubric.levelFor(score).map(LevelDef::id).orElse(null);
    }
}
