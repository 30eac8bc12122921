package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform and service pipelines in the shapes infrastructure repositories use: matrices, siblings, promotion. */
class ProductionNotPromotedCheckTest {

    /** Plan then apply, the apply a matrix over pre-production and production. */
    private static final String MATRIX = """
            name: "Terraform: member environments"

            on:
              push:
                branches:
                  - main
              workflow_dispatch:

            permissions:
              id-token: write
              contents: read

            jobs:
              plan:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: terraform plan -out tfplan

              apply-preprod-prod:
                if: github.ref == 'refs/heads/main'
                runs-on: ubuntu-latest
                needs: [plan]
                strategy:
                  fail-fast: false
                  matrix:
                    environment: [preproduction, production]
                environment: ${{ matrix.environment }}
                steps:
                  - uses: actions/checkout@v4
                  - name: Terraform apply
                    run: terraform apply -auto-approve tfplan
            """;

    /** Development, test and production applied by sibling jobs of one push; production needs only the plan. */
    private static final String SIBLINGS = """
            name: core-network

            on:
              push:
                branches: [main]

            jobs:
              plan:
                runs-on: ubuntu-latest
                steps:
                  - run: terraform plan

              apply-development:
                needs: plan
                runs-on: ubuntu-latest
                environment: development
                steps:
                  - run: terraform apply -auto-approve

              apply-test:
                needs: plan
                runs-on: ubuntu-latest
                environment: test
                steps:
                  - run: terraform apply -auto-approve

              apply-production:
                needs: %s
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: terraform apply -auto-approve
            """;

    /** Staging from the develop branch, production from tags: never the same run. */
    private static final String SEPARATE_RUNS = """
            name: deploy

            on:
              push:
                branches: [develop]
                tags: ['v*']

            jobs:
              deploy-staging:
                if: github.ref == 'refs/heads/develop'
                runs-on: ubuntu-latest
                environment: staging
                steps:
                  - run: ./deploy.sh staging

              deploy-production:
                if: startsWith(github.ref, 'refs/tags/v')
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: ./deploy.sh production
            """;

    /** GitLab: staging and production in one stage, or production a stage later. */
    private static final String GITLAB = """
            stages:
              - build
              - %s
              - deploy-production

            build:
              stage: build
              script:
                - make build

            deploy:staging:
              stage: deploy-staging
              script:
                - helm upgrade --install app chart -f values-staging.yaml
              environment:
                name: staging
              only:
                - main

            deploy:production:
              stage: %s
              script:
                - helm upgrade --install app chart -f values-production.yaml
              environment:
                name: production
              only:
                - main
            """;

    /** One workflow per environment, each applying the same module on pushes that touch it. */
    private static final String PER_ENVIRONMENT = """
            ---
            name: core-vpc-%1$s-deployment

            on:
              push:
                branches:
                  - main
                paths:
                  - 'environments-networks/*-%1$s.json'
                  - 'terraform/environments/core-vpc/**'
                  - 'terraform/modules/vpc-nacls/**'
                  - '!**.md'
              pull_request:
                branches:
                  - main
              workflow_dispatch:

            jobs:
              core-vpc-%1$s-deployment-plan-apply:
                uses: ./.github/workflows/reusable_terraform_plan_apply.yml
                with:
                  working-directory: "terraform/environments/core-vpc"
                  environment: "%1$s"
                secrets: inherit
            """;

    /** The reusable plan-and-apply workflow the per-environment workflows call. */
    private static final String REUSABLE = """
            name: plan and apply

            on:
              workflow_call:
                inputs:
                  working-directory:
                    type: string
                  environment:
                    type: string

            jobs:
              plan-apply:
                runs-on: ubuntu-latest
                environment: ${{ inputs.environment }}
                steps:
                  - run: terraform -chdir=${{ inputs.working-directory }} apply -auto-approve
            """;

