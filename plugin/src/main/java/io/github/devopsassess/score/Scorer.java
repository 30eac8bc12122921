package io.github.devopsassess.score;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Finding;
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
 * five checks does not prove a high level. Its score is not changed. The overall level follows the same rule: when
 * less than half of the rubric's weight was measured, it too is held at that level.
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

    /** How many fixes a path to the next level lists at most: the next steps, not a backlog. */
    public static final int MAX_FIXES = 5;

    /** @param results check results by check id */
    public Scores score(Map<String, CheckResult> results) {
        List<AreaScore> areas = new ArrayList<>();
        for (AreaDef area : rubric.areas().values()) {
            List<CheckDef> defs = rubric.enabledChecks(area.id());
            List<CheckResult> checks = defs.stream().map(c -> results.get(c.id())).filter(r -> r != null).toList();
            Integer score = areaScore(area, results);
            if (score == null) {
                areas.add(new AreaScore(area.id(), area.title(), area.antiPattern(), area.weight(), false, null, null,
                        checks, false, null));
                continue;
            }
            int measured = (int) checks.stream().filter(CheckResult::assessed).count();
            boolean low = AreaScore.lowConfidence(measured, checks.size());
            Ladder ladder = held(climb(score, defs, results), score, low);
            NextLevel next = withPath(ladder.next, defs, results, r -> areaScore(area, r));
            areas.add(new AreaScore(area.id(), area.title(), area.antiPattern(), area.weight(), true, score,
                    ladder.reached == null ? null : ladder.reached.id(), checks, low, next));
        }
        Integer overall = overall(results);
        if (overall == null) {
            return new Scores(areas, null, null, null);
        }
        List<CheckDef> all = rubric.checks().values().stream().filter(CheckDef::enabled).toList();
        // the overall level follows the areas' rule: on less than half of the rubric's weight it cannot claim more
        boolean low = AreaScore.lowConfidence(AreaScore.measuredShare(areas));
        Ladder ladder = held(climb(overall, all, results), overall, low);
        NextLevel next = withPath(ladder.next, all, results, this::overall);
        return new Scores(areas, overall, ladder.reached == null ? null : ladder.reached.id(), next);
    }

    /**
     * The ladder of a score of low confidence held at the rubric's low-confidence level: the next level is then the
     * one above it, and it needs data first (no fixes can reach it).
     */
    private Ladder held(Ladder ladder, int score, boolean low) {
        String level = ladder.reached == null ? null : ladder.reached.id();
        if (!low || java.util.Objects.equals(capped(level), level)) {
            return ladder;
        }
        int rank = rubric.levelRank(capped(level));
        LevelDef after = rubric.levels().get(rank + 1);
        return new Ladder(rubric.levels().get(rank), new NextLevel(after.id(), after.title(), after.minScore(),
                score >= after.minScore(), List.of()));
    }

    /** The weighted mean of the area's assessed checks, 0–100, or {@code null} when none had data. */
    private Integer areaScore(AreaDef area, Map<String, CheckResult> results) {
        double sum = 0;
        double w = 0;
        for (CheckDef c : rubric.enabledChecks(area.id())) {
            CheckResult r = results.get(c.id());
            if (r != null && r.assessed() && r.weight() > 0) {
                sum += r.score() * r.weight();
                w += r.weight();
            }
        }
        return w == 0 ? null : (int) Math.round(100 * sum / w);
    }

    /** The weighted mean of the assessed areas' scores, or {@code null} when no area was assessed. */
    private Integer overall(Map<String, CheckResult> results) {
        double weighted = 0;
        double weights = 0;
        for (AreaDef area : rubric.areas().values()) {
            Integer score = areaScore(area, results);
            if (score != null) {
                weighted += score * area.weight();
                weights += area.weight();
            }
        }
        return weights == 0 ? null : (int) Math.round(weighted / weights);
    }

    /**
     * The path to the next level's score: each assessed check that does not score 1.0 is worth the points the score
     * gains when it alone passes; the most valuable are taken, at most {@value #MAX_FIXES}, until together they reach
     * the level's minimum.
     */
    private NextLevel withPath(NextLevel next, List<CheckDef> checks, Map<String, CheckResult> results,
            java.util.function.Function<Map<String, CheckResult>, Integer> scoreOf) {
        if (next == null || next.scoreReached()) {
            return next;
        }
        int current = scoreOf.apply(results);
        List<NextLevel.Fix> candidates = new ArrayList<>();
        for (CheckDef c : checks) {
            CheckResult r = results.get(c.id());
            if (r == null || !r.assessed() || r.weight() <= 0 || r.score() >= 1.0) {
                continue;
            }
            int points = scoreOf.apply(passing(results, List.of(c.id()))) - current;
            if (points <= 0) {
                continue;
            }
            Finding worst = r.findings().stream().max(java.util.Comparator.comparing(Finding::severity))
                    .orElse(null);
            candidates.add(new NextLevel.Fix(c.id(), c.title(), points, r.findings().size(),
                    worst == null ? null : worst.fingerprint(), worst == null ? r.summary() : worst.message()));
        }
        // most points first; on a tie the rubric's order (stable sort)
        candidates.sort(java.util.Comparator.comparingInt(NextLevel.Fix::points).reversed());
        List<NextLevel.Fix> path = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        int reached = current;
        for (NextLevel.Fix fix : candidates) {
            if (path.size() >= MAX_FIXES || reached >= next.minScore()) {
                break;
            }
            path.add(fix);
            passed.add(fix.check());
            reached = scoreOf.apply(passing(results, passed));
        }
        return path.isEmpty() ? next : next.withFixes(path, reached);
    }

    /** The results with the given checks scoring 1.0 (passing). */
    private static Map<String, CheckResult> passing(Map<String, CheckResult> results, List<String> checks) {
        Map<String, CheckResult> copy = new java.util.HashMap<>(results);
        for (String id : checks) {
            CheckResult r = copy.get(id);
            copy.put(id, new CheckResult(r.check(), r.area(), CheckStatus.PASS, 1.0, r.weight(), r.summary(),
                    List.of(), r.metrics()));
        }
        return copy;
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
