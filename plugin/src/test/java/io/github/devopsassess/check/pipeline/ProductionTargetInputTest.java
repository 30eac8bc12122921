package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.testing.DefaultSettings;
import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A job that calls a reusable workflow and passes the production target as an input ({@code with: environment:
 * "production"}) deploys to production, whatever the job is called; a call that passes a non-production target, or
 * an expression, is not taken for a production deploy.
 */
class ProductionTargetInputTest {

    private static final String REUSABLE = """
            name: terraform plan apply
            on:
              workflow_call:
                inputs:
                  working-directory:
                    required: true
                    type: string
                  environment:
                    type: string
                    required: false
            jobs:
              plan-and-apply:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: terraform -chdir="${{ inputs.working-directory }}" init
                  - run: terraform -chdir="${{ inputs.working-directory }}" apply -auto-approve
            """;

    private static CheckResult run(Check check, Facts facts) {
        return CheckRunner.evaluate(check, facts, DefaultSettings.of(check.id()));
    }

    private static String caller(String job, String environment) {
        return """
                name: %s
                on:
                  push:
                    branches:
                      - main
                  workflow_dispatch:
                permissions:
                  id-token: write
                  contents: read
                jobs:
                  %s:
                    uses: ./.github/workflows/reusable_terraform_plan_apply.yml
                    with:
                      working-directory: "terraform/environments/shared-services"
                      environment: %s
                    secrets:
                      PASSPHRASE: ${{ secrets.PASSPHRASE }}
                """.formatted(job, job, environment);
    }

    @Test
    void aProductionTargetPassedToALocalReusableWorkflowWithoutEnvironmentIsAnUnprotectedProductionDeploy(
            @TempDir Path dir) throws Exception {
        PipelineFixtures.writeWorkflow(dir, "reusable_terraform_plan_apply.yml", REUSABLE);
        PipelineFixtures.writeWorkflow(dir, "shared-services-deployment.yml",
                caller("shared-services-deployment-plan-apply", "\"production\""));
        PipelineFixtures.writeWorkflow(dir, "shared-services-development.yml",
                caller("shared-services-development-plan-apply", "\"development\""));
        PipelineFixtures.writeWorkflow(dir, "shared-services-chosen.yml",
                caller("shared-services-chosen-plan-apply", "${{ github.event.inputs.environment }}"));

        CheckResult r = run(new ProductionEnvironmentProtectionCheck(), PipelineFixtures.scanFolder(dir, List.of()));

        String path = ".github/workflows/shared-services-deployment.yml";
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(path + "#shared-services-deployment-plan-apply");
            assertThat(f.message()).contains("deploys to production without a deployment environment")
                    .contains("./.github/workflows/reusable_terraform_plan_apply.yml");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(tuple(path, 11));
        });
        assertThat(r.summary()).startsWith("1 of 1 production deploy job lacks");
    }

    @Test
    void aCalledWorkflowThatDeclaresTheEnvironmentIsNotReported(@TempDir Path dir) throws Exception {
        PipelineFixtures.writeWorkflow(dir, "reusable_terraform_plan_apply.yml", REUSABLE.replace(
                "    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n"
                        + "    environment: ${{ inputs.environment }}\n"));
        PipelineFixtures.writeWorkflow(dir, "shared-services-deployment.yml",
                caller("shared-services-deployment-plan-apply", "production"));

        CheckResult r = run(new ProductionEnvironmentProtectionCheck(), PipelineFixtures.scanFolder(dir, List.of()));

        // the called job declares an environment whose reviewers are platform settings: unknown, not a finding
        assertThat(r.findings()).extracting(Finding::subject).isEmpty();
        assertThat(r.assessed()).isFalse();
        assertThat(r.summary()).startsWith("unknown: 1 production deploy job");
    }

    @Test
    void aSecondUnprotectedJobOfTheSameRunJoinsTheFirstFinding(@TempDir Path dir) throws Exception {
        PipelineFixtures.writeWorkflow(dir, "reusable_terraform_plan_apply.yml", REUSABLE);
        PipelineFixtures.writeWorkflow(dir, "reusable-ram-association.yml", REUSABLE.replace("plan-and-apply:",
                "ram-association:"));
        PipelineFixtures.writeWorkflow(dir, "vpc-production-deployment.yml",
                caller("vpc-production-deployment-plan-apply", "\"production\"") + """
                          ram-association:
                            needs: vpc-production-deployment-plan-apply
                            uses: ./.github/workflows/reusable-ram-association.yml
                            with:
                              environment: "production"
                        """);

        CheckResult r = run(new ProductionEnvironmentProtectionCheck(), PipelineFixtures.scanFolder(dir, List.of()));

        String path = ".github/workflows/vpc-production-deployment.yml";
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(path + "#vpc-production-deployment-plan-apply");
            assertThat(f.message()).contains(", and so does 'ram-association' after it in the same run:");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    tuple(path, 11), tuple(path, 18));
        });
        assertThat(r.summary()).startsWith("2 of 2 production deploy jobs lack");
    }

    @Test
    void productionDeploysOfOtherWorkflowsThroughTheSameReusableWorkflowAreOneFinding(@TempDir Path dir)
            throws Exception {
        PipelineFixtures.writeWorkflow(dir, "reusable_terraform_plan_apply.yml", REUSABLE);
        PipelineFixtures.writeWorkflow(dir, "core-logging-deployment.yml",
                caller("core-logging-deployment-plan-apply", "\"production\""));
        PipelineFixtures.writeWorkflow(dir, "core-security-deployment.yml",
                caller("core-security-deployment-plan-apply", "\"production\"") + """
                          ram-association:
                            needs: core-security-deployment-plan-apply
                            uses: ./.github/workflows/reusable-ram-association.yml
                            with:
                              environment: "production"
                        """);
        PipelineFixtures.writeWorkflow(dir, "reusable-ram-association.yml", REUSABLE.replace("plan-and-apply:",
                "ram-association:"));

        CheckResult r = run(new ProductionEnvironmentProtectionCheck(), PipelineFixtures.scanFolder(dir, List.of()));

        // one root cause, the reusable workflow that declares no environment: one finding listing both callers
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".github/workflows/core-logging-deployment.yml"
                    + "#core-logging-deployment-plan-apply");
            // the job after core-security's deploy is named with its own workflow, not as core-logging's
            assertThat(f.message()).contains(", and so does 'ram-association'"
                    + " (.github/workflows/core-security-deployment.yml, after the deploy of its own run); so does"
                    + " 'core-security-deployment-plan-apply' (.github/workflows/core-security-deployment.yml) through"
                    + " the same ./.github/workflows/reusable_terraform_plan_apply.yml, one gap to close there:")
                    .doesNotContain("in the same run");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    tuple(".github/workflows/core-logging-deployment.yml", 11),
                    tuple(".github/workflows/core-security-deployment.yml", 11),
                    tuple(".github/workflows/core-security-deployment.yml", 18));
        });
        assertThat(r.summary()).startsWith("3 of 3 production deploy jobs lack");
    }
}