    private static CheckResult run(Path dir, String file, String text, String... more) throws Exception {
        Path path = dir.resolve(file);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, text);
        for (int i = 0; i < more.length; i += 2) {
            Path other = dir.resolve(more[i]);
            Files.createDirectories(other.getParent());
            Files.writeString(other, more[i + 1]);
        }
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        CheckSettings settings = new CheckSettings(new RubricLoader(ProductionNotPromotedCheckTest.class
                .getClassLoader()).loadDefault().checks().get(ProductionNotPromotedCheck.ID));
        return CheckRunner.evaluate(new ProductionNotPromotedCheck(), facts, settings);
    }

    @Test
    void aMatrixOverPreProductionAndProductionIsOneFindingAtTheJob(@TempDir Path dir) throws Exception {
        CheckResult r = run(dir, ".github/workflows/terraform-member.yml", MATRIX);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".github/workflows/terraform-member.yml");
            assertThat(f.message()).contains("'apply-preprod-prod' (one matrix with preproduction)",
                    "pre-production gates nothing");
            assertThat(f.evidence()).containsExactly(Evidence.line(".github/workflows/terraform-member.yml", 20)
                    .withNote("matrix of preproduction, production: the legs run in parallel"));
        });
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aMatrixThatDeploysOneLegAtATimeAndStopsAtTheFirstFailureIsPromoted(@TempDir Path dir) throws Exception {
        CheckResult serial = run(dir, ".github/workflows/terraform-member.yml", MATRIX.replace("fail-fast: false",
                "max-parallel: 1"));
        assertThat(serial.findings()).isEmpty();
        // production listed first deploys first
        CheckResult productionFirst = run(dir, ".github/workflows/terraform-member.yml", MATRIX.replace(
                "fail-fast: false", "max-parallel: 1").replace("[preproduction, production]",
                        "[production, preproduction]"));
        assertThat(productionFirst.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("(one matrix with preproduction)"));
    }

    @Test
    void siblingJobsOfOnePushAreAFindingAndProductionThatNeedsAPreProductionDeployIsPromoted(@TempDir Path dir)
            throws Exception {
        CheckResult parallel = run(dir, ".github/workflows/core-network.yml", SIBLINGS.formatted("plan"));
        assertThat(parallel.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("'apply-production' (beside apply-development, apply-test)");
            assertThat(f.evidence()).containsExactly(Evidence.line(".github/workflows/core-network.yml", 27)
                    .withNote("apply-production needs: plan"));
        });
        assertThat(parallel.summary()).isEqualTo("1 of 1 production deploy job that runs beside a pre-production"
                + " deploy does not wait for it");
        CheckResult promoted = run(dir, ".github/workflows/core-network.yml", SIBLINGS.formatted("[apply-test]"));
        assertThat(promoted.findings()).isEmpty();
        assertThat(promoted.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void deploysThatNeverShareARunAreNotJudged(@TempDir Path dir) throws Exception {
        CheckResult r = run(dir, ".github/workflows/deploy.yml", SEPARATE_RUNS);
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).contains("no pipeline run deploys both a pre-production environment and production");
    }

    @Test
    void inGitLabTheStageOrderDecides(@TempDir Path dir) throws Exception {
        CheckResult sameStage = run(dir, ".gitlab-ci.yml", GITLAB.formatted("deploy-staging", "deploy-staging"));
        assertThat(sameStage.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("'deploy:production' (beside deploy:staging)");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(20);
        });
        CheckResult later = run(dir, ".gitlab-ci.yml", GITLAB.formatted("deploy-staging", "deploy-production"));
        assertThat(later.findings()).isEmpty();
        assertThat(later.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aProductionWorkflowThatTheSamePushStartsBesideThePreProductionWorkflowsIsAFindingAtItsPushTrigger(
            @TempDir Path dir) throws Exception {
        String reusable = ".github/workflows/reusable_terraform_plan_apply.yml";
        CheckResult r = run(dir, ".github/workflows/core-vpc-production-deployment.yml",
                PER_ENVIRONMENT.formatted("production"), ".github/workflows/core-vpc-preproduction-deployment.yml",
                PER_ENVIRONMENT.formatted("preproduction"), ".github/workflows/core-vpc-sandbox-deployment.yml",
                PER_ENVIRONMENT.formatted("sandbox"), reusable, REUSABLE);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".github/workflows/core-vpc-production-deployment.yml");
            assertThat(f.message()).contains("the pre-production deploys of"
                    + " .github/workflows/core-vpc-preproduction-deployment.yml, and waits for none of them")
                    .doesNotContain("sandbox");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(5, 19);
        });
        // pushes that touch other paths start the pre-production workflows: not the same push
        CheckResult otherPaths = run(dir, ".github/workflows/core-vpc-preproduction-deployment.yml",
                PER_ENVIRONMENT.formatted("preproduction").replace("'terraform/", "'infrastructure/"));
        assertThat(otherPaths.findings()).isEmpty();
    }

    @Test
    void anotherComponentThatSharesAModulePathIsNotItsPreProduction(@TempDir Path dir) throws Exception {
        // core-logging is a production-only account; it shares the module path and the reusable workflow with
        // core-vpc, whose pre-production deploys are of another stack (labelled wrong on the corpus when reported)
        String logging = PER_ENVIRONMENT.formatted("production").replace("core-vpc-production", "core-logging")
                .replace("terraform/environments/core-vpc", "terraform/environments/core-logging");
        CheckResult r = run(dir, ".github/workflows/core-logging-deployment.yml", logging,
                ".github/workflows/core-vpc-preproduction-deployment.yml", PER_ENVIRONMENT.formatted("preproduction"),
                ".github/workflows/reusable_terraform_plan_apply.yml", REUSABLE);
        assertThat(r.findings()).isEmpty();
        assertThat(ProductionNotPromotedCheck.sameComponent(workflow("core-vpc-production-deployment.yml"),
                workflow("core-vpc-preproduction-deployment.yml"))).isTrue();
        assertThat(ProductionNotPromotedCheck.sameComponent(workflow("deploy-prod.yaml"), workflow("staging.yml")))
                .isTrue();
        assertThat(ProductionNotPromotedCheck.sameComponent(workflow("core-logging-deployment.yml"),
                workflow("core-vpc-development-deployment.yml"))).isFalse();
    }

    private static String workflow(String name) {
        return ".github/workflows/" + name;
    }

    @Test
    void preProductionNamesAreWordsNotSubstrings() {
        assertThat(ProductionNotPromotedCheck.preProductionName("pre-prod")).isTrue();
        assertThat(ProductionNotPromotedCheck.preProductionName("preproduction")).isTrue();
        assertThat(ProductionNotPromotedCheck.preProductionName("uat2")).isTrue();
        assertThat(ProductionNotPromotedCheck.preProductionName("review/$CI_COMMIT_REF_SLUG")).isFalse();
        assertThat(ProductionNotPromotedCheck.preProductionName("latest")).isFalse();
        assertThat(ProductionNotPromotedCheck.preProductionName("production")).isFalse();
    }
}
