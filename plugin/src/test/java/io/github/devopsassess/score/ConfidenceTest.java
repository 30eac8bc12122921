package io.github.devopsassess.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An area measured on fewer than half of its checks is of low confidence and cannot show a level above managed. */
class ConfidenceTest {

    private static final List<LevelDef> LEVELS = List.of(new LevelDef("initial", "Initial", 0, ""),
            new LevelDef("managed", "Managed", 40, ""), new LevelDef("defined", "Defined", 60, ""),
            new LevelDef("measured", "Measured", 75, ""), new LevelDef("optimizing", "Optimizing", 90, ""));

    /** Delivery with five checks d1..d5, access with two checks a1, a2. */
    private static Rubric rubric(List<LevelDef> levels) {
        Map<String, AreaDef> areas = new LinkedHashMap<>();
        areas.put("delivery", new AreaDef("delivery", "Delivery", 2, "slow loop", ""));
        areas.put("access", new AreaDef("access", "Access", 1, "too much access", ""));
        Map<String, CheckDef> checks = new LinkedHashMap<>();
        for (String id : List.of("d1", "d2", "d3", "d4", "d5")) {
            checks.put(id, new CheckDef(id, "delivery", "Title " + id, Severity.HIGH, 1, true, Map.of(), "d", "r",
                    null, null, null));
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
            Double s = scores.get(c.id());
            r.put(c.id(), s == null ? CheckScores.notAssessed(c, "no data for " + c.id())
                    : new CheckResult(c.id(), c.area(), CheckScores.status(s), s, 1, "s", List.of(), Map.of()));
        }
        return r;
    }

    @Test
    void twoOfFiveChecksScoringFullMarksShowManagedNotOptimizing() {
        Rubric rubric = rubric(LEVELS);
        Scorer.Scores s = new Scorer(rubric).score(results(rubric, Map.of("d1", 1.0, "d2", 1.0, "a1", 1.0,
                "a2", 0.5)));
        AreaScore delivery = s.areas().get(0);
        assertThat(delivery.score()).isEqualTo(100); // the score stays what was measured
        assertThat(delivery.measuredChecks()).isEqualTo(2);
        assertThat(delivery.lowConfidence()).isTrue();
        assertThat(delivery.level()).isEqualTo("managed");
        AreaScore access = s.areas().get(1);
        assertThat(access.lowConfidence()).isFalse();
        assertThat(access.score()).isEqualTo(75);
        assertThat(access.level()).isEqualTo("measured");
    }

    @Test
    void aLowLevelIsNotRaisedAndHalfTheChecksIsEnough() {
        Rubric rubric = rubric(LEVELS);
        Scorer.Scores low = new Scorer(rubric).score(results(rubric, Map.of("d1", 0.0, "d2", 0.5)));
        assertThat(low.areas().get(0).lowConfidence()).isTrue();
        assertThat(low.areas().get(0).level()).isEqualTo("initial");
        // one of two access checks is half: not fewer than half, so not of low confidence
        Scorer.Scores half = new Scorer(rubric).score(results(rubric, Map.of("a1", 1.0)));
        assertThat(half.areas().get(1).lowConfidence()).isFalse();
        assertThat(half.areas().get(1).level()).isEqualTo("optimizing");
        assertThat(half.areas().get(0).assessed()).isFalse();
        assertThat(half.areas().get(0).lowConfidence()).isFalse(); // not assessed at all is not "low confidence"
    }

    @Test
    void aRubricWithoutManagedHoldsTheAreaAtItsSecondLevel() {
        Rubric rubric = rubric(List.of(new LevelDef("bronze", "Bronze", 0, ""), new LevelDef("silver", "Silver", 50,
                ""), new LevelDef("gold", "Gold", 80, "")));
        assertThat(rubric.lowConfidenceLevel()).isEqualTo("silver");
        Scorer.Scores s = new Scorer(rubric).score(results(rubric, Map.of("d1", 1.0)));
        assertThat(s.areas().get(0).level()).isEqualTo("silver");
    }

    @Test
    void theOverallScoreSaysWhichShareOfTheRubricItRestsOn() {
        Rubric rubric = rubric(LEVELS);
        Scorer.Scores s = new Scorer(rubric).score(results(rubric, Map.of("d1", 1.0, "d2", 1.0, "a1", 1.0,
                "a2", 0.5)));
        var assessment = new io.github.devopsassess.model.Assessment(1, "t", null, s.score(), s.level(), s.areas(),
                List.of(), List.of(), Map.of());
        // delivery: weight 2, 2 of 5 equal checks; access: weight 1, both checks → (2 × 0.4 + 1 × 1) / 3
        assertThat(assessment.measuredShare()).isCloseTo((2 * 0.4 + 1) / 3, org.assertj.core.data.Offset.offset(
                1e-9));
        assertThat(s.areas().get(0).checks()).extracting(CheckResult::status).filteredOn(
                st -> st == CheckStatus.NOT_ASSESSED).hasSize(3);
    }

    @Test
    void theOverallLevelOnLessThanHalfOfTheRubricIsHeldAtManagedLikeAnAreas() {
        Rubric rubric = rubric(LEVELS);
        // delivery (weight 2) on 1 of 5 checks, access (weight 1) on 1 of 2: (2 × 0.2 + 1 × 0.5) / 3 = 0.3
        Scorer.Scores s = new Scorer(rubric).score(results(rubric, Map.of("d1", 1.0, "a1", 1.0)));
        assertThat(AreaScore.measuredShare(s.areas())).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.score()).isEqualTo(100); // the score stays what was measured
        assertThat(s.level()).isEqualTo("managed");
        assertThat(s.nextLevel().level()).isEqualTo("defined");
        assertThat(s.nextLevel().scoreReached()).isTrue();
        assertThat(s.nextLevel().fixes()).as("no fix lifts a level held for want of data").isEmpty();
        var assessment = new io.github.devopsassess.model.Assessment(1, "t", null, s.score(), s.level(), s.areas(),
                List.of(), List.of(), Map.of());
        assertThat(assessment.lowConfidence()).isTrue();
    }

    @Test
    void theOverallLevelOnHalfOfTheRubricOrMoreIsNotHeld() {
        Rubric rubric = rubric(LEVELS);
        // delivery on all five checks, access on none: 2 / 3 of the rubric's weight
        Scorer.Scores s = new Scorer(rubric).score(results(rubric, Map.of("d1", 1.0, "d2", 1.0, "d3", 1.0,
                "d4", 1.0, "d5", 1.0)));
        assertThat(AreaScore.measuredShare(s.areas())).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.level()).isEqualTo("optimizing");
        assertThat(new io.github.devopsassess.model.Assessment(1, "t", null, s.score(), s.level(), s.areas(),
                List.of(), List.of(), Map.of()).lowConfidence()).isFalse();
        // a low overall level is not raised by the hold
        Scorer.Scores low = new Scorer(rubric).score(results(rubric, Map.of("d1", 0.0, "a1", 0.0)));
        assertThat(low.level()).isEqualTo("initial");
    }
}
