package io.github.devopsassess.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {

    private static Finding finding(Severity s, String subject) {
        return Finding.of("truck-factor", "knowledge-silos", s, "msg " + subject, subject,
                List.of(Evidence.line("a/b.yml", 3)), "fix it");
    }

    private static Assessment assessment(int score, int area, List<Finding> findings) {
        AreaScore a = new AreaScore("knowledge-silos", "Knowledge silos", "silos", 1, true, area, "managed",
                List.of());
        return new Assessment(1, "t", new Assessment.Subject("n", "", null, null, true, null), score, "managed",
                List.of(a), findings, List.of(), Map.of());
    }

    private final Gate gate = new Gate(new GateSettings(2, Severity.HIGH));

    @Test
    void passesWithinToleranceAndWithAcceptedFindings() {
        Finding f = finding(Severity.CRITICAL, "x");
        Baseline b = Baseline.of(assessment(70, 60, List.of(f)));
        GateResult r = gate.compare(assessment(68, 58, List.of(f, finding(Severity.MEDIUM, "new"))), b);
        assertThat(r.passed()).isTrue();
        assertThat(r.newFindings()).isEqualTo(1);
    }

    @Test
    void failsOnScoreDropsAndNewSevereFindingsWithEvidence() {
        Baseline b = Baseline.of(assessment(70, 60, List.of()));
        GateResult r = gate.compare(assessment(67, 50, List.of(finding(Severity.HIGH, "y"))), b);
        assertThat(r.regressions()).extracting(Regression::kind).containsExactly("score", "area", "finding");
        assertThat(r.regressions().get(0).message()).contains("from 70 to 67");
        assertThat(r.regressions().get(2).message()).contains("New high finding").contains("[a/b.yml:3]");
    }

    @Test
    void fingerprintsIgnoreLinesSoMovedCodeIsNotNew() {
        Finding moved = Finding.of("truck-factor", "knowledge-silos", Severity.HIGH, "m", "x",
                List.of(Evidence.line("a/b.yml", 99)), "fix");
        Baseline b = Baseline.of(assessment(70, 60, List.of(finding(Severity.HIGH, "x"))));
        assertThat(gate.compare(assessment(70, 60, List.of(moved)), b).passed()).isTrue();
    }

    @Test
    void fixedFindingsAreReported() {
        Baseline b = Baseline.of(assessment(70, 60, List.of(finding(Severity.HIGH, "gone"))));
        assertThat(gate.compare(assessment(75, 65, List.of()), b).fixed()).extracting(Baseline.Entry::message)
                .containsExactly("msg gone");
    }

    @Test
    void baselineFileIsStableAndBackedUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("devops-baseline.json");
        Baseline b = Baseline.of(assessment(70, 60, List.of(finding(Severity.HIGH, "b"), finding(Severity.LOW, "a"))));
        assertThat(BaselineStore.write(b, file)).isTrue();
        assertThat(BaselineStore.write(b, file)).isFalse();
        assertThat(BaselineStore.read(file)).contains(b);
        Baseline better = Baseline.of(assessment(80, 60, List.of()));
        assertThat(BaselineStore.write(better, file)).isTrue();
        assertThat(BaselineStore.read(dir.resolve("devops-baseline.json.bak"))).contains(b);
    }
}
