package io.github.devopsassess.check.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
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

/** approvals-beyond-reviewers on a settings.yml in Probot Settings' shape and a JGit-built history. */
class ApprovalsBeyondReviewersCheckTest {

    private static String settings(int approvals) {
        return """
                repository:
                  name: shop
                  default_branch: main
                branches:
                  - name: main
                    protection:
                      required_pull_request_reviews:
                        required_approving_review_count: %d
                        require_code_owner_reviews: true
                      required_status_checks:
                        strict: true
                        contexts: [build]
                      enforce_admins: true
                      restrictions: null
                """.formatted(approvals);
    }

    /** A repository whose last 90 days saw {@code people} people commit, and a bot. */
    private static void history(Path dir, int approvals, int people, String codeowners) {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2025-01-02T09:00:00Z").write(".github/settings.yml", settings(approvals))
                    .write("src/App.java", "class App {}\n");
            if (codeowners != null) {
                repo.write(".github/CODEOWNERS", codeowners);
            }
            repo.commit("Ann Lee", "ann@example.org", "Initial import");
            // someone who left long ago is no reviewer today
            repo.at("2025-01-03T09:00:00Z").append("src/App.java", "// old").commit("Old Timer", "old@example.org",
                    "Tidy");
            String[] names = {"Ann Lee", "Bob Stone", "Cid Moss", "Dee Park"};
            for (int i = 0; i < people; i++) {
                String email = names[i].split(" ")[0].toLowerCase() + "@example.org";
                repo.at(String.format("2025-05-%02dT10:00:00Z", 2 + i)).append("src/App.java", "// " + i)
                        .commit(names[i], email, "Change " + i + " (#" + (10 + i) + ")");
            }
            repo.at("2025-05-20T10:00:00Z").append("src/App.java", "// deps")
                    .commit("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "Bump deps");
        }
    }

    private static CheckResult assess(Path dir) throws Exception {
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, ApprovalsBeyondReviewersCheck.ID))
                .assessment();
        return Results.result(a, ApprovalsBeyondReviewersCheck.ID);
    }

    @Test
    void moreApprovalsThanTheOtherActivePeopleCanGiveIsAProblem(@TempDir Path dir) throws Exception {
        history(dir, 2, 2, null);
        CheckResult r = assess(dir);
        assertThat(r.status()).as(r.summary()).isEqualTo(CheckStatus.FAIL);
        Finding f = r.findings().get(0);
        assertThat(r.findings()).hasSize(1);
        assertThat(f.subject()).isEqualTo("approvals:main");
        // two people (the bot and the long-gone author are not counted): one approval at most
        assertThat(f.message()).isEqualTo("Problem: main needs 2 approving reviews (.github/settings.yml:5) but only"
                + " 2 people committed, merged or reviewed in the last 90 days, and an author cannot approve their own change:"
                + " a change can collect at most 1 approval, so every merge waits for someone from outside the team"
                + " or an administrator's bypass.");
        assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(".github/settings.yml", 5));
        assertThat(r.metrics()).containsEntry("activeReviewers", 2);
    }

    @Test
    void approvalsFromEveryoneElseWarnAndFewerPass(@TempDir Path dir) throws Exception {
        history(dir.resolve("all"), 2, 3, null);
        CheckResult everyone = assess(dir.resolve("all"));
        assertThat(everyone.status()).as(everyone.summary()).isEqualTo(CheckStatus.WARN);
        assertThat(everyone.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("3 people committed, merged or reviewed in the last 90 days: every change waits for everyone else"));

        history(dir.resolve("fits"), 2, 4, null);
        CheckResult fits = assess(dir.resolve("fits"));
        assertThat(fits.status()).isEqualTo(CheckStatus.PASS);
        assertThat(fits.findings()).isEmpty();
        assertThat(fits.summary()).isEqualTo("Pass: the required approvals fit the 4 people active in the last 90"
                + " days");

        // one approval among two people is what review means: not reported
        history(dir.resolve("pair"), 1, 2, null);
        assertThat(assess(dir.resolve("pair")).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void teamsInCodeownersMayReviewWithoutCommittingSoTheCountIsUnknown(@TempDir Path dir) throws Exception {
        history(dir, 3, 2, "* @acme/platform @ann\n");
        CheckResult r = assess(dir);
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).isEqualTo("unknown, because CODEOWNERS names 1 team (@acme/platform) whose members may"
                + " review without committing, so git cannot count the reviewers");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void withoutProtectionAsCodeItSaysWhyItCannotTell(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2025-05-02T09:00:00Z").write("src/App.java", "class App {}\n")
                    .commit("Ann Lee", "ann@example.org", "Initial import");
        }
        CheckResult r = assess(dir);
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).contains("no settings as code declare branch protection");
        assertThat(r.findings()).isEmpty();
    }
}
