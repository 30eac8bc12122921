package io.github.devopsassess.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
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

class LadderTest {

    private static CheckDef check(String id, String area, String level) {
        return new CheckDef(id, area, "Title " + id, Severity.HIGH, 1, true, Map.of(), "d", "r", level, null, null);
    }

    /** Two areas; "pipeline" required for managed, "owners" for defined, "tests" in no level. */
    private static Rubric rubric(Boolean ladder) {
        Map<String, AreaDef> areas = new LinkedHashMap<>();
        areas.put("delivery", new AreaDef("delivery", "Delivery", 1, "slow loop", ""));
        areas.put("access", new AreaDef("access", "Access", 1, "too much access", ""));
        Map<String, CheckDef> checks = new LinkedHashMap<>();
        checks.put("pipeline", check("pipeline", "delivery", "managed"));
        checks.put("tests", check("tests", "delivery", null));
        checks.put("owners", check("owners", "access", "defined"));
        List<LevelDef> levels = List.of(new LevelDef("initial", "Initial", 0, ""),
                new LevelDef("managed", "Managed", 40, ""), new LevelDef("defined", "Defined", 60, ""),
                new LevelDef("optimizing", "Optimizing", 90, ""));
        return new Rubric("t", areas, checks, levels, 1, ladder, Map.of(), null, List.of("t"));
    }

    private static Map<String, CheckResult> results(CheckStatus pipeline, CheckStatus tests, CheckStatus owners) {
        Map<String, CheckResult> r = new LinkedHashMap<>();
        r.put("pipeline", result("pipeline", "delivery", pipeline));
        r.put("tests", result("tests", "delivery", tests));
        r.put("owners", result("owners", "access", owners));
        return r;
    }

    private static CheckResult result(String id, String area, CheckStatus status) {
        double score = switch (status) {
            case PASS -> 1.0;
            case WARN -> 0.5;
            default -> 0.0;
        };
        return new CheckResult(id, area, status, score, 1, "s", List.of(), Map.of());
    }

    @Test
    void aLevelNeedsItsScoreAndEveryRequiredCheckAtOrBelowIt() {
        Scorer.Scores s = new Scorer(rubric(null)).score(results(CheckStatus.PASS, CheckStatus.PASS,
                CheckStatus.FAIL));
        // delivery 100, access 0 → 50: enough for managed only by score, and "owners" blocks defined anyway.
        assertThat(s.score()).isEqualTo(50);
        assertThat(s.level()).isEqualTo("managed");
        assertThat(s.nextLevel().level()).isEqualTo("defined");
        assertThat(s.nextLevel().scoreReached()).isFalse();
        assertThat(s.nextLevel().blockingChecks()).extracting(NextLevel.Blocker::check).containsExactly("owners");
    }

    @Test
    void aFailingRequiredCheckHoldsAHighScoreDownAndBlocksEveryLevelAbove() {
        Scorer.Scores s = new Scorer(rubric(null)).score(results(CheckStatus.FAIL, CheckStatus.PASS,
                CheckStatus.PASS));
        // delivery 50, access 100 → 75, which would be "defined" by score alone.
        assertThat(s.score()).isEqualTo(75);
        assertThat(s.level()).isEqualTo("initial");
        assertThat(s.nextLevel().level()).isEqualTo("managed");
        assertThat(s.nextLevel().scoreReached()).isTrue();
        assertThat(s.nextLevel().blockingChecks()).singleElement().satisfies(b -> {
            assertThat(b.check()).isEqualTo("pipeline");
            assertThat(b.title()).isEqualTo("Title pipeline");
            assertThat(b.requiredFor()).isEqualTo("managed");
            assertThat(b.status()).isEqualTo(CheckStatus.FAIL);
        });
        // The area's level counts only the area's own required checks.
        assertThat(s.areas().get(0).level()).isEqualTo("initial");
        assertThat(s.areas().get(1).level()).isEqualTo("optimizing");
    }

    @Test
    void aWarningPassesButACheckWithoutDataBlocks() {
        Scorer.Scores warn = new Scorer(rubric(null)).score(results(CheckStatus.WARN, CheckStatus.PASS,
                CheckStatus.PASS));
        assertThat(warn.level()).isEqualTo("defined");
        assertThat(warn.nextLevel().level()).isEqualTo("optimizing");
        assertThat(warn.nextLevel().blockingChecks()).isEmpty();

        Scorer.Scores missing = new Scorer(rubric(null)).score(results(CheckStatus.NOT_ASSESSED, CheckStatus.PASS,
                CheckStatus.PASS));
        assertThat(missing.score()).isEqualTo(100);
        assertThat(missing.level()).isEqualTo("initial");
        assertThat(missing.nextLevel().blockingChecks()).extracting(NextLevel.Blocker::status)
                .containsExactly(CheckStatus.NOT_ASSESSED);
    }

    @Test
    void theTopLevelHasNoNextLevel() {
        Scorer.Scores s = new Scorer(rubric(null)).score(results(CheckStatus.PASS, CheckStatus.PASS,
                CheckStatus.PASS));
        assertThat(s.level()).isEqualTo("optimizing");
        assertThat(s.nextLevel()).isNull();
    }

    @Test
    void ladderFalseKeepsThePlainScoreThresholds() {
        Scorer.Scores s = new Scorer(rubric(false)).score(results(CheckStatus.FAIL, CheckStatus.PASS,
                CheckStatus.PASS));
        assertThat(s.level()).isEqualTo("defined");
        assertThat(s.nextLevel().level()).isEqualTo("optimizing");
        assertThat(s.nextLevel().blockingChecks()).isEmpty();
        assertThat(rubric(false).ladderActive()).isFalse();
        assertThat(rubric(null).ladderActive()).isTrue();
    }

    @Test
    void withoutMarkedChecksLevelsArePlainScoreThresholds() {
        Rubric marked = rubric(null);
        Map<String, CheckDef> plain = new LinkedHashMap<>();
        marked.checks().forEach((id, c) -> plain.put(id, check(id, c.area(), null)));
        Rubric unmarked = new Rubric("t", marked.areas(), plain, marked.levels());
        assertThat(unmarked.ladderActive()).isFalse();
        Scorer.Scores s = new Scorer(unmarked).score(results(CheckStatus.FAIL, CheckStatus.PASS, CheckStatus.PASS));
        assertThat(s.level()).isEqualTo("defined");
    }
}
