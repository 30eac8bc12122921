package io.github.devopsassess.check.ownership;

import io.github.devopsassess.check.history.DirectPushesCheck;
import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.check.ownership.CodeownersSyntaxCheck;
import io.github.devopsassess.check.ownership.CriticalPathOwnersCheck;
import io.github.devopsassess.check.ownership.DefaultBranchProtectionCheck;
import static io.github.devopsassess.testing.Results.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.TreeScanner;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.facts.ownership.AccessFacts;
import io.github.devopsassess.scan.ownership.AccessSettingsScanner;
import io.github.devopsassess.facts.ownership.BranchProtection;
import io.github.devopsassess.scan.ownership.OwnershipScanner;
import io.github.devopsassess.source.WorkingTree;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access-control checks on fixtures in the real formats and on hand-made facts. */
class AccessControlChecksTest {

    private static final Rubric RUBRIC = load();

    private static Rubric load() {
        try {
            return new RubricLoader(AccessControlChecksTest.class.getClassLoader())
                    .loadDefault();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CheckResult run(Check check, Facts facts) {
        return CheckRunner.evaluate(check, facts, new CheckSettings(RUBRIC.checks().get(check.id())));
    }

    static Facts scan(Path root, String... files) throws Exception {
        for (int i = 0; i < files.length; i += 2) {
            Path p = root.resolve(files[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, files[i + 1], StandardCharsets.UTF_8);
        }
        ScanContext context = new ScanContext(new WorkingTree(root, "", 1 << 20), null, "no history",
                ScanOptions.defaults(), s -> { });
        Facts.Builder b = Facts.builder();
        new TreeScanner().scan(context, b);
        new OwnershipScanner().scan(context, b);
        new AccessSettingsScanner().scan(context, b);
        return b.build();
    }

    @Test
    void codeownersSyntaxReportsEachMalformedLineOnceWithAllItsProblems(@TempDir Path dir) throws Exception {
        Facts facts = scan(dir, ".github/CODEOWNERS", "* @acme/platform\n/infra/x.tf @acme/sre, sre\n",
                "CODEOWNERS", "* @other\n", "infra/x.tf", "x");
        CheckResult r = run(new CodeownersSyntaxCheck(), facts);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        // a comma and an owner without '@' on line 2: one broken line, one finding that says both
        assertThat(r.findings()).extracting(f -> f.evidence().get(0)).containsExactly(
                Evidence.line(".github/CODEOWNERS", 2), Evidence.file("CODEOWNERS"));
        assertThat(r.findings().get(0).message()).contains("commas").contains("falls back to an earlier rule")
                .contains("has no '@'");
        assertThat(r.findings().get(0).subject()).doesNotContain(":2");
    }

    /** A CODEOWNERS in a subfolder is read by no platform; one in a test fixture is not the team's. */
    @Test
    void aCodeownersInASubfolderIsNeverReadButAFixtureIsNotReported(@TempDir Path dir) throws Exception {
        Facts facts = scan(dir, "CODEOWNERS", "* @acme/worker\n",
                "src/main/language-worker/CODEOWNERS", "* @acme/host-team\n",
                "src/test/resources/ownership/CODEOWNERS", "* @fixture\n",
                "src/main/language-worker/proto.proto", "syntax = \"proto3\";");
        CheckResult r = run(new CodeownersSyntaxCheck(), facts);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("src/main/language-worker/CODEOWNERS is never read: GitHub reads"
                    + " CODEOWNERS only in .github/, the root and docs/, GitLab only in the root, docs/ and .gitlab/,"
                    + " so its rules protect nothing; move them into CODEOWNERS with the folder as their path.");
            assertThat(f.evidence()).containsExactly(Evidence.file("src/main/language-worker/CODEOWNERS"));
        });
        assertThat(r.summary()).isEqualTo("0 malformed entries in CODEOWNERS, 1 ignored CODEOWNERS file");
    }

    @Test
    void criticalPathsWithoutOwnerAndCodeOwnerReviewOff(@TempDir Path dir) throws Exception {
        Facts facts = scan(dir, ".github/CODEOWNERS", "* @solo\n/db/migration/\n",
                "db/migration/V1__init.sql", "create table t (id int);",
                "Dockerfile", "FROM eclipse-temurin:21",
                ".github/settings.yml", "branches:\n  - name: main\n    protection:\n"
                        + "      required_pull_request_reviews:\n        require_code_owner_reviews: false\n");
        CheckResult r = run(new CriticalPathOwnersCheck(), facts);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings()).extracting(f -> f.subject()).containsExactly("code-owner-review:main", "db/migration");
        assertThat(r.findings().get(1).evidence()).containsExactly(Evidence.line(".github/CODEOWNERS", 2)
                .withNote("db/migration/V1__init.sql: no owner"));
        assertThat(r.findings().get(0).evidence()).containsExactly(Evidence.line(".github/settings.yml", 2));
    }

