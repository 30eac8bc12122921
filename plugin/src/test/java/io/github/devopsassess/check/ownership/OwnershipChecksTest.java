package io.github.devopsassess.check.ownership;

import io.github.devopsassess.check.ownership.IndividualOwnersCheck;
import io.github.devopsassess.check.ownership.StaleOwnersCheck;
import io.github.devopsassess.check.ownership.UnownedFilesCheck;
import static io.github.devopsassess.testing.Results.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** unowned-files, individual-owners, stale-owners and ownership-history-mismatch on real git histories. */
class OwnershipChecksTest {

    @Test
    void catchAllIndividualOwnerAndUnownedMigrationsAreFound(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".github/CODEOWNERS", "# owners\n* @solo\n/db/migration/\n")
                    .write("src/A.java", "class A {}\n").write("src/B.java", "class B {}\n")
                    .write("db/migration/V1__init.sql", "create table t (id int);\n")
                    .write("db/migration/V2__more.sql", "alter table t add c int;\n")
                    .commit("Solo", "solo@example.com", "initial (#1)");
            // owners matter once several people change the code (minPeople: 3), and a team is expected once five
            // people work on it regularly (minTeam: 5, regularCommits: 10)
            regulars(repo, "src/A.java", "Ann", "Ben", "Cem", "Dee", "Eva");
            Assessor.Outcome outcome = new Assessor().assess(Requests.of(dir));

            // a CODEOWNERS file that covers part of the tree is the team's choice (real repositories write "only
            // platform files need a maintainer's review"): stated in the summary, not a finding
            CheckResult unowned = result(outcome, UnownedFilesCheck.ID);
            assertThat(unowned.status()).isEqualTo(CheckStatus.PASS);
            assertThat(unowned.findings()).isEmpty();
            assertThat(unowned.summary()).startsWith("2 of 5 files (40%) have no owner")
                    .contains(".github/CODEOWNERS covers only part of the tree, in 1 folder no rule names an owner");

