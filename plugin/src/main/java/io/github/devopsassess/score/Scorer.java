package io.github.devopsassess.score;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.NextLevel;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns check results into area scores and an overall score. A check that was not assessed is left out of its
 * area rather than counted as zero (as OpenSSF Scorecard does with inconclusive checks); an area without any
 * assessed check is itself "not assessed" and left out of the overall score.
 *
 * <p>Levels: in the plain mode the level is the highest one whose minimum the score reaches. When the rubric marks
 * checks with a {@code level} (a ladder, as in Cortex or OpsLevel scorecards), a level also needs every check
 * required at or below it to pass (a warning passes; a check without data does not prove anything and blocks), and
 * levels are climbed in order: a blocked level blocks every level above it. An area's level counts only the required
 * checks of that area.
 *
 * <p>Confidence: an area measured on fewer than half of its checks is of low confidence, and its level is held at the
 * rubric's {@linkplain Rubric#lowConfidenceLevel() low-confidence level} ({@code managed}): a high score from two of
 * five checks does not prove a high level. Its score is not changed.
 */
public final class Scorer {

    /**
     * @param areas every area, in rubric order
     * @param score overall score 0–100, or {@code null} when nothing was assessed
     * @param level overall level id, or {@code null}
     * @param nextLevel what the next level needs, or {@code null} at the top or when nothing was assessed
     */
    public record Scores(List<AreaScore> areas, Integer score, String level, NextLevel nextLevel) {

        public Scores(List<AreaScore> areas, Integer score, String level) {
            this(areas, score, level, null);
        }
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
            Ladder ladder = climb(score, rubric.enabledChecks(area.id()), results);
            int measured = (int) checks.stream().filter(CheckResult::assessed).count();
            boolean low = AreaScore.lowConfidence(measured, checks.size());
            String level = ladder.reached == null ? null : ladder.reached.id();
            areas.add(new AreaScore(area.id(), area.title(), area.antiPattern(), area.weight(), true, score,
                    low ? capped(level) : level, checks, low));
            weighted += score * area.weight();
            weights += area.weight();
        }
        if (weights == 0) {
            return new Scores(areas, null, null, null);
        }
        int overall = (int) Math.round(weighted / weights);
        List<CheckDef> all = rubric.checks().values().stream().filter(CheckDef::enabled).toList();
        Ladder ladder = climb(overall, all, results);
        return new Scores(areas, overall, ladder.reached == null ? null : ladder.reached.id(), ladder.next);
    }

    /** The level, held at the rubric's low-confidence level when it is above it. */
    private String capped(String level) {
        String cap = rubric.lowConfidenceLevel();
        if (level == null || cap == null) {
            return level;
        }
        return rubric.levelRank(level) > rubric.levelRank(cap) ? cap : level;
    }

    private record Ladder(LevelDef reached, NextLevel next) {
    }

    private Ladder climb(int score, List<CheckDef> checks, Map<String, CheckResult> results) {
        boolean ladder = rubric.ladderActive();
        LevelDef reached = null;
        for (LevelDef level : rubric.levels()) {
            boolean scoreReached = score >= level.minScore();
            List<NextLevel.Blocker> blockers = ladder ? blockers(level, checks, results) : List.of();
            if (!scoreReached || !blockers.isEmpty()) {
                return new Ladder(reached, new NextLevel(level.id(), level.title(), level.minScore(), scoreReached,
                        blockers));
            }
            reached = level;
        }
        return new Ladder(reached, null);
    }

    /** Checks required at or below the level that do not pass. */
    private List<NextLevel.Blocker> blockers(LevelDef level, List<CheckDef> checks,
            Map<String, CheckResult> results) {
        int rank = rubric.levelRank(level.id());
        List<NextLevel.Blocker> blockers = new ArrayList<>();
        for (CheckDef c : checks) {
            if (c.level() == null || rubric.levelRank(c.level()) < 0 || rubric.levelRank(c.level()) > rank) {
                continue;
            }
            CheckResult r = results.get(c.id());
            CheckStatus status = r == null ? CheckStatus.NOT_ASSESSED : r.status();
            if (status != CheckStatus.PASS && status != CheckStatus.WARN) {
                blockers.add(new NextLevel.Blocker(c.id(), c.title(), c.level(), status));
            }
        }
        return blockers;
    }
}
