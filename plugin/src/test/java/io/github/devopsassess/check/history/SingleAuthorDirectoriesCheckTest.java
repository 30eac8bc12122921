package io.github.devopsassess.check.history;

import static io.github.devopsassess.testing.Results.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder only one person ever changed is knowledge that leaves with them, once it holds real work: a folder
 * changed a handful of times, or tool configuration such as {@code .husky/}, is not (both labelled trivial on real
 * repositories).
 */
class SingleAuthorDirectoriesCheckTest {

    @Test
    void onlyFoldersWithRealWorkByOnePersonAreReported(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            String[] people = {"Ann Lee", "Bob Stone", "Cid Moss"};
            for (int i = 0; i < 12; i++) {
                String who = people[i % 3];
                repo.at("2024-0" + (1 + i % 9) + "-0" + (1 + i / 9) + "T10:00:00Z")
                        .write("core/C" + i + ".java", "class C" + i + " {}\n")
                        .commit(who, who.substring(0, 3).toLowerCase() + "@example.org", "core " + i);
            }
            for (int i = 0; i < 10; i++) { // 10 commits by Bob alone: what only he knows
                repo.at("2024-0" + (1 + i % 9) + "-1" + (i / 9) + "T10:00:00Z")
                        .write("airbyte/job" + i + ".py", "print(" + i + ")\n")
                        .commit("Bob Stone", "bob@example.org", "airbyte " + i);
            }
            for (int i = 0; i < 4; i++) { // 4 commits by Cid alone: too little to lose
                repo.at("2024-0" + (1 + i) + "-2" + "0T10:00:00Z")
                        .write("generator/gen" + i + ".py", "print(" + i + ")\n")
                        .commit("Cid Moss", "cid@example.org", "generator " + i);
            }
            for (int i = 0; i < 11; i++) { // git hooks by Ann alone: tool configuration
                repo.at("2024-0" + (1 + i % 9) + "-2" + (1 + i / 9) + "T10:00:00Z")
                        .write(".husky/pre-commit" + i + ".sh", "npm test " + i + "\n")
                        .commit("Ann Lee", "ann@example.org", "hook " + i);
            }
        }
        CheckResult r = result(new Assessor().assess(Requests.withNames(dir)), SingleAuthorDirectoriesCheck.ID);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("airbyte");
        assertThat(r.findings().get(0).message()).isEqualTo("Only Bob Stone has ever changed airbyte/ (10 commits):"
                + " nobody else knows this part of the code.");
        assertThat(r.summary()).isEqualTo("1 of 2 top-level folders has a single author");
    }
}
