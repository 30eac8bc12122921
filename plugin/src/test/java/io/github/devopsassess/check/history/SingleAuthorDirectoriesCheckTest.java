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

    /** The finding names where the knowledge sits: the folder's most changed files still in the tree. */
    @Test
    void theMostChangedFilesOfTheFolderAreNamed(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            String[] people = {"Ann Lee", "Cid Moss"}; // the rest of the team works elsewhere
            for (int i = 0; i < 20; i++) {
                repo.at("2024-01-" + (10 + i) + "T10:00:00Z").write("core/C" + i + ".java", "class C" + i + " {}\n")
                        .commit(people[i % 2], people[i % 2].substring(0, 3).toLowerCase() + "@example.org", "c" + i);
            }
            for (int i = 0; i < 4; i++) { // the Helm release, changed four times
                repo.at("2024-02-1" + i + "T10:00:00Z").write("airbyte/terraform/helm.tf", "# v" + i + "\n")
                        .commit("Bob Stone", "bob@example.org", "helm " + i);
            }
            for (int i = 0; i < 3; i++) { // a file changed three times, then removed: not named
                repo.at("2024-03-1" + i + "T10:00:00Z").write("airbyte/old.sh", "echo " + i + "\n")
                        .commit("Bob Stone", "bob@example.org", "old " + i);
            }
            repo.delete("airbyte/old.sh").commit("Bob Stone", "bob@example.org", "drop old");
            for (int i = 0; i < 2; i++) {
                repo.at("2024-04-1" + i + "T10:00:00Z").write("airbyte/terraform/token.tf", "# t" + i + "\n")
                        .write("airbyte/README.md", "v" + i + "\n")
                        .commit("Bob Stone", "bob@example.org", "token " + i);
            }
            repo.write("airbyte/terraform/storage.tf", "# s\n").commit("Bob Stone", "bob@example.org", "storage");
        }
        CheckResult r = result(new Assessor().assess(Requests.withNames(dir)), SingleAuthorDirectoriesCheck.ID);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.evidence().get(0).commit()).isNotNull();
            assertThat(f.evidence().subList(1, f.evidence().size())).extracting(e -> e.path() + ": " + e.note())
                    // the README is documentation, not a source file someone must know
                    .containsExactly("airbyte/terraform/helm.tf: changed in 4 commits by Bob Stone",
                            "airbyte/terraform/token.tf: changed in 2 commits by Bob Stone",
                            "airbyte/terraform/storage.tf: changed in 1 commit by Bob Stone");
        });
    }
}