            CheckResult individual = result(outcome, IndividualOwnersCheck.ID);
            assertThat(individual.status()).isEqualTo(CheckStatus.FAIL);
            // @solo is Solo <solo@example.com> of history, and carries the pseudonym history gave him
            String solo = People.in(outcome.facts()).display("solo@example.com");
            assertThat(solo).matches("contributor-[a-z2-7]{10}");
            assertThat(individual.findings()).anySatisfy(f -> {
                assertThat(f.message()).contains("catch-all rule '* " + solo + "'").contains("one person")
                        .doesNotContain("@solo");
                assertThat(f.evidence()).containsExactly(Evidence.line(".github/CODEOWNERS", 2));
                assertThat(f.remediation()).isNotBlank();
            });
        }
    }

    @Test
    void noOwnershipDeclaredFailsUnownedAndLeavesOthersNotAssessed(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/A.java", "class A {}\n").commit("A", "a@example.com", "a");
            // alone, nobody else would be named an owner: not assessed, and the summary says why
            CheckResult alone = result(new Assessor().assess(Requests.of(dir)), UnownedFilesCheck.ID);
            assertThat(alone.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(alone.summary()).startsWith("1 person changed the repository in the last year (fewer than"
                    + " 3): ownership rules would name the same people");
            repo.append("src/A.java", "// b\n").commit("B", "b@example.com", "b");
            repo.append("src/A.java", "// c\n").commit("C", "c@example.com", "c");
            // three people, but nothing deploys or defines production (a demo, a prototype): not assessed, and why
            CheckResult demo = result(new Assessor().assess(Requests.of(dir)), UnownedFilesCheck.ID);
            assertThat(demo.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(demo.findings()).isEmpty();
            assertThat(demo.summary()).startsWith("nothing shows that the repository reaches production")
                    .contains("3 people changed it in the last year (fewer than 10)");
            // a Helm chart with production values: a change reaches production, and nobody is asked to review it
            repo.write("helm/shop/values.yaml", "replicaCount: 1\nimage:\n  tag: \"1.4.2\"\n")
                    .write("helm/shop/values-prod.yaml", "replicaCount: 3\n")
                    .commit("C", "c@example.com", "production values");
            Assessor.Outcome outcome = new Assessor().assess(Requests.of(dir));
            assertThat(result(outcome, UnownedFilesCheck.ID).findings()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("No CODEOWNERS"));
            assertThat(result(outcome, IndividualOwnersCheck.ID).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(result(outcome, StaleOwnersCheck.ID).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        }
    }

    /** Five months away is a long holiday or another project, not leaving; seven months is an owner who moved on. */
    @Test
    void anOwnerQuietForFiveMonthsIsNotStaleButSevenMonthsIs(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-01-02T09:00:00Z");
            repo.write(".github/CODEOWNERS", "/away/ @ann\n/gone/ @gus\n").write("gone/G.java", "class G {}\n")
                    .commit("Gus Gone", "gus@example.com", "gone");
            repo.at("2024-03-01T09:00:00Z");
            repo.write("away/A.java", "class A {}\n").commit("Ann Away", "ann@example.com", "away");
            repo.at("2024-08-01T09:00:00Z"); // 153 days after Ann's last commit, 212 after Gus's
            repo.write("src/S.java", "class S {}\n").commit("Sam Here", "sam@example.com", "today");
            CheckResult stale = result(new Assessor().assess(Requests.withNames(dir)), StaleOwnersCheck.ID);
            assertThat(stale.findings()).singleElement().satisfies(f -> assertThat(f.message())
                    .startsWith("Gus Gone owns paths in .github/CODEOWNERS but last committed or merged on 2024-01-02,"
                            + " 212 days before the assessed commit (more than 180)"));
        }
    }

    /**
     * A Maven project names its maintainers in the pom's {@code <developers>}: one who left years ago is an owner on
     * paper (the shape of a Jenkins plugin's pom), while one still committing, and an organisation history cannot
     * know, are not reported. The check is assessed without any CODEOWNERS file.
     */
    @Test
    void aPomDeveloperWhoLeftIsStaleWithoutCodeowners(@TempDir Path dir) throws Exception {
        String pom = String.join("\n", "<project>", "  <artifactId>colors</artifactId>", "  <developers>",
                "    <developer>", "      <id>dana</id>", "      <name>Dana Lead</name>",
                "      <email>dana@example.org</email>", "    </developer>", "    <!-- <developer><id>old</id>"
                + "</developer> -->", "    <developer>", "      <id>tomek</id>", "      <name>Tomek Gone</name>",
                "      <email>tomek@example.com</email>", "    </developer>", "    <developer>",
                "      <id>acme</id>", "      <name>Acme Corporation</name>", "    </developer>", "  </developers>",
                "</project>", "");
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2021-05-04T09:00:00Z");
            repo.write("pom.xml", pom).write("src/Color.java", "class Color {}\n")
                    .commit("Tomek Gone", "tomek@example.com", "colors");
            repo.at("2024-06-01T09:00:00Z");
            // Dana commits from GitHub's noreply address: the id matches it
            repo.append("src/Color.java", "// faster\n").commit("Dana", "99+dana@users.noreply.github.com", "fast");
            Assessor.Outcome outcome = new Assessor().assess(Requests.withNames(dir));
            CheckResult stale = result(outcome, StaleOwnersCheck.ID);
            assertThat(stale.findings()).singleElement().satisfies(f -> {
                assertThat(f.message()).startsWith("Tomek Gone is declared among the <developers> of pom.xml but last"
                        + " committed or merged on 2021-05-04, 1124 days before the assessed commit (more than 180)");
                assertThat(f.evidence()).containsExactly(Evidence.line("pom.xml", 11));
                assertThat(f.fingerprint()).isEqualTo(Finding.fingerprint(StaleOwnersCheck.ID,
                        "developer:Tomek Gone"));
            });
            assertThat(stale.summary()).startsWith("1 of 2 individual owners found in history inactive")
                    .contains("unknown for 1 (Acme Corporation)");

            // the same person in CODEOWNERS and in the pom is one finding, the CODEOWNERS one
            repo.write(".github/CODEOWNERS", "* @tomek\n").commit("Dana", "99+dana@users.noreply.github.com", "co");
            CheckResult both = result(new Assessor().assess(Requests.withNames(dir)), StaleOwnersCheck.ID);
            assertThat(both.findings()).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("owns paths in .github/CODEOWNERS"));
        }
    }

    @Test
    void staleAndUnknownOwnersAndHistoryDisagreement(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2023-01-02T09:00:00Z");
            repo.write(".github/CODEOWNERS", String.join("\n", "* @acme/platform", "/legacy/ @dora",
                    "/app/ @bob", "/lib/ @ghost", "/tools/ carol@example.com", ""))
                    .write("legacy/Old.java", "class Old {}\n")
                    .commit("Dora Explorer", "dora@example.com", "legacy");
            repo.at("2024-03-01T09:00:00Z");
            repo.write("lib/L.java", "class L {}\n").write("tools/T.java", "class T {}\n")
                    .commit("Carol", "carol@example.com", "tools");
            repo.write("app/App.java", "class App {\n" + "  int x;\n".repeat(30) + "}\n")
                    .commit("Carol", "carol@example.com", "app");
            repo.append("app/App.java", "// more").commit("Carol", "carol@example.com", "app more");
            // bob commits from GitHub's noreply address: the handle matches the part after '+'
            repo.append("README.md", "bob was here").commit("Robert", "1234+bob@users.noreply.github.com", "docs");
            Assessor.Outcome outcome = new Assessor().assess(Requests.of(dir));

            CheckResult stale = result(outcome, StaleOwnersCheck.ID);
            assertThat(stale.status()).isEqualTo(CheckStatus.WARN);
            // @ghost matches no commit: unknown (a handle need not appear in commits), said in the summary, no finding
            People people = People.in(outcome.facts());
            // the subject shows Dora's pseudonym; the fingerprint is the handle's, whatever the key
            assertThat(stale.findings()).extracting(f -> f.subject())
                    .containsExactly("owner:" + people.display("dora@example.com"));
            assertThat(stale.findings().get(0).fingerprint())
                    .isEqualTo(Finding.fingerprint(StaleOwnersCheck.ID, "owner:@dora"));
            assertThat(stale.findings().get(0).message()).contains("last committed or merged on 2023-01-02")
                    .contains("more than 180");
            assertThat(stale.findings().get(0).evidence()).containsExactly(Evidence.line(".github/CODEOWNERS", 2));
            assertThat(stale.summary()).startsWith("1 of 3 individual owners found in history inactive for more than"
                    + " 180 days; unknown for 1 (" + people.owner(Owner.parse("@ghost")) + "), because no commit of the"
                    + " assessed tree is theirs");

            CheckResult mismatch = result(outcome, OwnershipHistoryMismatchCheck.ID);
            assertThat(mismatch.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(mismatch.findings()).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo(".github/CODEOWNERS:/app/");
                assertThat(f.message()).contains("gives /app/ to " + people.display("1234+bob@users.noreply.github.com")
                        + ", who never changed it").contains("100%").doesNotContain("@bob");
                assertThat(f.evidence().get(0)).isEqualTo(Evidence.line(".github/CODEOWNERS", 3));
                assertThat(f.evidence().get(1).commit()).isNotNull();
            });
        }
    }

    /** Each person makes ten commits in the last year: a regular contributor. */
    static void regulars(TestRepo repo, String file, String... people) {
        for (String person : people) {
            for (int i = 0; i < 10; i++) {
                repo.append(file, "// " + person + " " + i + "\n").commit(person, person.toLowerCase() + "@example.com",
                        person + " " + i);
            }
        }
    }
}
