package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.ownership.AccessFacts;
import io.github.devopsassess.facts.ownership.AccessGrant;
import io.github.devopsassess.facts.ownership.BranchProtection;
import io.github.devopsassess.facts.ownership.DeploymentEnvironment;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessSettingsScannerTest {

    @Test
    void readsSettingsAppSyncRepoSettingsAndTerraform(@TempDir Path dir) {
        Facts facts = Fixtures.scan(Fixtures.copy("settings", dir), "", new AccessSettingsScanner());
        AccessFacts a = facts.find(AccessFacts.class).orElseThrow();

        assertThat(a.sources()).containsExactly(".github/settings.yml", ".github/sync-repo-settings.yaml",
                "infra/github.tf");
        assertThat(a.defaultBranch()).isEqualTo("main");
        assertThat(a.extendsFrom()).containsExactly(".github");

        assertThat(a.protections()).extracting(BranchProtection::source, BranchProtection::line,
                BranchProtection::branch, BranchProtection::enabled, BranchProtection::requiredApprovals,
                BranchProtection::codeOwnerReviews, BranchProtection::enforceAdmins).containsExactly(
                        tuple(".github/settings.yml", 24, "main", true, 0, false, false),
                        tuple(".github/settings.yml", 35, "gh-pages", false, 0, null, null),
                        tuple(".github/sync-repo-settings.yaml", 4, "release-*", true, 1, true, true),
                        tuple("infra/github.tf", 2, "main", true, 2, true, true),
                        tuple("infra/github.tf", 40, "main", true, 0, true, null));
        assertThat(a.protections().get(0).statusChecks()).isTrue();
        assertThat(a.protections().get(4).pushRestricted()).as("developers may push").isFalse();
        assertThat(a.protections().get(2).covers("release-1.2")).isTrue();

        assertThat(a.grants()).extracting(AccessGrant::principal, AccessGrant::team, AccessGrant::permission)
                .containsExactly(tuple("alice", false, "admin"), tuple("release-bot", false, "admin"),
                        tuple("payments", true, "push"), tuple("platform-admins", true, "admin"),
                        tuple("contributors", true, "write"), tuple("payments-admins", true, "admin"),
                        tuple("github_team.deployers.id", true, "admin"));
        assertThat(a.grants().get(1).bot()).isTrue();
        assertThat(a.grants().get(0).bot()).isFalse();

        assertThat(a.environments()).extracting(DeploymentEnvironment::name, DeploymentEnvironment::reviewers,
                DeploymentEnvironment::preventSelfReview, DeploymentEnvironment::branchPolicy,
                DeploymentEnvironment::line).containsExactly(
                        tuple("production", List.of(), null, true, 39),
                        tuple("staging", List.of("Team:42"), null, false, 44),
                        tuple("prod", List.of("Team:github_team.sre.id"), true, true, 19));
        assertThat(a.environments().get(0).production()).isTrue();
        assertThat(a.environments().get(1).production()).isFalse();

        // 'write' is not a permission of the settings app, and the broken Terraform block is reported with its line
        assertThat(facts.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(".github/settings.yml");
            assertThat(p.line()).isEqualTo(21);
            assertThat(p.message()).contains("'write'");
        });
        assertThat(facts.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("infra/broken.tf");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("never closed");
        });
    }

    @Test
    void malformedYamlIsAProblemWithALineAndTheScanGoesOn(@TempDir Path dir) {
        Facts facts = Fixtures.scan(Fixtures.copy("badsettings", dir), "", new AccessSettingsScanner(),
                new OwnershipScanner());
        assertThat(facts.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(".github/settings.yml");
            assertThat(p.line()).isNotNull();
        });
        assertThat(facts.find(AccessFacts.class).orElseThrow().declared()).isFalse();
        assertThat(facts.find(OwnershipFacts.class)).isPresent();
    }

    @Test
    void aDuplicateKeyIsReportedAndTheRestOfTheSettingsIsStillRead(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve(".github"));
        java.nio.file.Files.writeString(dir.resolve(".github/settings.yml"), """
                repository:
                  default_branch: main
                repository:
                  default_branch: trunk
                branches:
                  - name: trunk
                    protection:
                      enforce_admins: true
                """);
        Facts facts = Fixtures.scan(dir, "", new AccessSettingsScanner());
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(".github/settings.yml");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("duplicate key 'repository'");
        });
        AccessFacts access = facts.find(AccessFacts.class).orElseThrow();
        assertThat(access.declared()).isTrue();
        assertThat(access.defaultBranch()).isEqualTo("trunk");
    }
}
