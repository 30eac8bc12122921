package io.github.devopsassess.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class GateRulesTest {

    private static final List<String> LEVELS = List.of("initial", "managed", "defined", "measured", "optimizing");

    private static Finding f(String subject) {
        return Finding.of("truck-factor", "knowledge-silos", Severity.MEDIUM, "m " + subject, subject,
                List.of(Evidence.file(subject)), "fix");
    }

    private static Assessment a(Integer score, String level, int area, List<Finding> findings) {
        return new Assessment(1, "t", new Assessment.Subject("n", "", null, null, false, null), score, level,
                List.of(new AreaScore("knowledge-silos", "Knowledge silos", "x", 1, true, area, level, List.of())),
                findings, List.of(), Map.of());
    }

    @Test
    void minimumScoreAndLevelFailWithoutABaseline() {
        GateSettings s = new GateSettings(0, Severity.HIGH, 60, "defined", LEVELS, false);
        GateResult r = new Gate(s).evaluate(a(55, "managed", 55, List.of()), Optional.empty(), List.of());
        assertThat(r.regressions()).extracting(Regression::kind).containsExactly("minimum-score", "minimum-level");
        assertThat(r.regressions().get(0).message()).contains("is 55, below the minimum of 60");
        assertThat(new Gate(s).evaluate(a(80, "measured", 80, List.of()), Optional.empty(), List.of()).passed())
                .isTrue();
    }

    @Test
    void unusedBaselineEntriesFailOnlyWhenAskedTo() {
        Baseline b = Baseline.of(a(50, "managed", 50, List.of(f("gone"), f("kept"))));
        Assessment now = a(50, "managed", 50, List.of(f("kept")));
        assertThat(new Gate(new GateSettings(0, Severity.HIGH)).compare(now, b).passed()).isTrue();
        GateResult strict = new Gate(new GateSettings(0, Severity.HIGH, null, null, LEVELS, true))
                .evaluate(now, Optional.of(b), List.of());
        assertThat(strict.regressions()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("unused-baseline");
            assertThat(r.message()).contains("m gone").contains("mvn devops:baseline");
        });
    }

    @Test
    void ratchetDropsFixedFindingsAndOnlyRaisesScores() {
        Baseline b = Baseline.of(a(50, "managed", 50, List.of(f("gone"), f("kept"))));
        Baseline tighter = Ratchet.tighten(b, a(60, "defined", 45, List.of(f("kept"))));
        assertThat(tighter.findings()).extracting(Baseline.Entry::message).containsExactly("m kept");
        assertThat(tighter.score()).isEqualTo(60);
        assertThat(tighter.areas()).containsEntry("knowledge-silos", 50);
        assertThat(Ratchet.tighten(tighter, a(60, "defined", 45, List.of(f("kept"))))).isEqualTo(tighter);
    }
}
