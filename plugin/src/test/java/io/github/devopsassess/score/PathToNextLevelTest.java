package io.github.devopsassess.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.NextLevel;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The path to the next level: the fixes worth the most points, until together they reach the level. */
class PathToNextLevelTest {

    private static Rubric rubric(List<LevelDef> levels, int deliveryChecks) {
        Map<String, AreaDef> areas = new LinkedHashMap<>();
        areas.put("delivery", new AreaDef("delivery", "Delivery", 2, "slow loop", ""));
        areas.put("access", new AreaDef("access", "Access", 1, "too much access", ""));
        Map<String, CheckDef> checks = new LinkedHashMap<>();
        for (int i = 1; i <= deliveryChecks; i++) {
            checks.put("d" + i, new CheckDef("d" + i, "delivery", "Title d" + i, Severity.HIGH, 1, true, Map.of(),
                    "d", "r", null, null, null));
        }
        for (String id : List.of("a1", "a2")) {
            checks.put(id, new CheckDef(id, "access", "Title " + id, Severity.HIGH, 1, true, Map.of(), "d", "r",
                    null, null, null));
        }
        return new Rubric("t", areas, checks, levels);
    }

    private static Map<String, CheckResult> results(Rubric rubric, Map<String, Double> scores) {
        Map<String, CheckResult> r = new LinkedHashMap<>();
        for (CheckDef c : rubric.checks().values()) {
            double s = scores.getOrDefault(c.id(), 1.0);
            List<Finding> findings = s >= 1 ? List.of() : List.of(
                    Finding.of(c.id(), c.area(), Severity.MEDIUM, "minor " + c.id(), c.id() + "-minor",
                            List.of(Evidence.file("m")), "fix"),
                    Finding.of(c.id(), c.area(), Severity.HIGH, "worst " + c.id(), c.id() + "-worst",
                            List.of(Evidence.file("w")), "fix"));
            r.put(c.id(), new CheckResult(c.id(), c.area(), CheckScores.status(s), s, 1, "summary " + c.id(), findings,
                    Map.of()));
        }
        return r;
    }

    /** The overall score of the results, as the scorer computes it. */
    private static int overall(Rubric rubric, Map<String, CheckResult> results) {
        return new Scorer(rubric).score(results).score();
    }

    @Test
    void eachFixIsWorthThePointsTheScoreGainsWhenItAlonePasses() {
        Rubric rubric = rubric(List.of(new LevelDef("initial", "Initial", 0, ""),
                new LevelDef("managed", "Managed", 40, ""), new LevelDef("defined", "Defined", 60, "")), 5);
        Map<String, CheckResult> results = results(rubric, Map.of("d1", 0.0, "d2", 0.0, "d3", 0.0, "d4", 0.0,
                "a1", 0.0));
        Scorer.Scores s = new Scorer(rubric).score(results);
        // delivery 20 (weight 2), access 50 (weight 1) → 30, initial; managed needs 40
        assertThat(s.score()).isEqualTo(30);
        NextLevel next = s.nextLevel();
        assertThat(next.level()).isEqualTo("managed");
        // a1 passing lifts access to 100: (40 + 100) / 3 = 47, enough on its own
        assertThat(next.fixes()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("a1");
            assertThat(f.points()).isEqualTo(47 - 30);
            assertThat(f.findings()).isEqualTo(2);
            assertThat(f.closes()).isEqualTo("worst a1");
            assertThat(f.fingerprint()).isEqualTo(Finding.fingerprint("a1", "a1-worst"));
        });
        assertThat(next.scoreWithFixes()).isEqualTo(47);
        // the area's own path: delivery 20 → managed (40) needs one of its four failing checks, +20 each; the
        // first in rubric order on a tie
        NextLevel delivery = s.areas().get(0).nextLevel();
        assertThat(delivery.fixes()).extracting(NextLevel.Fix::check).containsExactly("d1");
        assertThat(delivery.fixes()).extracting(NextLevel.Fix::points).containsExactly(20);
        assertThat(delivery.scoreWithFixes()).isEqualTo(40);
    }

    @Test
    void fixesAreOrderedByPointsAndEachPointsValueIsTheRecomputedScore() {
        Rubric rubric = rubric(List.of(new LevelDef("initial", "Initial", 0, ""),
                new LevelDef("gold", "Gold", 95, "")), 5);
        Map<String, CheckResult> results = results(rubric, Map.of("d1", 0.0, "d2", 0.5, "a1", 0.0, "a2", 0.75));
        Scorer.Scores s = new Scorer(rubric).score(results);
        List<NextLevel.Fix> fixes = s.nextLevel().fixes();
        // delivery 70, access 38 → 59. a1 +17, d1 +14, d2 +7, a2 +4; a1, d1 and d2 together reach 96, a2 is not
        // needed for 95
        assertThat(fixes).extracting(NextLevel.Fix::check).containsExactly("a1", "d1", "d2");
        for (int i = 1; i < fixes.size(); i++) {
            assertThat(fixes.get(i).points()).isLessThanOrEqualTo(fixes.get(i - 1).points());
        }
        for (NextLevel.Fix f : fixes) {
            Map<String, CheckResult> fixed = new LinkedHashMap<>(results);
            CheckResult r = results.get(f.check());
            fixed.put(f.check(), new CheckResult(r.check(), r.area(), CheckScores.status(1), 1, 1, "", List.of(),
                    Map.of()));
            assertThat(f.points()).as(f.check()).isEqualTo(overall(rubric, fixed) - s.score());
        }
        Map<String, CheckResult> all = new LinkedHashMap<>(results);
        for (String id : List.of("a1", "d1", "d2")) {
            all.put(id, new CheckResult(id, results.get(id).area(), CheckScores.status(1), 1, 1, "", List.of(),
                    Map.of()));
        }
        assertThat(s.nextLevel().scoreWithFixes()).isEqualTo(overall(rubric, all)).isGreaterThanOrEqualTo(95);
        // the area's path: access 38 → a1 (+50) gives 88, a2 then 100
        assertThat(s.areas().get(1).nextLevel().fixes()).extracting(NextLevel.Fix::check).containsExactly("a1",
                "a2");
    }

    @Test
    void atMostFiveFixesAreListedEvenWhenTheLevelNeedsMore() {
        Rubric rubric = rubric(List.of(new LevelDef("initial", "Initial", 0, ""),
                new LevelDef("gold", "Gold", 80, "")), 10);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            scores.put("d" + i, 0.0);
        }
        Scorer.Scores s = new Scorer(rubric).score(results(rubric, scores));
        NextLevel delivery = s.areas().get(0).nextLevel();
        assertThat(delivery.fixes()).hasSize(Scorer.MAX_FIXES);
        assertThat(delivery.scoreWithFixes()).isEqualTo(50).isLessThan(delivery.minScore());
    }

    @Test
    void aReachedScoreOrTheTopLevelHasNoPath() {
        Rubric rubric = rubric(List.of(new LevelDef("initial", "Initial", 0, ""),
                new LevelDef("gold", "Gold", 50, "")), 2);
        Scorer.Scores s = new Scorer(rubric).score(results(rubric, Map.of("d1", 0.0)));
        assertThat(s.nextLevel()).isNull(); // 67: gold, the top
        assertThat(s.areas().get(0).nextLevel()).isNull(); // delivery 50: gold
        assertThat(s.areas().get(1).nextLevel()).isNull();
    }
}
