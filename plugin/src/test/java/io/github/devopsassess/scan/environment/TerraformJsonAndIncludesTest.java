package io.github.devopsassess.scan.environment;

import static io.github.devopsassess.scan.environment.EnvironmentFixtures.definitions;
import static io.github.devopsassess.scan.environment.TerraformEnvironmentsTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.RemoteRef;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.RuntimePins;
import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform's JSON forms ({@code *.tfvars.json}, {@code *.tf.json}) and Terragrunt units with what they include. */
class TerraformJsonAndIncludesTest {

    /** config/<env>.tfvars.json beside one Terraform root, as a cluster repository keeps them. */
    private static void tfvarsJson(Path dir) throws Exception {
        write(dir, "cluster/terraform_aks_cluster/config/development.tfvars.json", """
                {
                  "kubernetes_version": "1.29.4",
                  "default_node_pool": {
                    "node_count": 1,
                    "max_surge": 1
                  },
                  "admin_group_id": "00000000-aaaa-bbbb-cccc-000000000001",
                  "second_egress_ip": false
                }
                """);
        write(dir, "cluster/terraform_aks_cluster/config/production.tfvars.json", """
                {
                  "kubernetes_version": "1.28.9",
                  "default_node_pool": {
                    "node_count": 3,
                    "max_surge": 1
                  },
                  "admin_group_id": "00000000-aaaa-bbbb-cccc-000000000002",
                  "second_egress_ip": true,
                  "sp_client_secret": "s3cr3t-value-not-shown"
                }
                """);
        // a template copied into new services is applied nowhere
        write(dir, "templates/new_service_config/terraform_env_vars/production.tfvars.json", """
                {
                  "cluster": "production",
                  "replicas": 2
                }
                """);
        // an application folder under environments/ is no environment: its tfvars.json is not compared
        write(dir, "terraform/environments/payments/networking.auto.tfvars.json", """
                {
                  "networking": [{ "business-unit": "hmpps", "set": "general" }]
                }
                """);
    }

