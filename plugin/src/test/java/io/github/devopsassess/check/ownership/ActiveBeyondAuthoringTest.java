package io.github.devopsassess.check.ownership;

import static io.github.devopsassess.testing.Results.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.history.KnowledgeLossCheck;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person is active on the days they author, merge, commit others' changes or review them in a trailer: an owner who
 * now only reviews (GitLab's "Reviewed-by:" on the merge a robot commits) is no stale owner and no lost knowledge;
 * one who does none of these is.
 */
class ActiveBeyondAuthoringTest {

    /** Dave writes the code and half a year later, when {@code reviews}, only reviews a merge; Carl left. */
    private static Assessor.Outcome history(Path dir, boolean reviews) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-01-02T09:00:00Z");
            repo.write(".gitlab/CODEOWNERS", "* dave.thompson@kitware.example\n/lib/ carl.ng@kitware.example\n")
                    .commit("Ann Lee", "ann.lee@kitware.example", "owners");
            StringBuilder big = new StringBuilder("class Parser {\n");
            big.append("  int field;\n".repeat(80)).append("}\n");
            repo.write("src/Parser.cxx", big.toString());
            for (int i = 0; i < 6; i++) {
                repo.write("src/Small" + i + ".cxx", "int f" + i + "();\n");
            }
            repo.write(".yamllint", "extends: default\nrules:\n" + "  line-length: disable\n".repeat(30))
                    .write("Makefile", "all:\n\tmake -C src\n")
                    .commit("Dave Thompson", "dave.thompson@kitware.example", "parser");
            repo.write("lib/Util.cxx", "int util();\n").write("lib/More.cxx", "int more();\n")
                    .commit("Carl Ng", "carl.ng@kitware.example", "lib");
            // half a year later Dave commits nothing, but reviews a merge the robot commits
            repo.at("2024-07-01T09:00:00Z");
            repo.branch("topic").write("app/Main.cxx", "int main();\n")
                    .commit("Ben Boe", "ben.boe@kitware.example", "main");
            repo.checkout("main");
            repo.merge("topic", "Kitware Robot", "kwrobot@kitware.example", "Merge topic 'main'\n\n"
                    + "abc1234 main\n\n"
                    + "Acked-by: Kitware Robot <kwrobot@kitware.example>\n"
                    + (reviews ? "Reviewed-by: Dave Thompson <dave.thompson@kitware.example>\n" : "")
                    + "Merge-request: !42\n");
            return new Assessor().assess(Requests.withNames(dir));
        }
    }

    @Test
    void aReviewerNamedInTrailersIsActive(@TempDir Path dir) throws Exception {
        Assessor.Outcome outcome = history(dir, true);

        CheckResult stale = result(outcome, StaleOwnersCheck.ID);
        assertThat(stale.findings()).extracting(Finding::message).singleElement().satisfies(m -> assertThat(m)
                .startsWith("Carl Ng owns paths in .gitlab/CODEOWNERS but last committed or merged on 2024-01-02"));

        // Dave's files are not lost: he reviews; Carl's are (and Ann's CODEOWNERS)
        CheckResult lost = result(outcome, KnowledgeLossCheck.ID);
        assertThat(lost.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("3 source files were written mainly by people inactive")
                    .contains("Carl Ng").doesNotContain("Dave Thompson");
            assertThat(f.evidence()).extracting(Evidence::path)
                    .containsExactly("lib/More.cxx", "lib/Util.cxx", ".gitlab/CODEOWNERS");
        });
    }

    @Test
    void withoutHisReviewsTheOwnerIsStaleAndTheKnowledgeLossShowsHisCodeBeforeHisSettings(@TempDir Path dir)
            throws Exception {
        Assessor.Outcome outcome = history(dir, false);
        assertThat(result(outcome, StaleOwnersCheck.ID).findings()).hasSize(2);
        CheckResult lost = result(outcome, KnowledgeLossCheck.ID);
        assertThat(lost.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("Dave Thompson").contains("Carl Ng");
            java.util.List<String> places = f.evidence().stream().map(Evidence::path).toList();
            // the module that lost most first, its weightiest file first; a settings dotfile after a Makefile
            assertThat(places.get(0)).isEqualTo("src/Parser.cxx");
            assertThat(places).containsSubsequence("Makefile", ".yamllint");
        });
    }
}
