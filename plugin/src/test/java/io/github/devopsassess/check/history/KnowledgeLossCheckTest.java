package io.github.devopsassess.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.Results;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLossCheckTest {

    /**
     * Ten files Gil wrote in 2021 (20 lines each), Gil long gone by 2024:
     * <ul>
     * <li>F0–F2: Bo, who also left in 2021, added 15 lines to each (43%): a second author who left holds nothing, so
     * these files are abandoned;</li>
     * <li>F3, F4: nobody else touched them: abandoned;</li>
     * <li>F5–F9: Ann and Ben, both active in 2024, added 2 lines each (8% each, 17% together): the people still here
     * hold the file together, although neither alone reaches 10%.</li>
     * </ul>
     * 5 of 10 files are abandoned.
     */
    @Test
    void filesThePeopleStillHereWroteTogetherAreNotLostAndASecondAuthorWhoLeftHoldsNothing(@TempDir Path dir)
            throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2021-02-01T10:00:00Z");
            for (int i = 0; i < 10; i++) {
                repo.write("src/F" + i + ".java", ("f" + i + "();\n").repeat(20)).commit("Gil Bam", "gil@x.org",
                        "feature " + i);
            }
            repo.at("2021-03-01T10:00:00Z");
            for (int i = 0; i < 3; i++) {
                repo.append("src/F" + i + ".java", ("bo" + i + "();\n").repeat(14) + "bo();")
                        .commit("Bo Old", "bo@x.org", "extend " + i);
            }
            repo.at("2024-05-01T10:00:00Z");
            for (int i = 5; i < 10; i++) {
                repo.append("src/F" + i + ".java", "ann();\nann2();").commit("Ann Now", "ann@x.org", "tune " + i);
                repo.append("src/F" + i + ".java", "ben();\nben2();").commit("Ben Now", "ben@x.org", "fix " + i);
            }
        }
        Assessor.Outcome outcome = new Assessor().assess(Requests.withNames(dir));
        CheckResult r = Results.result(outcome, KnowledgeLossCheck.ID);
        assertThat(r.status()).isEqualTo(CheckStatus.WARN); // half the files lost: half the score
        assertThat(r.metrics()).containsEntry("knowledgeLossShare", 0.5);
        assertThat(r.findings()).singleElement().satisfies((Finding f) -> {
            assertThat(f.message()).startsWith("5 source files were written mainly by people inactive for more than 90"
                    + " days (Gil Bam (last commit 2021-02-01)), and people still active wrote less than 10% of each;"
                    + " by module: src/ (5).");
            assertThat(f.evidence()).extracting(Evidence::path).allMatch(p -> p.matches("src/F[0-4]\\.java"));
        });
    }
}
