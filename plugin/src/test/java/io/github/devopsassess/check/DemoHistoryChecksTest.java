package io.github.devopsassess.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.testing.DemoHistory;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every history check on the demo history, whose silos and delivery figures are known by construction. */
class DemoHistoryChecksTest {

    @TempDir
    static Path dir;
    static Assessment assessment;

    @BeforeAll
    static void assess() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            DemoHistory.build(repo);
        }
        // the checks that are off by default are still tested here, switched on as a team would
        assessment = new Assessor().assess(Requests.withChecksOn(dir, "single-author-hotspots", "module-truck-factor",
                "contributor-absence")).assessment();
    }

    private static CheckResult result(String id) {
        return assessment.areas().stream().map(AreaScore::checks).flatMap(List::stream)
                .filter(c -> c.check().equals(id)).findFirst().orElseThrow();
    }

    private static List<Finding> findings(String id) {
        return assessment.findings().stream().filter(f -> f.check().equals(id)).toList();
    }

    @Test
    void truckFactorIsExposedForTheTreeAndEachModule() {
        assertThat(assessment.metrics()).containsKey("truckFactor")
                .containsEntry("truckFactor.legacy", 1).containsEntry("truckFactor.billing", 1);
        assertThat(result("module-truck-factor").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(findings("module-truck-factor")).extracting(Finding::subject).contains("legacy");
    }

    @Test
    void contributorAbsenceFindsOnePersonModules() {
        // one finding per person whose absence stops modules, the modules listed in it
        // Olga Early, who left, is knowledge-loss's finding, not a future absence
        assertThat(findings("contributor-absence")).extracting(Finding::subject)
                .containsExactly("person:Carl Founder", "person:Dana Ops");
        assertThat(findings("contributor-absence")).flatExtracting(Finding::evidence).extracting(e -> e.path())
                .contains("billing", ".github").doesNotContain("api", "legacy");
        assertThat(assessment.metrics()).containsEntry("contributorAbsenceFactor.api", 2);
    }

    @Test
    void knowledgeLossNamesTheLeaverAndTheFiles() {
        CheckResult r = result("knowledge-loss");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(findings("knowledge-loss")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("knowledge-loss");
            assertThat(f.message()).contains("Olga Early").contains("90 days").contains("legacy/ (3)");
            assertThat(f.evidence()).extracting(e -> e.path())
                    .containsExactly("legacy/Format.java", "legacy/Importer.java");
        });
    }

    @Test
    void theLedgerIsASingleAuthorHotspot() {
        assertThat(findings("single-author-hotspots")).extracting(Finding::subject).contains("billing/Ledger.java")
                .doesNotContain("api/Orders.java");
    }

    @Test
    void billingIsTheCoFoundersExemptArea() {
        // legacy/ (Olga, 11 direct commits early in the year) qualifies too; billing/ is the co-founder's
        assertThat(findings("exempt-area")).extracting(Finding::subject).containsExactly("billing", "legacy");
        assertThat(findings("exempt-area")).first().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("billing");
            assertThat(f.message()).contains("Carl Founder").contains("no review");
            assertThat(f.evidence().get(0).commit()).hasSize(40);
        });
    }

    @Test
    void danaIsTheDevopsPerson() {
        assertThat(result("devops-person").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(findings("devops-person")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("Dana Ops").contains("the DevOps person");
            assertThat(f.evidence()).extracting(e -> e.path()).contains(".github/workflows/ci.yml", "Dockerfile",
                    "infra/main.tf");
        });
    }

    @Test
    void reviewSignalsSeeMergesTrailersAndOneGatekeeper() {
        CheckResult r = result("review-signals");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(findings("review-signals")).extracting(Finding::subject).containsExactlyInAnyOrder("review",
                "mergers");
        assertThat(findings("review-signals")).anySatisfy(f -> assertThat(f.message()).contains("Maya Lead"));
    }

    @Test
    void doraMetricsComeFromTagsRevertsAndHotfixes() {
        assertThat(result("deployment-frequency").metrics()).containsEntry("deploymentsPerWeekLevel", "medium");
        assertThat(result("deployment-frequency").status()).isEqualTo(CheckStatus.WARN);
        assertThat(result("lead-time-for-changes").assessed()).isTrue();
        assertThat(result("lead-time-for-changes").metrics()).containsKey("leadTimeHours");
        CheckResult cfr = result("change-failure-rate");
        assertThat(cfr.summary()).startsWith("3 failed changes").contains("over 26 releases");
        assertThat(cfr.metrics()).containsEntry("changeFailureRateLevel", "medium");
        assertThat(findings("change-failure-rate")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).hasSize(3));
    }
}