    @Test
    void tfvarsJsonPerEnvironmentGivesSettingsAtTheLinesOfTheirKeys(@TempDir Path dir) throws Exception {
        tfvarsJson(dir);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        EnvironmentDefinition prod = definitions(facts, "terraform", "production").stream().findFirst().orElseThrow();
        assertThat(prod.family()).isEqualTo("cluster/terraform_aks_cluster/config");
        assertThat(prod.path()).isEqualTo("cluster/terraform_aks_cluster/config/production.tfvars.json");
        assertThat(prod.settings()).extracting(Setting::displayKey, Setting::value, Setting::line).containsExactly(
                tuple("kubernetes_version", "1.28.9", 2),
                tuple("default_node_pool", "{ node_count = 3 max_surge = 1 }", 3),
                tuple("admin_group_id", "00000000-aaaa-bbbb-cccc-000000000002", 7),
                tuple("second_egress_ip", "true", 8),
                tuple("sp_client_secret", Setting.MASKED, 9));
        assertThat(definitions(facts, "terraform", "development")).singleElement()
                .satisfies(d -> assertThat(d.family()).isEqualTo(prod.family()));
        assertThat(definitions(facts, "terraform", "production")).singleElement();
        assertThat(EnvironmentFixtures.environments(facts).environments())
                .containsExactly("development", "production");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void aMalformedTfvarsJsonIsOneProblemAndTheOtherEnvironmentsAreStillRead(@TempDir Path dir) throws Exception {
        tfvarsJson(dir);
        write(dir, "cluster/terraform_aks_cluster/config/test.tfvars.json", """
                {
                  "kubernetes_version": "1.29.4",
                  "default_node_pool": {
                    "node_count": 2
                  ,
                  "second_egress_ip": false
                }
                """);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cluster/terraform_aks_cluster/config/test.tfvars.json");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).startsWith("malformed JSON");
        });
        assertThat(definitions(facts, "terraform", "test")).isEmpty();
        assertThat(EnvironmentFixtures.environments(facts).environments())
                .containsExactly("development", "production");
    }

    @Test
    void moduleCallsAndVersionPinsOfTfJsonAreReadLikeTf(@TempDir Path dir) throws Exception {
        write(dir, "envs/stage/main.tf.json", """
                {
                  "module": {
                    "app": {
                      "source": "git::https://github.com/example-org/terraform-app.git?ref=v1.4.0",
                      "instance_type": "t3.small",
                      "min_size": 1
                    }
                  },
                  "terraform": {
                    "required_providers": {
                      "aws": { "source": "hashicorp/aws", "version": "5.31.0" }
                    }
                  }
                }
                """);
        write(dir, "envs/prod/main.tf", """
                module "app" {
                  source        = "git::https://github.com/example-org/terraform-app.git?ref=v1.3.0"
                  instance_type = "m5.large"
                  min_size      = 3
                }
                """);
        write(dir, "envs/prod/broken.tf.json", """
                {"module": {"dns": {"source": "../../modules/dns" "zone": "example.org"}}}
                """);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        EnvironmentDefinition stage = definitions(facts, "terraform", EnvironmentNames.PRE_PRODUCTION).stream().findFirst().orElseThrow();
        assertThat(stage.path()).isEqualTo("envs/stage/main.tf.json");
        assertThat(stage.settings()).extracting(Setting::displayKey, Setting::value, Setting::line).containsExactly(
                tuple("module.app.instance_type", "t3.small", 5), tuple("module.app.min_size", "1", 6));
        assertThat(stage.remotes()).extracting(RemoteRef::url, RemoteRef::ref, RemoteRef::line)
                .containsExactly(tuple("github.com/example-org/terraform-app", "v1.4.0", 4));
        assertThat(definitions(facts, "terraform", "production")).singleElement()
                .satisfies(d -> assertThat(d.family()).isEqualTo(stage.family()));
        assertThat(facts.find(RuntimePins.class).map(RuntimePins::pins).orElseThrow())
                .extracting(RuntimePin::runtime, RuntimePin::version, RuntimePin::path, RuntimePin::line)
                .containsExactly(tuple("terraform provider hashicorp/aws", "5.31.0", "envs/stage/main.tf.json", 11));
        // the broken file: one problem with its line; prod's main.tf is still read
        assertThat(facts.problems()).extracting(ParseProblem::path, ParseProblem::line)
                .containsExactly(tuple("envs/prod/broken.tf.json", 1));
    }

    /**
     * The shape of a Terragrunt monorepo whose root merges each environment's env.hcl locals into the inputs, and
     * whose units include the root.
     */
    private static void terragruntWithRoot(Path dir) throws Exception {
        write(dir, "infra/terragrunt.hcl", """
                locals {
                  account_vars     = read_terragrunt_config(find_in_parent_folders("account.hcl"))
                  environment_vars = read_terragrunt_config(find_in_parent_folders("env.hcl"))
                  aws_region       = local.environment_vars.locals.aws_region
                }

                remote_state {
                  backend = "s3"
                  config = {
                    bucket = "example-terraform-state"
                    key    = "${path_relative_to_include()}/terraform.tfstate"
                  }
                }

                inputs = merge(
                  local.account_vars.locals,
                  local.environment_vars.locals,
                )
                """);
        write(dir, "infra/account.hcl", """
                locals {
                  account_name   = "example"
                  aws_account_id = "123456789012"
                }
                """);
        write(dir, "infra/us-east-1/dev/env.hcl", """
                locals {
                  aws_region    = "us-east-1"
                  environment   = "dev"
                  log_retention = 7
                }
                """);
        write(dir, "infra/us-east-1/prod/env.hcl", """
                locals {
                  aws_region  = "us-east-1"
                  environment = "prod"
                }
                """);
        write(dir, "infra/us-east-1/dev/vpc/terragrunt.hcl", """
                terraform {
                  source = "github.com/terraform-aws-modules/terraform-aws-vpc.git//.?ref=v5.1.1"
                }

                include "root" {
                  path = find_in_parent_folders()
                }

                inputs = {
                  single_nat_gateway = true
                  log_retention      = 3
                }
                """);
        write(dir, "infra/us-east-1/prod/vpc/terragrunt.hcl", """
                terraform {
                  source = "github.com/terraform-aws-modules/terraform-aws-vpc.git//.?ref=v5.1.1"
                }

                include {
                  path = find_in_parent_folders()
                }

                inputs = {
                  single_nat_gateway = false
                }
                """);
    }

    @Test
    void inputsInheritedThroughIncludeArePartOfEachEnvironmentsInputs(@TempDir Path dir) throws Exception {
        terragruntWithRoot(dir);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        EnvironmentDefinition dev = definitions(facts, "terraform", "development").stream()
                .filter(d -> d.path().endsWith("vpc/terragrunt.hcl")).findFirst().orElseThrow();
        // the root's merge() of account.hcl and dev's own env.hcl, then the unit's own inputs, which win
        assertThat(dev.settings()).extracting(Setting::displayKey, Setting::value, Setting::path, Setting::line)
                .containsExactly(
                        tuple("inputs.account_name", "example", "infra/account.hcl", 2),
                        tuple("inputs.aws_account_id", "123456789012", "infra/account.hcl", 3),
                        tuple("inputs.aws_region", "us-east-1", "infra/us-east-1/dev/env.hcl", 2),
                        tuple("inputs.environment", "dev", "infra/us-east-1/dev/env.hcl", 3),
                        tuple("inputs.single_nat_gateway", "true", "infra/us-east-1/dev/vpc/terragrunt.hcl", 10),
                        tuple("inputs.log_retention", "3", "infra/us-east-1/dev/vpc/terragrunt.hcl", 11));
        EnvironmentDefinition prod = definitions(facts, "terraform", "production").stream()
                .filter(d -> d.path().endsWith("vpc/terragrunt.hcl")).findFirst().orElseThrow();
        assertThat(prod.family()).isEqualTo(dev.family());
        assertThat(prod.settings()).extracting(Setting::displayKey, Setting::value).containsExactly(
                tuple("inputs.account_name", "example"), tuple("inputs.aws_account_id", "123456789012"),
                tuple("inputs.aws_region", "us-east-1"), tuple("inputs.environment", "prod"),
                tuple("inputs.single_nat_gateway", "false"));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void aMalformedIncludedFileIsOneProblemAndTheUnitsOwnInputsRemain(@TempDir Path dir) throws Exception {
        terragruntWithRoot(dir);
        write(dir, "infra/us-east-1/prod/env.hcl", """
                locals {
                  aws_region  = "us-east-1"
                  environment = "prod
                }
                """);
        write(dir, "infra/us-east-1/prod/eks/terragrunt.hcl", """
                include "root" {
                  path = find_in_parent_folders()
                  merge_strategy = "no_merge"
                }

                inputs = {
                  cluster_version = "1.29"
                }
                """);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        // read once although two units include the root that reads it
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("infra/us-east-1/prod/env.hcl");
            assertThat(p.line()).isEqualTo(3);
        });
        assertThat(definitions(facts, "terraform", "production"))
                .filteredOn(d -> d.path().endsWith("vpc/terragrunt.hcl")).singleElement()
                .satisfies(d -> assertThat(d.settings()).extracting(Setting::displayKey).containsExactly(
                        "inputs.account_name", "inputs.aws_account_id", "inputs.single_nat_gateway"));
        // merge_strategy = "no_merge": nothing of the root
        assertThat(definitions(facts, "terraform", "production"))
                .filteredOn(d -> d.path().endsWith("eks/terragrunt.hcl")).singleElement()
                .satisfies(d -> assertThat(d.settings()).extracting(Setting::displayKey)
                        .containsExactly("inputs.cluster_version"));
    }

    @Test
    void includePathsResolveAsTerragruntResolvesThem(@TempDir Path dir) throws Exception {
        write(dir, "live/_envcommon/app.hcl", """
                inputs = {
                  replicas = 2
                }
                """);
        write(dir, "live/root.hcl", """
                inputs = {
                  owner = "platform"
                }
                """);
        write(dir, "live/prod/app/terragrunt.hcl", """
                include "root" {
                  path = find_in_parent_folders("root.hcl")
                }
                include "envcommon" {
                  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/app.hcl"
                }
                inputs = {
                  replicas = 6
                }
                """);
        write(dir, "live/stage/app/terragrunt.hcl", """
                include "envcommon" {
                  path = "${get_terragrunt_dir()}/../../_envcommon/app.hcl"
                }
                include "missing" {
                  path = "${get_repo_root()}/live/_envcommon/not-here.hcl"
                }
                """);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        assertThat(definitions(facts, "terraform", "production")).singleElement().satisfies(d -> assertThat(
                d.settings()).extracting(Setting::displayKey, Setting::value, Setting::path).containsExactly(
                        tuple("inputs.owner", "platform", "live/root.hcl"),
                        tuple("inputs.replicas", "6", "live/prod/app/terragrunt.hcl")));
        assertThat(definitions(facts, "terraform", EnvironmentNames.PRE_PRODUCTION)).singleElement().satisfies(d -> assertThat(
                d.settings()).extracting(Setting::displayKey, Setting::value, Setting::path).containsExactly(
                        tuple("inputs.replicas", "2", "live/_envcommon/app.hcl")));
        assertThat(facts.problems()).isEmpty();
    }
}
