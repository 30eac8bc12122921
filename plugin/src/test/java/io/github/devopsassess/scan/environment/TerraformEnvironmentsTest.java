package io.github.devopsassess.scan.environment;

import static io.github.devopsassess.scan.environment.EnvironmentFixtures.definitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentMatrix;
import io.github.devopsassess.facts.environment.RemoteRef;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.RuntimePins;
import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform module calls and Terragrunt units per environment, and Terraform's version pins. */
public class TerraformEnvironmentsTest {

    public static void write(Path dir, String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** envs/stage and envs/prod call the same modules; stage also runs an observability stack. */
    public static void terraformRoots(Path dir) throws Exception {
        write(dir, "envs/stage/main.tf", """
                module "network" {
                  source = "git::https://github.com/example-org/terraform-network.git//vpc?ref=v2.3.0"

                  cidr_block         = "10.20.0.0/16"
                  single_nat_gateway = true
                  flow_logs          = false
                }

                module "app" {
                  source        = "../../modules/app"
                  instance_type = "t3.small"
                  min_size      = 1
                }

                module "observability" {
                  source         = "../../modules/observability"
                  retention_days = 7
                }
                """);
        write(dir, "envs/prod/main.tf", """
                module "network" {
                  source = "git::https://github.com/example-org/terraform-network.git//vpc?ref=v2.1.0"

                  cidr_block         = "10.30.0.0/16"
                  single_nat_gateway = false
                }

                module "app" {
                  source        = "../../modules/app"
                  instance_type = "m5.large"
                  min_size      = 3
                }
                """);
        write(dir, "envs/stage/versions.tf", """
                terraform {
                  required_version = "~> 1.6.0"

                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "~> 5.0"
                    }
                  }
                }
                """);
        write(dir, "envs/prod/versions.tf", """
                terraform {
                  required_version = ">= 1.3"

                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "~> 4.67"
                    }
                    random = "3.5.1"
                  }
                }
                """);
        write(dir, "envs/prod/.terraform.lock.hcl", """
                # This file is maintained automatically by "terraform init".
                # Manual edits may be lost in future updates.

                provider "registry.terraform.io/hashicorp/aws" {
                  version     = "4.67.0"
                  constraints = "~> 4.67"
                  hashes = [
                    "h1:dCRc4GqsyfqHEMjgtlM1EympBcgTmcTkWaJmtd91+KA=",
                  ]
                }
                """);
        write(dir, "envs/prod/.terraform-version", "1.5.7\n");
        write(dir, "modules/app/main.tf", """
                variable "instance_type" {
                  type = string
                }

                variable "min_size" {
                  type = number
                }
                """);
    }

    @Test
    void moduleCallsOfEachEnvironmentFolderAreSettingsWithTheirLines(@TempDir Path dir) throws Exception {
        terraformRoots(dir);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        EnvironmentDefinition stage = definitions(facts, "terraform", "pre-production").get(0);
        assertThat(stage.family()).as("envs/ is at the repository root").isEmpty();
        assertThat(stage.settings()).extracting(Setting::displayKey, Setting::value, Setting::path, Setting::line)
                .containsExactly(
                        tuple("module.network.cidr_block", "10.20.0.0/16", "envs/stage/main.tf", 4),
                        tuple("module.network.single_nat_gateway", "true", "envs/stage/main.tf", 5),
                        tuple("module.network.flow_logs", "false", "envs/stage/main.tf", 6),
                        tuple("module.app.instance_type", "t3.small", "envs/stage/main.tf", 11),
                        tuple("module.app.min_size", "1", "envs/stage/main.tf", 12),
                        tuple("module.observability.retention_days", "7", "envs/stage/main.tf", 17));
        // the remote module at its ref; a local module is no remote base
        assertThat(stage.remotes()).extracting(RemoteRef::url, RemoteRef::ref, RemoteRef::line).containsExactly(
                tuple("github.com/example-org/terraform-network//vpc", "v2.3.0", 2));
        EnvironmentDefinition prod = definitions(facts, "terraform", "production").get(0);
        assertThat(prod.group()).isEqualTo(stage.group());
        assertThat(prod.remotes()).extracting(RemoteRef::url, RemoteRef::ref).containsExactly(
                tuple("github.com/example-org/terraform-network//vpc", "v2.1.0"));
        // module code is no environment
        assertThat(EnvironmentFixtures.environments(facts).definitions()).extracting(EnvironmentDefinition::path)
                .noneMatch(p -> p.startsWith("modules/"));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void versionPinsOfEachEnvironmentAreRuntimePins(@TempDir Path dir) throws Exception {
        terraformRoots(dir);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        assertThat(facts.find(RuntimePins.class).orElseThrow().pins()).extracting(RuntimePin::runtime,
                RuntimePin::version, RuntimePin::path, RuntimePin::line, RuntimePin::origin, RuntimePin::environment)
                .containsExactlyInAnyOrder(
                        // "~> 1.6.0" pins 1.6; ">= 1.3" is a floor, which pins nothing
                        tuple("terraform", "1.6", "envs/stage/versions.tf", 2, RuntimePin.INFRASTRUCTURE,
                                "pre-production"),
                        tuple("terraform", "1.5.7", "envs/prod/.terraform-version", 1, RuntimePin.TOOL_FILE,
                                "production"),
                        tuple("terraform provider hashicorp/aws", "5", "envs/stage/versions.tf", 7,
                                RuntimePin.INFRASTRUCTURE, "pre-production"),
                        tuple("terraform provider hashicorp/aws", "4", "envs/prod/versions.tf", 7,
                                RuntimePin.INFRASTRUCTURE, "production"),
                        tuple("terraform provider hashicorp/aws", "4.67.0", "envs/prod/.terraform.lock.hcl", 5,
                                RuntimePin.INFRASTRUCTURE, "production"),
                        tuple("terraform provider hashicorp/random", "3.5.1", "envs/prod/versions.tf", 9,
                                RuntimePin.INFRASTRUCTURE, "production"));
        EnvironmentMatrix.Row aws = EnvironmentFixtures.environments(facts).matrix().rows().stream()
                .filter(r -> r.name().equals("terraform provider hashicorp/aws")).findFirst().orElseThrow();
        assertThat(aws.cells()).containsOnlyKeys("pre-production", "production");
        assertThat(aws.cells().get("production").value()).isEqualTo("4.67.0 / 4");
        assertThat(aws.differs()).isTrue();
    }

    @Test
    void aPinInAnApplicationFolderUnderEnvironmentsBelongsToNoEnvironment(@TempDir Path dir) throws Exception {
        write(dir, "terraform/environments/payments/versions.tf", """
                terraform {
                  required_version = "1.6.2"
                }
                """);
        write(dir, "terraform/environments/payments/.terraform-version", "1.6.2\n");
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        assertThat(facts.find(RuntimePins.class).orElseThrow().pins()).extracting(RuntimePin::path,
                RuntimePin::environment).containsExactly(
                        tuple("terraform/environments/payments/.terraform-version", ""),
                        tuple("terraform/environments/payments/versions.tf", ""));
    }

    /** The shape of a Terragrunt monorepo: infra/<region>/<env>/<component>/terragrunt.hcl. */
    public static void terragrunt(Path dir) throws Exception {
        write(dir, "infra/terragrunt.hcl", """
                remote_state {
                  backend = "s3"
                  config = {
                    bucket = "example-terraform-state"
                    key    = "${path_relative_to_include()}/terraform.tfstate"
                  }
                }
                """);
        write(dir, "infra/us-east-1/dev/env.hcl", """
                locals {
                  environment = "dev"
                  cidr_prefix = "10.50"
                }
                """);
        write(dir, "infra/us-east-1/dev/vpc/terragrunt.hcl", """
                locals {
                  environment_vars = read_terragrunt_config(find_in_parent_folders("env.hcl"))
                  cidr_prefix      = local.environment_vars.locals.cidr_prefix
                }

                terraform {
                  source = "github.com/terraform-aws-modules/terraform-aws-vpc.git//.?ref=v5.1.1"
                }

                include {
                  path = find_in_parent_folders()
                }

                inputs = {
                  cidr = "${local.cidr_prefix}.0.0/16"

                  enable_nat_gateway = true
                  single_nat_gateway = true

                  create_database_subnet_group = true
                  database_subnet_group_name   = "dev-subnet-group"
                }
                """);
        write(dir, "infra/us-east-1/prod/vpc/terragrunt.hcl", """
                terraform {
                  source = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git//.?ref=v5.1.1"
                }

                include {
                  path = find_in_parent_folders()
                }

                inputs = {
                  cidr = "${local.cidr_prefix}.0.0/16"

                  enable_nat_gateway = true
                  single_nat_gateway = false
                }
                """);
        write(dir, "infra/us-east-1/dev/eks/honeycomb/terragrunt.hcl", """
                include "root" {
                  path = find_in_parent_folders()
                }

                terraform {
                  source = "${get_repo_root()}/infra/modules/honeycomb"
                }

                dependency "eks" {
                  config_path = "../cluster"
                }

                inputs = {
                  cluster_name = "${dependency.eks.outputs.cluster_name}"
                }
                """);
        write(dir, "infra/us-east-1/dev/eks/kubevela-addons/terragrunt.hcl", """
                terraform {
                  source = "${get_repo_root()}/infra/modules/kubevela-addons"
                }

                inputs = {
                  enable_dex = true
                }
                """);
        write(dir, "infra/us-east-1/prod/eks/green/kubevela-addons/terragrunt.hcl", """
                terraform {
                  source = "${get_repo_root()}/infra/modules/kubevela-addons"
                }

                inputs = {
                  enable_dex = true
                }
                """);
        // a unit that does not parse: one problem, the other units are still read
        write(dir, "infra/us-east-1/prod/kms/terragrunt.hcl", """
                terraform {
                  source = "tfr:///terraform-aws-modules/kms/aws?version=2.1.0"
                }

                inputs = {
                  description = "prod key"
                  aliases = ["prod/app"
                }
                """);
        write(dir, "infra/modules/honeycomb/main.tf", """
                terraform {
                  required_providers {
                    honeycombio = {
                      source  = "honeycombio/honeycombio"
                      version = ">= 0.22.0, < 1.0.0"
                    }
                  }
                }
                """);
    }

    @Test
    void terragruntUnitsAreComponentsComparedByTheirModuleSource(@TempDir Path dir) throws Exception {
        terragrunt(dir);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        assertThat(definitions(facts, "terraform", "development")).extracting(EnvironmentDefinition::family,
                EnvironmentDefinition::path).containsExactlyInAnyOrder(
                        tuple("infra/us-east-1#github.com/terraform-aws-modules/terraform-aws-vpc",
                                "infra/us-east-1/dev/vpc/terragrunt.hcl"),
                        tuple("infra/us-east-1#infra/modules/honeycomb",
                                "infra/us-east-1/dev/eks/honeycomb/terragrunt.hcl"),
                        tuple("infra/us-east-1#infra/modules/kubevela-addons",
                                "infra/us-east-1/dev/eks/kubevela-addons/terragrunt.hcl"));
        // prod/eks/green/kubevela-addons is the same component as dev/eks/kubevela-addons: the same module
        assertThat(definitions(facts, "terraform", "production")).extracting(EnvironmentDefinition::family)
                .containsExactlyInAnyOrder("infra/us-east-1#github.com/terraform-aws-modules/terraform-aws-vpc",
                        "infra/us-east-1#infra/modules/kubevela-addons");
        EnvironmentDefinition devVpc = definitions(facts, "terraform", "development").stream()
                .filter(d -> d.path().endsWith("dev/vpc/terragrunt.hcl")).findFirst().orElseThrow();
        assertThat(devVpc.settings()).extracting(Setting::displayKey, Setting::line).containsExactly(
                tuple("inputs.cidr", 15), tuple("inputs.enable_nat_gateway", 17),
                tuple("inputs.single_nat_gateway", 18), tuple("inputs.create_database_subnet_group", 20),
                tuple("inputs.database_subnet_group_name", 21));
        assertThat(devVpc.remotes()).extracting(RemoteRef::url, RemoteRef::ref, RemoteRef::line).containsExactly(
                tuple("github.com/terraform-aws-modules/terraform-aws-vpc", "v5.1.1", 7));
        // a module of this repository (${get_repo_root()}/infra/modules/…) is no remote base
        assertThat(definitions(facts, "terraform", "development")).filteredOn(d -> d.path().contains("/eks/"))
                .allSatisfy(d -> assertThat(d.remotes()).isEmpty());
        // the root terragrunt.hcl (no environment) is no environment's; env.hcl is not a unit
        assertThat(EnvironmentFixtures.environments(facts).environments())
                .containsExactly("development", "production");
        // the broken unit: one problem naming its file and line, and nothing guessed from it
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("infra/us-east-1/prod/kms/terragrunt.hcl");
            assertThat(p.line()).isEqualTo(7);
        });
        assertThat(EnvironmentFixtures.environments(facts).definitions()).extracting(EnvironmentDefinition::path)
                .doesNotContain("infra/us-east-1/prod/kms/terragrunt.hcl");
        // a range (">= 0.22.0, < 1.0.0") pins nothing
        assertThat(facts.find(RuntimePins.class).map(RuntimePins::pins).orElseThrow()).isEmpty();
    }

    @Test
    void aMalformedTfFileIsOneProblemAndTheOtherEnvironmentsAreStillRead(@TempDir Path dir) throws Exception {
        terraformRoots(dir);
        write(dir, "envs/dev/main.tf", """
                module "app" {
                  source        = "../../modules/app"
                  instance_type = "t3.micro"

                module "network" {
                  source = "git::https://github.com/example-org/terraform-network.git//vpc?ref=v2.3.0"
                """);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        assertThat(facts.problems()).extracting(ParseProblem::path, ParseProblem::line)
                .containsExactly(tuple("envs/dev/main.tf", 5));
        assertThat(facts.problems().get(0).message()).contains("never closed");
        assertThat(definitions(facts, "terraform", "development")).isEmpty();
        assertThat(definitions(facts, "terraform", "production")).singleElement()
                .satisfies(d -> assertThat(d.settings()).hasSize(4));
    }
}
