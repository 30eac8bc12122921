package io.github.devopsassess.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WaiversTest {

    /** The file of the issue, verbatim: an expiry date in the past, an owner with "@", a catch-all match. */
    static final String ISSUE_FILE = """
            waivers:
              - check: "*"
                path: "**"
                reason: accepted-risk
                owner: "@someone"
                expires: 2020-01-01
            """;

    private static Finding finding(String check, String path, Severity s) {
        return Finding.of(check, "access-control", s, check + " at " + path, path, List.of(Evidence.line(path, 1)),
                "fix");
    }

    private static Assessment assessment(List<Finding> findings, String date) {
        AreaScore area = new AreaScore("access-control", "Access control", "x", 1, true, 40, "managed", List.of());
        return new Assessment(1, "t", new Assessment.Subject("n", "", null, null, false, date), 40, "managed",
                List.of(area), findings, List.of(), Map.of());
    }

    @Test
    void theIssueFileParsesAndItsExpiredWaiverFailsTheGateNamingTheOwner() {
        Waivers.Loaded loaded = Waivers.parse("devops-waivers.yaml", ISSUE_FILE);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.entries()).singleElement().satisfies(e -> {
            assertThat(e.expires()).isEqualTo(LocalDate.of(2020, 1, 1));
            assertThat(e.owner()).isEqualTo("@someone");
            assertThat(e.source()).isEqualTo("devops-waivers.yaml:2");
        });
        Assessment a = Gatekeeper.applyWaivers(assessment(List.of(finding("x", "a.yml", Severity.LOW)),
                "2026-03-01T10:00:00Z"), loaded);
        assertThat(a.findings().get(0).waived()).as("an expired waiver applies to nothing").isFalse();
        GateResult r = Gatekeeper.judge(a, Optional.empty(), loaded, new GateSettings(0, Severity.HIGH));
        assertThat(r.passed()).isFalse();
        assertThat(r.regressions()).singleElement().satisfies(reg -> assertThat(reg.message())
                .contains("@someone").contains("expired on 2020-01-01").contains("devops-waivers.yaml:2"));
    }

    @Test
    void aValidWaiverIsShownAsWaivedAndKeepsTheGateGreen() {
        Waivers.Loaded loaded = Waivers.parse("w.yaml", """
                waivers:
                  - check: unprotected-branch
                    path: ".github/**"
                    reason: not-applicable
                    owner: "@platform-team"
                    expires: 2027-06-30
                """);
        Finding matching = finding("unprotected-branch", ".github/settings.yml", Severity.CRITICAL);
        Finding other = finding("unprotected-branch", "infra/main.tf", Severity.LOW);
        Assessment a = Gatekeeper.applyWaivers(assessment(List.of(matching, other), "2026-11-01T00:00:00Z"), loaded);
        assertThat(a.findings().get(0).waiver()).isNotNull().extracting(w -> w.owner()).isEqualTo("@platform-team");
        assertThat(a.findings().get(1).waived()).isFalse();
        Baseline empty = new Baseline(1, 40, Map.of("access-control", 60), List.of());
        GateResult r = Gatekeeper.judge(a, Optional.of(empty), loaded, new GateSettings(0, Severity.HIGH));
        assertThat(r.regressions()).extracting(Regression::kind).containsExactly("area");
        Assessment onlyWaived = Gatekeeper.applyWaivers(assessment(List.of(matching), "2026-11-01T00:00:00Z"),
                loaded);
        assertThat(Gatekeeper.judge(onlyWaived, Optional.of(empty), loaded, new GateSettings(0, Severity.HIGH))
                .passed()).as("a drop explained only by waived findings is accepted").isTrue();
    }

    @Test
    void invalidEntriesAreReportedWithLinesAndIgnored() {
        Waivers.Loaded loaded = Waivers.parse("w.yaml", """
                waivers:
                  - check: x
                    reason: because
                    owner: "@a"
                    expires: 2030-01-01
                  - fingerprint: 0123456789abcdef
                    reason: false-positive
                    expires: soon
                  - check: y
                    reason: accepted-risk
                    owner: "@b"
                    expires: 2030-01-01
                    colour: red
                """);
        assertThat(loaded.entries()).isEmpty();
        assertThat(loaded.problems()).extracting(p -> p.line()).containsExactly(3, 6, 8, 13);
        assertThat(loaded.problems().get(0).message()).contains("accepted-risk, not-applicable, false-positive");
        assertThat(loaded.problems().get(1).message()).contains("'owner' is required");
    }
}
