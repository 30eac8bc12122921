package io.github.devopsassess.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.facts.postmortem.BlameTerm;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.Results;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlamingCommitMessagesCheckTest {

    private static final Set<String> PEOPLE = Set.of("bob", "ann", "cid", "bstone");

    private static String term(String subject) {
        Map<BlameTerm, Pattern> lexicon = new LinkedHashMap<>();
        BlameTerm.commitTerms().forEach(t -> lexicon.put(t, t.pattern()));
        BlameTerm t = BlamingCommitMessagesCheck.blaming(BlamingCommitMessagesCheck.judged(subject), lexicon, PEOPLE);
        return t == null ? null : t.phrase();
    }

    @Test
    void subjectsThatBlameAPersonAreRecognised() {
        assertThat(term("Revert Bob's broken change to the ingress")).isEqualTo("broken");
        assertThat(term("Fix the mess made by @bstone in the helm values")).isEqualTo("mess");
        assertThat(term("who broke the staging deploy again?")).isEqualTo("who broke");
        assertThat(term("Undo incompetent rewrite of the scheduler")).isEqualTo("incompetent");
        assertThat(term("Remove the idiot's hard-coded token")).isEqualTo("idiot");
        assertThat(term("fix stupid bug someone left in the cron job")).isEqualTo("stupid");
        assertThat(term("Careless merge by Ann broke prod, reverting")).isEqualTo("careless");
    }

    @Test
    void technicalUsesAndRemarksAboutCodeAreNotBlame() {
        assertThat(term("Add .git-blame-ignore-revs so git blame skips the reformat")).isNull();
        assertThat(term("ci: exclude TestMutexedOperation for segfaulting")).isNull();
        assertThat(term("Improve fault tolerance of the queue consumer")).isNull();
        assertThat(term("Kill stale runner processes before the build")).isNull();
        assertThat(term("Add dummy data for the demo tenant")).isNull();
        assertThat(term("Fix broken link in docs")).isNull();
        assertThat(term("Remove stupid workaround for old Jackson")).isNull();
        assertThat(term("Clean up message formatting")).isNull();
        assertThat(term("Add a release note that should have been in !3073.")).isNull();
        assertThat(term("Show a user error when the token failed to parse")).isNull();
        assertThat(term("Fix broken @types/node typings")).isNull();
        // the quoted subject of a revert is the reverted commit's, judged as that commit
        assertThat(term("Revert \"Fix the mess made by @bstone\"")).isNull();
    }

    @Test
    void oneFindingListsTheBlamingCommitsOfTheLastYearWithPseudonymisedAuthors(@TempDir Path dir) throws Exception {
        RevCommit blaming;
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-01-10T10:00:00Z").write("app/Main.java", "class Main {}\n")
                    .commit("Bob Stone", "bstone@example.org", "Initial import");
            // older than a year before the last commit: outside the window
            repo.at("2024-02-01T10:00:00Z").append("app/Main.java", "// a")
                    .commit("Cid Moss", "cid@example.org", "who broke the build?");
            repo.at("2025-03-01T10:00:00Z").append("app/Main.java", "// b")
                    .commit("Bob Stone", "bstone@example.org", "Add the health endpoint");
            blaming = repo.at("2025-03-02T10:00:00Z").append("app/Main.java", "// c")
                    .commit("Ann Lee", "ann@example.org", "Revert Bob's broken change to the health endpoint");
            repo.at("2025-03-03T10:00:00Z").append("app/Main.java", "// d")
                    .commit("Cid Moss", "cid@example.org", "Use git blame ignore revs for the reformat");
        }
        Path rubric = Files.createTempFile(dir.getParent(), "rubric", ".yaml");
        Files.writeString(rubric, "version: 1\nextends: default\nchecks:\n  blaming-commit-messages: { enabled: true }\n");
        Assessment a = new Assessor().assess(Requests.of(dir).withRubric(rubric)).assessment();
        assertThat(a.findings()).filteredOn(f -> f.check().equals("blaming-commit-messages")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).startsWith("1 commit subject of the last 365 days blame")
                            .contains(blaming.getName().substring(0, 9) + " (2025-03-02)")
                            .doesNotContain("who broke");
                    assertThat(f.evidence()).extracting(Evidence::commit).containsExactly(blaming.getName());
                    assertThat(f.evidence().get(0).note()).startsWith("2025-03-02, contributor-")
                            .doesNotContain("Ann Lee").doesNotContain("Bob Stone");
                });
    }

    @Test
    void aHistoryWithoutBlameIsClean(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2025-03-01T10:00:00Z").write("app/Main.java", "class Main {}\n")
                    .commit("Bob Stone", "bstone@example.org", "Initial import");
            repo.at("2025-03-02T10:00:00Z").append("app/Main.java", "// b")
                    .commit("Ann Lee", "ann@example.org", "Fix broken link and kill stale processes");
        }
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, "blaming-commit-messages")).assessment();
        assertThat(a.findings()).noneMatch(f -> f.check().equals("blaming-commit-messages"));
        assertThat(Results.result(a, "blaming-commit-messages").summary()).startsWith("0 of 2 commit subjects");
    }
}
