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

/** The gate decides; the caller only logs, writes what it is handed, or fails with the message. */
class GateOutcomeTest {

    private static final Finding OLD = Finding.of("truck-factor", "knowledge-silos", Severity.HIGH, "old silo", "x",
            List.of(Evidence.line("a.yml", 3)), "fix");
    private static final Finding NEW = Finding.of("truck-factor", "knowledge-silos", Severity.HIGH, "new silo", "y",
            List.of(Evidence.line("b.yml", 4)), "fix");

    private static Assessment assessment(int score, List<Finding> findings) {
        AreaScore a = new AreaScore("knowledge-silos", "Knowledge silos", "silos", 1, true, score, "managed",
                List.of());
        return new Assessment(1, "t", new Assessment.Subject("n", "", null, null, true, null), score, "managed",
                List.of(a), findings, List.of(), Map.of());
    }

    private static GateOutcome decide(Assessment now, Baseline accepted, boolean failOnRegression, boolean ratchet) {
        return Gatekeeper.decide(new GateRequest(now, Optional.ofNullable(accepted), Waivers.Loaded.none(),
                new GateSettings(0, Severity.HIGH), "devops-baseline.json", "devops-waivers.yaml", failOnRegression,
                ratchet));
    }

    @Test
    void aFixedFindingIsOnlyReportedUnlessTheRatchetIsAskedFor() {
        Baseline accepted = Baseline.of(assessment(60, List.of(OLD)));
        GateOutcome told = decide(assessment(80, List.of()), accepted, true, false);
        assertThat(told.failure()).isEmpty();
        assertThat(told.baselineToWrite()).isEmpty();
        assertThat(told.info()).anyMatch(l -> l.contains("could be tightened")
                && l.contains("-Ddevops.ratchet=true") && l.contains("mvn devops:baseline"));

        GateOutcome tightened = decide(assessment(80, List.of()), accepted, true, true);
        assertThat(tightened.baselineToWrite()).get().satisfies(b -> {
            assertThat(b.findings()).isEmpty();
            assertThat(b.score()).isEqualTo(80);
        });
        assertThat(tightened.info()).anyMatch(l -> l.startsWith("Ratchet: tightened devops-baseline.json"));
    }

    @Test
    void aRegressionIsAFailureMessageOrAWarningWhenFailingIsOff() {
        Baseline accepted = Baseline.of(assessment(60, List.of()));
        GateOutcome failing = decide(assessment(60, List.of(NEW)), accepted, true, true);
        assertThat(failing.failure()).get().asString().contains("New high finding truck-factor: new silo [b.yml:4]")
                .contains("mvn devops:baseline").contains("devops-waivers.yaml");
        assertThat(failing.baselineToWrite()).as("a failing build tightens nothing").isEmpty();
        assertThat(failing.stepSummary()).contains("Gate failed");

        GateOutcome warned = decide(assessment(60, List.of(NEW)), accepted, false, false);
        assertThat(warned.failure()).isEmpty();
        assertThat(warned.warnings()).singleElement().asString().contains("devops.failOnRegression=false");
    }

    @Test
    void withoutABaselineItSaysHowToCreateOne() {
        GateOutcome o = decide(assessment(60, List.of(NEW)), null, true, true);
        assertThat(o.failure()).isEmpty();
        assertThat(o.baselineToWrite()).isEmpty();
        assertThat(o.info()).anyMatch(l -> l.contains("Run 'mvn devops:baseline'"));
    }
}
