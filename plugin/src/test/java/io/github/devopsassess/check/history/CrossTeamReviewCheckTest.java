package io.github.devopsassess.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.Results;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossTeamReviewCheckTest {

    /** A CODEOWNERS file in the shape of a generated one of a platform monorepo: a catch-all and team files. */
    private static final String CODEOWNERS = """
            # This file is auto-generated here, do not manually amend.
            * @acme/platform
            /terraform/environments/billing.tf @acme/billing
            /terraform/environments/billing-data.tf @acme/billing
            /terraform/environments/search.tf @acme/search
            /terraform/environments/search-index.tf @acme/search
            """;

    private static void commits(TestRepo repo, String file, String name, String email, int n, int day) {
        for (int i = 0; i < n; i++) {
            repo.at(String.format("2025-03-%02dT%02d:00:00Z", day, 8 + i)).append(file, "# " + name + " " + i)
                    .commit(name, email, "Change " + file + " " + i);
        }
    }

    private static TestRepo base(Path dir) {
        TestRepo repo = TestRepo.init(dir);
        repo.at("2023-01-01T10:00:00Z").write(".github/CODEOWNERS", CODEOWNERS)
                .write("terraform/environments/billing.tf", "locals {}\n")
                .write("terraform/environments/billing-data.tf", "locals {}\n")
                .write("terraform/environments/search.tf", "locals {}\n")
                .write("terraform/environments/search-index.tf", "locals {}\n")
                .write("terraform/modules/vpc/main.tf", "locals {}\n")
                .commit("Pat Root", "pat@example.org", "Initial import");
        return repo;
    }

    @Test
    void aTeamWhoseAreaOnlyItsOwnPeopleChangeIsASilo(@TempDir Path dir) throws Exception {
        try (TestRepo repo = base(dir)) {
            commits(repo, "terraform/environments/billing.tf", "Ann Lee", "ann@example.org", 6, 2);
            commits(repo, "terraform/environments/billing-data.tf", "Bob Stone", "bob@example.org", 6, 3);
            commits(repo, "terraform/environments/search.tf", "Cid Moss", "cid@example.org", 6, 4);
            commits(repo, "terraform/environments/search-index.tf", "Dee Park", "dee@example.org", 6, 5);
            // a search engineer also works on billing's files: search is not a silo, billing's area has an outsider
            commits(repo, "terraform/environments/billing.tf", "Dee Park", "dee@example.org", 1, 6);
            commits(repo, "terraform/environments/search.tf", "Cid Moss", "cid@example.org", 1, 7);
        }
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, "cross-team-review")).assessment();
        assertThat(a.findings()).filteredOn(f -> f.check().equals("cross-team-review")).isEmpty();
        assertThat(Results.result(a, "cross-team-review").summary()).startsWith("0 of 2 active teams");
    }

    @Test
    void teamsThatNeverCrossAreReportedEach(@TempDir Path dir) throws Exception {
        try (TestRepo repo = base(dir)) {
            commits(repo, "terraform/environments/billing.tf", "Ann Lee", "ann@example.org", 6, 2);
            commits(repo, "terraform/environments/billing-data.tf", "Bob Stone", "bob@example.org", 6, 3);
            commits(repo, "terraform/environments/search.tf", "Cid Moss", "cid@example.org", 6, 4);
            commits(repo, "terraform/environments/search-index.tf", "Dee Park", "dee@example.org", 6, 5);
        }
        Path rubric = Files.createTempFile(dir.getParent(), "rubric", ".yaml");
        Files.writeString(rubric, "version: 1\nextends: default\nchecks:\n  cross-team-review: { enabled: true }\n");
        Assessment a = new Assessor().assess(Requests.of(dir).withRubric(rubric)).assessment();
        assertThat(a.findings()).filteredOn(f -> f.check().equals("cross-team-review")).hasSize(2)
                .first().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("team:@acme/billing");
                    assertThat(f.message()).startsWith("@acme/billing works in a silo: the 12 commits of the last"
                            + " 365 days to the 2 files it alone owns (terraform/environments/billing-data.tf,"
                            + " terraform/environments/billing.tf) came from its 2 own people (contributor-")
                            .doesNotContain("Ann Lee");
                    assertThat(f.evidence()).containsExactly(Evidence.line(".github/CODEOWNERS", 4)
                            .withNote("@acme/billing owns terraform/environments/billing-data.tf"));
                });
    }

    @Test
    void withoutDeclaredTeamsTheAnswerIsUnknown(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".github/CODEOWNERS", "* @ann\n").write("app.py", "print(1)\n")
                    .commit("Ann Lee", "ann@example.org", "Initial import");
        }
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, "cross-team-review")).assessment();
        assertThat(Results.result(a, "cross-team-review").status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(Results.result(a, "cross-team-review").summary()).contains("unknown, because no teams are"
                + " declared");
    }
}
