package io.github.devopsassess.check.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.scan.environment.EnvironmentFixtures;
import io.github.devopsassess.scan.environment.TerraformEnvironmentsTest;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment-parity checks on Terraform module calls, Terragrunt units and version pins per environment. */
class TerraformEnvironmentChecksTest {

    private static CheckResult run(Check check, Facts facts) {
        return CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(check.id()));
    }

    @Test
    void moduleArgumentsSetInStageButNotInProductionAreKeyDrift(@TempDir Path dir) throws Exception {
        TerraformEnvironmentsTest.terraformRoots(dir);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        CheckResult drift = run(new KeyDriftCheck(), facts);
        assertThat(drift.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(drift.summary()).startsWith("2 of 6 keys (33%) differ between environments in 1 family");
        Finding production = drift.findings().stream().filter(f -> f.subject().endsWith(" production"))
                .findFirst().orElseThrow();
        assertThat(production.message()).contains("terraform (repository root)")
                .contains("module.network.flow_logs, module.observability.retention_days");
        assertThat(production.evidence()).extracting(Evidence::label).contains(
                "envs/stage/main.tf:6 — module.network.flow_logs is set for pre-production",
                "envs/stage/main.tf:17 — module.observability.retention_days is set for pre-production");
    }

    @Test
    void aRemoteModuleAtAnotherRefInProductionIsVersionDrift(@TempDir Path dir) throws Exception {
        TerraformEnvironmentsTest.terraformRoots(dir);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        CheckResult drift = run(new VersionDriftCheck(), facts);
        assertThat(drift.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("github.com/example-org/terraform-network//vpc")
                    .contains("v2.3.0 in pre-production but v2.1.0 in production");
            assertThat(f.evidence()).extracting(Evidence::label).containsExactly(
                    "envs/stage/main.tf:2 — pre-production: ref v2.3.0", "envs/prod/main.tf:2 — production: ref v2.1.0");
        });
    }

    @Test
    void terraformAndProviderPinsOfEachEnvironmentAreComparedForRuntimeDrift(@TempDir Path dir) throws Exception {
        TerraformEnvironmentsTest.terraformRoots(dir);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        CheckResult drift = run(new RuntimeDriftCheck(), facts);
        assertThat(drift.findings()).extracting(Finding::subject)
                .containsExactly("runtime terraform", "runtime terraform provider hashicorp/aws");
        Finding aws = drift.findings().get(1);
        assertThat(aws.severity()).isEqualTo(EnvironmentFixtures.settings(RuntimeDriftCheck.ID).severity());
        assertThat(aws.message()).startsWith("Terraform provider hashicorp/aws is pinned at different major versions")
                .contains("5 (infrastructure, pre-production envs/stage/versions.tf)")
                .contains("4.67.0 (infrastructure, production envs/prod/.terraform.lock.hcl)");
        // ~> 1.6.0 in stage against 1.5.7 in production's .terraform-version: a minor drift, a warning
        Finding terraform = drift.findings().get(0);
        assertThat(terraform.message()).contains("different minor versions")
                .contains("1.5.7 (tool-file, production envs/prod/.terraform-version)");
        assertThat(terraform.severity()).isNotEqualTo(aws.severity());
    }

    @Test
    void aTerragruntComponentOnlyInDevelopmentIsMissingInProduction(@TempDir Path dir) throws Exception {
        TerraformEnvironmentsTest.terragrunt(dir);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        CheckResult missing = run(new MissingEnvironmentCheck(), facts);
        assertThat(missing.status()).isEqualTo(CheckStatus.WARN);
        assertThat(missing.summary()).isEqualTo("1 of 3 environment definitions missing across 3 components below"
                + " per-environment folders");
        assertThat(missing.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Terraform component infra/modules/honeycomb of infra/us-east-1/ is"
                    + " defined for development but not for production");
            assertThat(f.evidence()).extracting(Evidence::path).containsExactly(
                    "infra/us-east-1/dev/eks/honeycomb/terragrunt.hcl", "infra/us-east-1/prod/vpc/terragrunt.hcl");
        });

        CheckResult drift = run(new KeyDriftCheck(), facts);
        assertThat(drift.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("terraform component github.com/terraform-aws-modules/terraform-aws-vpc"
                    + " of infra/us-east-1/").contains("not for production")
                    .contains("inputs.create_database_subnet_group, inputs.database_subnet_group_name");
            assertThat(f.evidence()).extracting(Evidence::label).contains(
                    "infra/us-east-1/dev/vpc/terragrunt.hcl:20 — inputs.create_database_subnet_group is set for"
                            + " development");
        });
    }

    @Test
    void manyRootsPinningAProviderAreOneFindingThatNamesEachVersionOnce(@TempDir Path dir) throws Exception {
        for (int i = 1; i <= 7; i++) {
            TerraformEnvironmentsTest.write(dir, "terraform/accounts/account-" + i + "/versions.tf", """
                    terraform {
                      required_providers {
                        aws = {
                          source  = "hashicorp/aws"
                          version = "~> 6.0"
                        }
                      }
                      required_version = "~> 1.0"
                    }
                    """);
        }
        TerraformEnvironmentsTest.write(dir, "terraform/bootstrap/versions.tf", """
                terraform {
                  required_providers {
                    aws = {
                      version = "~>4.0"
                      source  = "hashicorp/aws"
                    }
                  }
                }
                """);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        CheckResult drift = run(new RuntimeDriftCheck(), facts);
        assertThat(drift.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("runtime terraform provider hashicorp/aws");
            assertThat(f.message()).isEqualTo("Terraform provider hashicorp/aws is pinned at different major versions:"
                    + " 6 (7 places, e.g. infrastructure terraform/accounts/account-1/versions.tf), 4 (1 place, e.g."
                    + " infrastructure terraform/bootstrap/versions.tf). Infrastructure is planned and applied with"
                    + " different versions in different places: what one root or environment tried is not what"
                    + " another applies.");
            assertThat(f.evidence()).extracting(Evidence::label).containsExactly(
                    "terraform/accounts/account-1/versions.tf:5 — terraform provider hashicorp/aws 6 — infrastructure",
                    "terraform/accounts/account-2/versions.tf:5 — terraform provider hashicorp/aws 6 — infrastructure",
                    "terraform/accounts/account-3/versions.tf:5 — terraform provider hashicorp/aws 6 — infrastructure",
                    "terraform/bootstrap/versions.tf:4 — terraform provider hashicorp/aws 4 — infrastructure");
        });
        // required_version "~> 1.0" pins the major 1 everywhere: no drift
        assertThat(drift.summary()).isEqualTo("1 of 2 runtimes pinned in several places disagrees");
    }
}
