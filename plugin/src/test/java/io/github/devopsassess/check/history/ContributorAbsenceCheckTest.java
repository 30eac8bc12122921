package io.github.devopsassess.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContributorAbsenceCheckTest {

    @Test
    void onlyFoldersOfTheCurrentTreeAreJudged(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int i = 0; i < 6; i++) {
                repo.write("tools/gen" + i + ".py", "print(" + i + ")\n").commit("Ann Lee", "ann@example.org",
                        "tools " + i);
                String[] who = {"Ann Lee", "Bob Stone", "Cid Moss"};
                repo.write("core/Main" + i + ".java", "class Main" + i + " {}\n")
                        .commit(who[i % 3], who[i % 3].substring(0, 3).toLowerCase() + "@example.org", "core " + i);
                repo.write("api/Api" + i + ".java", "class Api" + i + " {}\n").commit("Cid Moss", "cid@example.org",
                        "api " + i);
            }
            // tools/ moves on and leaves the tree: nobody's absence stops it any more
            for (int i = 0; i < 6; i++) {
                repo.delete("tools/gen" + i + ".py");
            }
            repo.commit("Bob Stone", "bob@example.org", "drop the generator");
        }
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, "contributor-absence")).assessment();
        assertThat(a.findings()).filteredOn(f -> f.check().equals("contributor-absence"))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("person:Cid Moss");
                    assertThat(f.message()).contains("made most of the commits to 1 active module: api/");
                    assertThat(f.evidence()).extracting(e -> e.path()).containsExactly("api");
                });
        assertThat(a.metrics()).containsEntry("contributorAbsenceFactor.core", 2)
                .doesNotContainKey("contributorAbsenceFactor.tools");
    }

    @Test
    void aModuleSomeoneElseChangedLastStopsNobody(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int i = 0; i < 8; i++) { // Ann made most of api/'s changes ...
                repo.write("api/Api" + i + ".java", "class Api" + i + " {}\n").commit("Ann Lee", "ann@example.org",
                        "api " + i);
                repo.write("core/Core" + i + ".java", "class Core" + i + " {}\n").commit("Cid Moss",
                        "cid@example.org", "core " + i);
            }
            for (int i = 0; i < 3; i++) { // ... and Bob made its latest ones: he is current on it
                repo.append("api/Api" + i + ".java", "// bob " + i).commit("Bob Stone", "bob@example.org", "api fix");
            }
            repo.append("core/Core0.java", "// cid").commit("Cid Moss", "cid@example.org", "core fix");
        }
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, "contributor-absence")).assessment();
        assertThat(a.findings()).filteredOn(f -> f.check().equals("contributor-absence"))
                .extracting(Finding::subject).containsExactly("person:Cid Moss");
    }
}