    @Test
    void criticalPathsUnverifiableWithoutSettingsAsCodeSaySo(@TempDir Path dir) throws Exception {
        Facts facts = scan(dir, ".github/CODEOWNERS", "* @acme/platform\n", "Dockerfile", "FROM x");
        CheckResult r = run(new CriticalPathOwnersCheck(), facts);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.summary()).contains("cannot be verified (no settings as code)");
    }

    @Test
    void weakProtectionOfTheDefaultBranch(@TempDir Path dir) throws Exception {
        Facts facts = scan(Fixtures.settings(dir));
        CheckResult r = run(new DefaultBranchProtectionCheck(), facts);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        // settings.yml's exact rule for main is chosen first (sorted by source); approvals 0 and enforce_admins off
        assertThat(r.findings()).extracting(f -> f.subject()).containsExactly("default-branch:main:approvals",
                "default-branch:main:enforce-admins");
        assertThat(r.findings().get(0).evidence()).containsExactly(Evidence.line(".github/settings.yml", 24));
    }

    @Test
    void protectionIsNotAssessedWithoutSettingsAsCodeAndWarnsWhenSettingsDeclareNone(@TempDir Path dir)
            throws Exception {
        CheckResult none = run(new DefaultBranchProtectionCheck(), scan(dir, "src/A.java", "x"));
        assertThat(none.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(none.summary()).contains("cannot be verified").contains("web UI");

        CheckResult unmanaged = run(new DefaultBranchProtectionCheck(), scan(dir, ".github/settings.yml",
                "teams:\n  - name: bots\n    permission: admin\n"));
        assertThat(unmanaged.status()).isEqualTo(CheckStatus.WARN);
        assertThat(unmanaged.findings().get(0).message()).contains("declare no branch protection");

        // settings that extend the organisation's (_extends: .github) may get their branches from there: unknown
        // (labelled trivial on the corpus when reported)
        CheckResult inherited = run(new DefaultBranchProtectionCheck(), scan(dir, ".github/settings.yml",
                "_extends: .github\nrepository:\n  description: A module\n"));
        assertThat(inherited.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(inherited.summary()).isEqualTo("unknown, because .github/settings.yml declare no branch protection"
                + " but extend the settings of .github, which are not in this repository");
    }

    @Test
    void peopleAndTeamsAllowedToSkipTheReviewsAreAnExemptionAndAppsAreNot(@TempDir Path dir) throws Exception {
        Facts yaml = scan(dir.resolve("yaml"), ".github/settings.yml", """
                branches:
                  - name: main
                    protection:
                      required_pull_request_reviews:
                        required_approving_review_count: 1
                        bypass_pull_request_allowances:
                          users: [carl-founder]
                          teams: [release-managers]
                          apps: [renovate]
                      enforce_admins: true
                      required_status_checks: null
                      restrictions: null
                """);
        CheckResult r = run(new DefaultBranchProtectionCheck(), yaml);
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("default-branch:main:bypass");
            // nobody in history knows carl-founder: a pseudonym, never the handle, by default
            assertThat(f.message()).startsWith("Problem: 2 people or teams may merge into main without the required"
                    + " reviews (contributor-").contains("team release-managers; .github/settings.yml:6)")
                    .doesNotContain("carl-founder").doesNotContain("renovate");
            assertThat(f.evidence()).containsExactly(Evidence.line(".github/settings.yml", 6));
        });

        Facts terraform = scan(dir.resolve("tf"), "infra/github.tf", """
                resource "github_branch_protection" "main" {
                  repository_id  = github_repository.shop.node_id
                  pattern        = "main"
                  enforce_admins = true
                  required_pull_request_reviews {
                    required_approving_review_count = 1
                    pull_request_bypassers          = ["/carl-founder", "acme/platform"]
                  }
                }
                """);
        CheckResult t = run(new DefaultBranchProtectionCheck(), terraform);
        assertThat(t.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("2 people or teams").contains("team acme/platform; infra/github.tf:7)");
            assertThat(f.evidence()).containsExactly(Evidence.line("infra/github.tf", 7));
        });

        // only automation may skip the reviews: no exemption of a person
        Facts apps = scan(dir.resolve("apps"), ".github/settings.yml", """
                branches:
                  - name: main
                    protection:
                      required_pull_request_reviews:
                        required_approving_review_count: 1
                        bypass_pull_request_allowances:
                          apps: [renovate]
                      enforce_admins: true
                      restrictions: null
                """);
        assertThat(run(new DefaultBranchProtectionCheck(), apps).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void unprotectedDefaultBranchFails() {
        AccessFacts access = new AccessFacts(List.of("infra/gh.tf"), null, List.of(), List.of(
                new BranchProtection("infra/gh.tf", 3, "release/*", true, true, 1, true, true, true, null)),
                List.of(), List.of());
        CheckResult r = run(new DefaultBranchProtectionCheck(), Facts.builder().put(AccessFacts.class, access)
                .build());
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings().get(0).message()).contains("not the default branch main");
    }

    @Test
    void botsWithAdminAndTooManyAdmins(@TempDir Path dir) throws Exception {
        CheckResult r = run(new AdminAccessCheck(), scan(Fixtures.settings(dir)));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        // alice, release-bot, platform-admins, payments-admins, github_team.deployers.id: 5 > 3
        assertThat(r.findings()).extracting(f -> f.subject()).containsExactly("admin:release-bot", "admins");
        assertThat(r.findings().get(0).evidence()).containsExactly(Evidence.line(".github/settings.yml", 12));
        assertThat(r.metrics()).containsEntry("admins", 5);
    }

    @Test
    void productionEnvironmentWithoutReviewers(@TempDir Path dir) throws Exception {
        CheckResult r = run(new ProductionEnvironmentReviewersCheck(), scan(Fixtures.settings(dir)));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.findings()).extracting(f -> f.subject()).containsExactly("environment:production");
        assertThat(r.findings().get(0).evidence()).containsExactly(Evidence.line(".github/settings.yml", 39));
    }

    @Test
    void directPushesInASquashWorkflow(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-05-01T09:00:00Z");
            repo.write("src/A.java", "a").commit("Ann", "ann@example.com", "Add A (#1)");
            for (int i = 2; i <= 9; i++) {
                String who = i % 2 == 0 ? "Dee" : "Ann";
                repo.append("src/A.java", "b" + i).commit(who, who.toLowerCase() + "@example.com", "Tune A (#" + i + ")");
            }
            repo.append("src/A.java", "c").commit("Ben", "ben@example.com", "hotfix straight to main");
            repo.append("src/A.java", "d").commit("release-bot[bot]", "bot@example.com", "release 1.0");
            // the maintainer's release steps go straight to main by design: not counted
            repo.append("src/A.java", "v").commit("Ann", "ann@example.com", "Bump version: v4.2.0 → v4.2.1");
            repo.append("src/A.java", "e").commit("Cy", "cy@example.com", "Fix\n\nReviewed-on: https://r/1");
            CheckResult r = result(new Assessor().assess(Requests.withNames(dir)),
                    DirectPushesCheck.ID);
            assertThat(r.status()).as(r.summary()).isEqualTo(CheckStatus.WARN);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo("default-branch");
                assertThat(f.message()).startsWith("1 of the 11 commits");
                assertThat(f.evidence()).singleElement().satisfies(e -> assertThat(e.note())
                        .isEqualTo("Ben: hotfix straight to main"));
            });
        }
    }

    @Test
    void anOccasionalDirectCommitAmongManyReviewedOnesIsTolerated(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-05-01T09:00:00Z");
            repo.write("src/A.java", "a").commit("Ann", "ann@example.com", "Add A (#1)");
            for (int i = 2; i <= 40; i++) {
                String who = i % 2 == 0 ? "Dee" : "Ann";
                repo.append("src/A.java", "b" + i).commit(who, who.toLowerCase() + "@example.com", "Tune A (#" + i + ")");
            }
            // 2 of 42 (under 5%): a maintainer's changelog fix and a typo
            repo.append("CHANGELOG.md", "x").commit("Ann", "ann@example.com", "docs: fix changelog formatting");
            repo.append("README.md", "y").commit("Dee", "dee@example.com", "Fix typo");
            CheckResult r = result(new Assessor().assess(Requests.withNames(dir)), DirectPushesCheck.ID);
            assertThat(r.status()).as(r.summary()).isEqualTo(CheckStatus.PASS);
            assertThat(r.findings()).isEmpty();
            assertThat(r.summary()).startsWith("2 of 42 commits of the last 90 days show no trace of review (at most 2,"
                    + " 5% of them, tolerated)");
        }
    }

    @Test
    void fewerThanTenCommitsTellNoPracticeOfDirectPushes(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-05-01T09:00:00Z");
            repo.write("src/A.java", "a").commit("Ann", "ann@example.com", "automatic project update for v9.2.0");
            repo.append("src/A.java", "b").commit("Ann", "ann@example.com", "automatic project update for v9.2.1");
            CheckResult r = result(new Assessor().assess(Requests.withNames(dir)), DirectPushesCheck.ID);
            assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(r.summary()).contains("2 commits by people in the last 90 days (fewer than 10)");
        }
    }

    @Test
    void directPushesAreNotGuessedWhenMergeCommitsHideTheTopology(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/A.java", "a").commit("Ann", "ann@example.com", "A");
            repo.branch("feature").append("src/A.java", "b").commit("Ben", "ben@example.com", "b");
            repo.checkout("main").merge("feature", "Ann", "ann@example.com");
            CheckResult r = result(new Assessor().assess(Requests.of(dir)), DirectPushesCheck.ID);
            assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(r.summary()).contains("1 merge commit in the last 90 days");
        }
    }

    /** Copies of fixtures and lookups shared with the other ownership tests. */
    static final class Fixtures {
        static Path settings(Path dir) throws Exception {
            Path source = Path.of(AccessControlChecksTest.class.getResource("/ownership/settings").toURI());
            try (var files = Files.walk(source)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    Path to = dir.resolve(source.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
            return dir;
        }
    }
}
