package io.github.devopsassess.check.history;

import static io.github.devopsassess.testing.Results.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One root cause, one finding: a project one person carries gets one bus-factor finding, not one per folder. */
class SoleMaintainerTest {

    @Test
    void onePersonMakingNearlyEveryChangeIsSaidOnceByTruckFactor(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            // Old code by people long gone, then a year in which Ann makes 10 of the 12 changes
            repo.at("2022-01-10T10:00:00Z");
            for (int i = 0; i < 6; i++) {
                repo.write("core/Old" + i + ".java", "class Old" + i + " {}\n").commit("Old Timer", "old@example.org",
                        "core " + i);
            }
            for (int i = 0; i < 10; i++) {
                repo.at("2024-0" + (1 + i % 9) + "-1" + (i / 9) + "T10:00:00Z")
                        .write((i % 2 == 0 ? "api/Api" : "web/Web") + i + ".java", "class C" + i + " {}\n")
                        .commit("Ann Lee", "ann@example.org", "change " + i);
            }
            repo.at("2024-10-01T10:00:00Z").write("api/Bob.java", "class Bob {}\n").commit("Bob Stone",
                    "bob@example.org", "bob");
            repo.at("2024-10-02T10:00:00Z").write("web/Cid.java", "class Cid {}\n").commit("Cid Moss",
                    "cid@example.org", "cid");
        }
        Assessor.Outcome outcome = new Assessor().assess(Requests.withChecksOn(dir, "contributor-absence"));

        CheckResult truck = result(outcome, TruckFactorCheck.ID);
        assertThat(truck.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(truck.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("maintainer:Ann Lee");
            assertThat(f.message()).startsWith("One person carries the repository: Ann Lee made 10 of the 12 commits"
                    + " (83%) people made in the last 365 days");
        });
        for (String id : List.of(ContributorAbsenceCheck.ID, SingleAuthorDirectoriesCheck.ID,
                ExemptAreaCheck.ID, ReviewSignalsCheck.ID, DirectPushesCheck.ID, DevopsPersonCheck.ID)) {
            CheckResult r = result(outcome, id);
            assertThat(r.status()).as(id).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(r.summary()).as(id).contains("Ann Lee made 10 of the 12 commits")
                    .contains("the truck-factor check reports this once");
        }
        assertThat(outcome.assessment().findings()).extracting(Finding::subject).filteredOn(s -> s.contains("Ann"))
                .containsExactly("maintainer:Ann Lee");
    }

    @Test
    void threeOfFourChangesByOnePersonIsSharedWork(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int i = 0; i < 12; i++) {
                String who = i % 3 == 0 ? "Bob Stone" : "Ann Lee"; // Ann 8 of 12 (67%): below the 75% bar
                repo.at("2024-0" + (1 + i % 9) + "-1" + (i / 9) + "T10:00:00Z")
                        .write("src/F" + i + ".java", "class F" + i + " {}\n")
                        .commit(who, who.substring(0, 3).toLowerCase() + "@example.org", "change " + i);
            }
        }
        Assessor.Outcome outcome = new Assessor().assess(Requests.withChecksOn(dir, "contributor-absence"));
        assertThat(result(outcome, ContributorAbsenceCheck.ID).summary()).doesNotContain("one person carries");
        assertThat(result(outcome, TruckFactorCheck.ID).findings()).extracting(Finding::subject)
                .doesNotContain("maintainer:Ann Lee");
    }

    @Test
    void mostRecentChangesToASmallPartOfCodeOthersWroteIsNoSoleMaintainer(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2022-01-10T10:00:00Z");
            for (int i = 0; i < 30; i++) { // the code: written by two people who are gone
                String who = i % 2 == 0 ? "Old Timer" : "Early Bird";
                repo.write("core/C" + i + ".java", "class C" + i + " {}\n").commit(who,
                        who.substring(0, 3).toLowerCase() + "@example.org", "core " + i);
            }
            for (int i = 0; i < 10; i++) { // a year of small changes by Ann to three files of thirty-three
                repo.at("2024-0" + (1 + i % 9) + "-1" + (i / 9) + "T10:00:00Z")
                        .write("demo/D" + (i % 3) + ".java", "class D" + i + " {}\n")
                        .commit("Ann Lee", "ann@example.org", "demo " + i);
            }
        }
        Assessor.Outcome outcome = new Assessor().assess(Requests.withChecksOn(dir, "contributor-absence"));
        assertThat(result(outcome, TruckFactorCheck.ID).findings()).extracting(Finding::subject)
                .doesNotContain("maintainer:Ann Lee");
        assertThat(result(outcome, ContributorAbsenceCheck.ID).summary()).doesNotContain("one person carries");
    }

    @Test
    void aFewFilesHaveNoTruckFactor(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int i = 0; i < 4; i++) {
                repo.write("scripts/s" + i + ".py", "print(" + i + ")\n").commit("Ann Lee", "ann@example.org",
                        "script " + i);
            }
        }
        Assessor.Outcome outcome = new Assessor().assess(Requests.withChecksOn(dir, "contributor-absence"));
        CheckResult truck = result(outcome, TruckFactorCheck.ID);
        assertThat(truck.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(truck.summary()).contains("only 4 source files with history (fewer than 10)");
        assertThat(result(outcome, KnowledgeLossCheck.ID).summary()).contains("only 4 source files");
    }
}
