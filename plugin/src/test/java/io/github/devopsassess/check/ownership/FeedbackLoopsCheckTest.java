package io.github.devopsassess.check.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.Results;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackLoopsCheckTest {

    private static final String ISSUE_FORM = """
            name: Bug report
            description: Tell us about something that does not work as documented
            labels: ["bug"]
            body:
              - type: textarea
                id: what-happened
                attributes:
                  label: What happened?
                validations:
                  required: true
            """;

    private static final String RELEASE_CHECKLIST = """
            <!-- Checklist for a new release; only maintainers use it -->
            - [ ] Update the version in CMakeLists.txt
            - [ ] Tag the release
            /label ~release
            """;

    /** A service whose code owners also own every document, with files in the shapes of real repositories. */
    private static void service(TestRepo repo, String codeowners) {
        repo.write(".github/CODEOWNERS", codeowners)
                .write("README.md", "# payments\n\nHow to call the payments API.\n")
                .write("CHANGELOG.md", "# Changelog\n\n## 1.2.0\n- Refunds in EUR\n")
                .write("docs/refunds.md", "# Refunds\n")
                .write("src/main/java/Payments.java", "class Payments {}\n")
                .write(".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n"
                        + "    steps:\n      - run: ./deploy.sh production\n");
    }

    @Test
    void noWayToReportAndDocumentsOwnedByTheCodeTeamIsOneFinding(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            service(repo, "# Default owners\n*       @acme/payments\n");
            repo.write(".gitlab/issue_templates/new-release.md", RELEASE_CHECKLIST);
            // a user guide's page on operation support is not a support page for reports
            repo.write("doc/userguide/operation/support.rst", "Operation support\n=================\n");
            repo.commit("Ann Lee", "ann@example.org", "Initial import");
        }
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, "feedback-loops")).assessment();
        assertThat(a.findings()).filteredOn(f -> f.check().equals("feedback-loops")).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Users and support have no declared way to report back: missing an"
                    + " issue form")
                    .contains("an owner of the user-facing documents beyond the code's owners (owned only by the"
                            + " code's owners (@acme/payments))");
            assertThat(f.evidence()).extracting(Evidence::path).contains("CHANGELOG.md", "README.md",
                    ".gitlab/issue_templates/new-release.md");
        });
    }

    @Test
    void anIssueFormAndDocumentsWithTheirOwnOwnersAreClean(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            service(repo, "*       @acme/payments\n/docs/  @acme/tech-writers\nCHANGELOG.md @acme/support\n");
            repo.write(".github/ISSUE_TEMPLATE/bug_report.yml", ISSUE_FORM);
            repo.commit("Ann Lee", "ann@example.org", "Initial import");
        }
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, "feedback-loops")).assessment();
        assertThat(a.findings()).noneMatch(f -> f.check().equals("feedback-loops"));
        assertThat(Results.result(a, "feedback-loops").summary()).isEqualTo("reports come in through"
                + " .github/ISSUE_TEMPLATE/bug_report.yml; user-facing documents: also owned by @acme/support,"
                + " @acme/tech-writers");
    }

    @Test
    void anIssueFormAloneIsAWayInEvenWhenNobodyOwnsTheDocuments(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("README.md", "# lib\n").write("src/Lib.java", "class Lib {}\n")
                    .write(".github/ISSUE_TEMPLATE/bug_report.md", "---\nname: Bug report\nabout: Report a bug\n"
                            + "---\n**Describe the bug**\n");
            repo.commit("Ann Lee", "ann@example.org", "Initial import");
        }
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, "feedback-loops")).assessment();
        assertThat(a.findings()).noneMatch(f -> f.check().equals("feedback-loops"));
        assertThat(Results.result(a, "feedback-loops").summary()).endsWith("user-facing documents: owned by nobody");
    }

    @Test
    void aTreeWithoutUserFacingDocumentsIsNotAssessed(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/Lib.java", "class Lib {}\n").commit("Ann Lee", "ann@example.org", "Initial import");
        }
        Assessment a = new Assessor().assess(Requests.withChecksOn(dir, "feedback-loops")).assessment();
        assertThat(Results.result(a, "feedback-loops").status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
