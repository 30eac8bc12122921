package io.github.devopsassess.check.ownership;

import static io.github.devopsassess.check.ownership.OwnershipChecksTest.regulars;
import static io.github.devopsassess.testing.Results.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** individual-owners: a team is expected only where enough people work to form one; places are real folders. */
class IndividualOwnersCheckTest {

    private static final String GITLAB_CODEOWNERS = String.join("\n",
            "# This file specifies people who \"own\" specific",
            "# pieces of code in the toolkit. It is used to suggest",
            "# reviewers for merge requests based on the set",
            "# of files changed in the MR.",
            "",
            "# Subsystems have specific owners",
            "doc/tutorials/           ann@example.com",
            "core/attribute/          ben@example.com",
            "core/io/                 ben@example.com",
            "core/mesh/               ann@example.com",
            "utilities/               cem@example.com",
            "");

    @Test
    void twoMaintainersWithoutATeamAreNotAFinding(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("CODEOWNERS", "* @ann @ben\n").write("src/App.go", "package main\n")
                    .commit("Ann", "ann@example.com", "initial");
            regulars(repo, "src/App.go", "Ann", "Ben");
            CheckResult r = result(new Assessor().assess(Requests.of(dir)), IndividualOwnersCheck.ID);

            assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(r.findings()).isEmpty();
            assertThat(r.summary()).isEqualTo("2 people made 10 or more commits in the last 365 days and the ownership"
                    + " declaration names 2 individuals (fewer than 5 each): too few people to form a team, so owners"
                    + " named one by one are what is expected");
        }
    }

    @Test
    void subsystemOwnersOfASmallTeamAreExpectedAndOfALargerOneAreReportedPerRule(@TempDir Path dir)
            throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".gitlab/CODEOWNERS", GITLAB_CODEOWNERS).write(".gitlab-ci.yml", "test:\n  script: make\n")
                    .write("doc/tutorials/first.rst", "First\n").write("core/attribute/Attribute.cxx", "int a;\n")
                    .write("core/io/Reader.cxx", "int r;\n").write("core/mesh/Mesh.cxx", "int m;\n")
                    .write("utilities/check.py", "pass\n").commit("Ann", "ann@example.com", "initial");
            regulars(repo, "core/mesh/Mesh.cxx", "Ann", "Ben", "Cem");
            CheckResult small = result(new Assessor().assess(Requests.of(dir)), IndividualOwnersCheck.ID);
            assertThat(small.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(small.summary()).startsWith("3 people made 10 or more commits in the last 365 days and the"
                    + " ownership declaration names 3 individuals (fewer than 5 each)");

            // five people work on it regularly: the same subsystem owners are now ownership that leaves with a
            // person, reported once, each place named by its rule rather than by the top folder core/
            regulars(repo, "core/io/Reader.cxx", "Dee", "Eva");
            CheckResult large = result(new Assessor().assess(Requests.of(dir)), IndividualOwnersCheck.ID);
            assertThat(large.findings()).singleElement().satisfies(f -> {
                assertThat(f.message()).startsWith("5 folders are owned only by individuals, not by a team:")
                        .contains("doc/tutorials/ (").contains("core/attribute/ (").contains("core/io/ (")
                        .contains("core/mesh/ (").contains("utilities/ (").doesNotContain("core/ (");
                assertThat(f.evidence()).containsExactly(Evidence.line(".gitlab/CODEOWNERS", 7),
                        Evidence.line(".gitlab/CODEOWNERS", 8), Evidence.line(".gitlab/CODEOWNERS", 9),
                        Evidence.line(".gitlab/CODEOWNERS", 10), Evidence.line(".gitlab/CODEOWNERS", 11));
            });
        }
    }

    @Test
    void aCatchAllOfManyIndividualsIsATeamWrittenOutByHand(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("CODEOWNERS", "# FUNCTIONS TEAM\n* @amy @bob @cat @dan @eve @fay\n")
                    .write("src/Worker.java", "class Worker {}\n").commit("Amy", "amy@example.com", "initial");
            repo.append("src/Worker.java", "// b\n").commit("Bob", "bob@example.com", "fix");
            CheckResult r = result(new Assessor().assess(Requests.of(dir)), IndividualOwnersCheck.ID);

            // few commits, but six people named as owners: a group would keep that list right
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.message()).contains("makes 6 individuals the owner of every file");
                assertThat(f.evidence()).containsExactly(Evidence.line("CODEOWNERS", 2));
            });
        }
    }

    @Test
    void prowFoldersOwnedByIndividualsAreNamedByTheirOwnOwnersFileAndAliasesAreTeams(@TempDir Path dir)
            throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("OWNERS_ALIASES", "aliases:\n  platform-infra-team:\n    - amy\n    - bob\n    - cat\n")
                    .write("OWNERS", "approvers:\n- platform-infra-team\n")
                    .write("components/kyverno/OWNERS", "approvers:\n- platform-infra-team\n")
                    .write("components/kyverno/kustomization.yaml", "resources:\n- policies.yaml\n")
                    .write("components/app-api/OWNERS", "approvers:\n- jmorales\n- tpetrov\n")
                    .write("components/app-api/kustomization.yaml", "resources:\n- deployment.yaml\n")
                    .write("components/legacy-proxy/OWNERS", String.join("\n", "# the platform team does not know"
                            + " this code", "options:", "  no_parent_owners: true", "approvers:", "- hvogel",
                            "- mdiallo", ""))
                    .write("components/legacy-proxy/deployment.yaml", "kind: Deployment\n")
                    .write("components/legacy-proxy/NOTES.md", "notes\n")
                    .commit("Amy", "amy@example.com", "initial");
            regulars(repo, "components/legacy-proxy/NOTES.md", "Amy", "Bob", "Cat", "Dee", "Eva");
            CheckResult r = result(new Assessor().assess(Requests.of(dir)), IndividualOwnersCheck.ID);

            // app-api's approvers are people, but the root OWNERS gives every folder to the alias too: not a finding;
            // legacy-proxy opts out of the parents' approvers, so it alone is owned by individuals
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.message()).startsWith("1 folder is owned only by individuals, not by a team:"
                        + " components/legacy-proxy/ (").doesNotContain("app-api").doesNotContain("components/ (");
                assertThat(f.evidence()).containsExactly(Evidence.line("components/legacy-proxy/OWNERS", 4));
            });
        }
    }
}
