package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.engine.CheckRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.pipeline.DangerousPullRequestTargetCheck;
import io.github.devopsassess.check.pipeline.FreeTextDeployInputCheck;
import io.github.devopsassess.check.pipeline.InheritedSecretsCheck;
import io.github.devopsassess.check.pipeline.ProductionEnvironmentProtectionCheck;
import io.github.devopsassess.check.pipeline.WorkflowTokenPermissionsCheck;
import io.github.devopsassess.check.pipeline.PipelineDefinedCheck;
import io.github.devopsassess.check.pipeline.IgnoredFailuresCheck;
import io.github.devopsassess.check.pipeline.NoRollbackPathCheck;
import io.github.devopsassess.check.pipeline.SkippedTestsCheck;
import io.github.devopsassess.check.pipeline.InconsistentGatingCheck;
import io.github.devopsassess.check.pipeline.ManualOnlyDeploysCheck;
import io.github.devopsassess.check.pipeline.ProductionApprovalGatesCheck;
import io.github.devopsassess.check.pipeline.SerialStageChainCheck;
import io.github.devopsassess.check.pipeline.SilentProductionDeploysCheck;
import io.github.devopsassess.check.pipeline.DependencyUpdateAutomationCheck;
import io.github.devopsassess.check.pipeline.UnpinnedActionsCheck;
import io.github.devopsassess.check.pipeline.UnpinnedImagesCheck;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every pipeline check against the fixtures of each CI system, with the default rubric's settings. */
class PipelineChecksTest {

    private static CheckResult run(Check check, Facts facts) throws Exception {
        Rubric rubric = new RubricLoader(PipelineChecksTest.class.getClassLoader())
                .loadDefault();
        return CheckRunner.evaluate(check, facts, new CheckSettings(rubric.checks().get(check.id())));
    }

    private static Finding only(CheckResult result, String subject) {
        return result.findings().stream().filter(f -> f.subject().equals(subject)).findFirst().orElseThrow(
                () -> new AssertionError("no finding on " + subject + " in " + result.findings()));
    }

    @Test
    void githubFixture(@TempDir Path dir) throws Exception {
        Facts facts = PipelineFixtures.scan("github", dir);
        String vpc = ".github/workflows/vpc-production.yml";
        String build = ".github/workflows/build-and-deploy.yml";

        CheckResult protection = run(new ProductionEnvironmentProtectionCheck(), facts);
        assertThat(protection.status()).isEqualTo(CheckStatus.FAIL);
        Finding noEnv = only(protection, vpc + "#core-vpc-production-deployment-plan-apply");
        assertThat(noEnv.message()).contains("without a deployment environment").contains("under 'with:'");
        assertThat(noEnv.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                org.assertj.core.groups.Tuple.tuple(vpc, 15));
        // the environment of deploy-production is protected (or not) in platform settings: unknown, not a finding
        assertThat(protection.findings()).extracting(Finding::subject).doesNotContain(build + "#deploy-production");
        // member-account-association passes environment "production" to another repository's reusable workflow:
        // a production deploy, whose environment (if the called workflow declares one) this repository cannot show
        assertThat(protection.summary()).contains("1 of 1 production deploy job lacks verifiable protection;"
                + " unknown for 3, because they deploy through reusable workflows of other repositories"
                + " (acme/platform-actions/.github/workflows/association.yml@main), which this repository does not"
                + " show, or their environments' protection rules are platform settings");
        assertThat(noEnv.remediation()).contains("environment: production");

        CheckResult tokens = run(new WorkflowTokenPermissionsCheck(), facts);
        assertThat(only(tokens, "write-all").evidence()).extracting(Evidence::path)
                .containsExactly(".github/workflows/pr-target.yml");
        // unknown-keys.yml sets no permissions, but runs on push with no third-party action and deploys nothing
        assertThat(tokens.findings()).extracting(Finding::subject).containsExactly("write-all");
        assertThat(tokens.summary()).contains("1 workflow without 'permissions:' only checks pull requests");

        // the Preview workflow's free-text 'environment' input: its job builds and deploys nothing, so not judged
        CheckResult input = run(new FreeTextDeployInputCheck(), facts);
        assertThat(input.findings()).isEmpty();
        assertThat(input.summary()).contains("1 target input of manual runs that deploy nothing not judged");

        assertThat(run(new DangerousPullRequestTargetCheck(), facts).findings()).singleElement()
                .satisfies(f -> assertThat(f.evidence().get(0).startLine()).isEqualTo(19));
        assertThat(run(new InheritedSecretsCheck(), facts).findings()).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo(vpc + "#member-account-association"));

        CheckResult actions = run(new UnpinnedActionsCheck(), facts);
        // one finding per kind of pin, the references listed: branches (high) apart from version tags (medium)
        Finding floating = only(actions, "floating");
        assertThat(floating.severity().id()).isEqualTo("high");
        assertThat(floating.evidence()).extracting(Evidence::note).contains(
                "acme-digital/github-actions/deploy-domains-infra@master");
        Finding tagged = only(actions, "version-tags");
        assertThat(tagged.severity().id()).isEqualTo("medium");
        assertThat(tagged.evidence()).extracting(Evidence::note).containsExactly("rtCamp/action-slack-notify@v2",
                "ruby/setup-ruby@v1"); // GitHub's own actions/checkout@v4 (used twice) is left out of the tags
        assertThat(actions.findings()).flatExtracting(Finding::evidence).extracting(Evidence::note)
                .noneMatch(n -> n.contains("3d3c42e5aac5ba805825da76410c181273ba90b1"));

        // the floating images (node and alpine:latest in the pull_request_target job, redis:alpine as the test job's
        // service) are tools of jobs that neither deploy nor publish: not what reaches production
        CheckResult images = run(new UnpinnedImagesCheck(), facts);
        assertThat(images.findings()).isEmpty();
        assertThat(images.assessed()).isFalse();
        assertThat(images.summary()).contains("images of CI jobs that neither deploy nor publish are not judged",
                "alpine:latest", "node", "redis:alpine");

        assertThat(run(new DependencyUpdateAutomationCheck(), facts).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(only(run(new IgnoredFailuresCheck(), facts), build + "#test#Unit tests").evidence().get(0)
                .startLine()).isEqualTo(47);
        assertThat(run(new SkippedTestsCheck(), facts).findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no earlier step runs them"));

        CheckResult silent = run(new SilentProductionDeploysCheck(), facts);
        // the Slack step in deploy-production tells people; the local reusable workflow only messages on failure,
        // but member-account-association, a production job of the same run, deploys through another repository's
        // workflow, which may announce the run: unknown, not a finding
        assertThat(silent.findings()).isEmpty();
        assertThat(silent.summary()).contains("unknown for 'core-vpc-production-deployment-plan-apply',"
                + " 'member-account-association', because they deploy through a reusable workflow of another"
                + " repository");
        assertThat(run(new NoRollbackPathCheck(), facts).findings()).hasSize(2);
        assertThat(run(new ManualOnlyDeploysCheck(), facts).status()).isEqualTo(CheckStatus.PASS);
        assertThat(run(new PipelineDefinedCheck(), facts).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void stagingBehindApprovalWhileProductionIsNotIsInconsistent(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve(".gitlab-ci.yml"), """
                stages: [deploy]
                deploy-staging:
                  stage: deploy
                  environment: staging
                  when: manual
                  script: ./deploy.sh staging
                deploy-production:
                  stage: deploy
                  environment: production
                  script: ./deploy.sh production
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        assertThat(run(new InconsistentGatingCheck(), facts).findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".gitlab-ci.yml#deploy-production");
            assertThat(f.message()).contains("'deploy-production' deploys to production with no approval while the"
                    + " non-production step 'deploy-staging' needs a manual approval");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(7, 5);
        });
    }

    @Test
    void gitlabFixture(@TempDir Path dir) throws Exception {
        Facts facts = PipelineFixtures.scan("gitlab", dir);
        // deploy:backend is gated and its sibling deploy:web is not: the team chose where the risk is, and that is
        // not what is reported; that staging needs an approval production does not is
        CheckResult gating = run(new InconsistentGatingCheck(), facts);
        assertThat(gating.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".gitlab-ci.yml#deploy:web");
            assertThat(f.message()).contains("non-production step 'deploy:staging'").doesNotContain("sibling");
        });
        assertThat(run(new ProductionApprovalGatesCheck(), facts).status()).isEqualTo(CheckStatus.PASS);
        CheckResult ignored = run(new IgnoredFailuresCheck(), facts);
        assertThat(ignored.findings()).extracting(Finding::subject).contains(".gitlab-ci.yml#unit-tests");
        assertThat(run(new SkippedTestsCheck(), facts).findings()).singleElement()
                .satisfies(f -> assertThat(f.severity().id()).isEqualTo("medium")); // tests ran one line earlier
        // docker:stable with its docker:dind service (in the job that builds and pushes) is one root cause
        // (Docker-in-Docker), listed once; the helm-kubectl image is pinned by a version tag, which passes
        CheckResult images = run(new UnpinnedImagesCheck(), facts);
        assertThat(images.findings()).extracting(Finding::subject).containsExactly("images:floating");
        assertThat(images.findings().get(0).message()).startsWith("Docker-in-Docker uses floating images"
                + " (docker:stable, docker:dind)").doesNotContain("dtzar/helm-kubectl");
        // the images of the test and lint jobs (node, maven) are test tools: counted in the summary, not judged
        assertThat(images.summary()).contains("images of CI jobs that neither deploy nor publish are not judged (4)");
        // the review environment's on_stop is no rollback for production
        assertThat(run(new NoRollbackPathCheck(), facts).status()).isEqualTo(CheckStatus.FAIL);
        // both production jobs send no message, but their GitLab environment records each deployment
        CheckResult silent = run(new SilentProductionDeploysCheck(), facts);
        assertThat(silent.findings()).isEmpty();
        assertThat(silent.summary()).isEqualTo("0 of 2 production deploy jobs notify no one on success; 'deploy:web',"
                + " 'deploy:backend' record their deployments in the CI system's environment, which shows them on"
                + " the change");
        assertThat(run(new WorkflowTokenPermissionsCheck(), facts).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }

    @Test
    void jenkinsFixture(@TempDir Path dir) throws Exception {
        Facts facts = PipelineFixtures.scan("jenkins", dir);
        CheckResult gates = run(new ProductionApprovalGatesCheck(), facts);
        assertThat(gates.status()).isEqualTo(CheckStatus.WARN);
        assertThat(gates.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("passes 2 manual approvals");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(46, 53);
        });
        CheckResult serial = run(new SerialStageChainCheck(), facts);
        assertThat(serial.status()).isEqualTo(CheckStatus.PASS);
        assertThat(serial.summary()).contains("5 jobs");
        CheckResult skipped = run(new SkippedTestsCheck(), facts);
        assertThat(skipped.findings()).extracting(Finding::subject).hasSize(2)
                .contains("Jenkinsfile#Build and test#no-op")
                .anyMatch(s -> s.startsWith("Jenkinsfile#Image creation#sh \"mvn -B package -DskipTests"));
        assertThat(run(new IgnoredFailuresCheck(), facts).findings()).extracting(Finding::subject)
                .containsExactly("Jenkinsfile#Integration tests#sh 'mvn -B verify -Pintegration-test'");
        assertThat(run(new ProductionEnvironmentProtectionCheck(), facts).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aDeployThroughAnotherRepositorysWorkflowIsUnknownNotUnprotected(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve(".github/workflows"));
        java.nio.file.Files.writeString(dir.resolve(".github/workflows/pipeline.yml"), """
                name: Pipeline
                on:
                  push:
                    branches: [main]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: ./gradlew build
                  deploy_prod:
                    name: Deploy to the prod environment
                    needs: [build]
                    uses: acme-org/shared-actions/.github/workflows/deploy_env.yml@v2
                    secrets: inherit
                    with:
                      environment: 'prod'
                """);
        CheckResult r = run(new ProductionEnvironmentProtectionCheck(), PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(r.findings()).isEmpty();
        assertThat(r.assessed()).isFalse();
        assertThat(r.summary()).isEqualTo("unknown: 1 production deploy job, because they deploy through reusable"
                + " workflows of other repositories (acme-org/shared-actions/.github/workflows/deploy_env.yml@v2),"
                + " which this repository does not show");
    }

    @Test
    void aTestJobThatRunsTheRepositorysOwnActionIsATestNotAnEcho(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve(".github/workflows"));
        java.nio.file.Files.writeString(dir.resolve(".github/workflows/test.yml"), """
                name: Test
                on: [push, pull_request]
                jobs:
                  test-uv:
                    name: Test uv extra on ${{ matrix.os }}
                    runs-on: ${{ matrix.os }}
                    steps:
                      - uses: ./
                        with:
                          package-dir: sample_proj
                  test-echo:
                    name: Unit tests
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "tests run elsewhere"
                """);
        CheckResult r = run(new SkippedTestsCheck(), PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(r.findings()).extracting(Finding::subject)
                .containsExactly(".github/workflows/test.yml#test-echo#no-op");
    }

    @Test
    void azureAndCircleFixtures(@TempDir Path azureDir, @TempDir Path circleDir) throws Exception {
        Facts azure = PipelineFixtures.scan("azure", azureDir);
        assertThat(run(new ManualOnlyDeploysCheck(), azure).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(run(new FreeTextDeployInputCheck(), azure).findings()).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("azure-pipelines.yml#input:targetEnvironment"));
        assertThat(run(new NoRollbackPathCheck(), azure).status()).isEqualTo(CheckStatus.PASS);
        assertThat(run(new IgnoredFailuresCheck(), azure).findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("failing deployment"));
        assertThat(run(new ProductionApprovalGatesCheck(), azure).status()).isEqualTo(CheckStatus.PASS);

        Facts circle = PipelineFixtures.scan("circleci", circleDir);
        CheckResult gates = run(new ProductionApprovalGatesCheck(), circle);
        assertThat(gates.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(gates.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("passes 3 manual approvals");
            assertThat(f.subject()).isEqualTo(".circleci/config.yml#build-deploy/deploy-prod");
        });
        // circleci/slack@4.12.5 is a published orb version, which cannot change: only @volatile is reported
        assertThat(run(new UnpinnedActionsCheck(), circle).findings()).singleElement().satisfies(floating ->
                assertThat(floating.message()).contains("1 third-party reference follows a branch")
                        .contains("circleci/aws-cli@volatile").doesNotContain("slack"));
        assertThat(run(new SilentProductionDeploysCheck(), circle).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void withoutPipelinesEveryCheckIsNotAssessedExceptTheAutomationOne() throws Exception {
        Facts empty = Facts.builder().put(PipelineFacts.class, new PipelineFacts(List.of(), List.of())).build();
        for (Check c : List.of(new ProductionApprovalGatesCheck(), new InconsistentGatingCheck(),
                new SerialStageChainCheck(), new ManualOnlyDeploysCheck(), new ProductionEnvironmentProtectionCheck(),
                new WorkflowTokenPermissionsCheck(), new FreeTextDeployInputCheck(),
                new DangerousPullRequestTargetCheck(), new InheritedSecretsCheck(), new UnpinnedActionsCheck(),
                new UnpinnedImagesCheck(), new IgnoredFailuresCheck(), new SkippedTestsCheck(),
                new NoRollbackPathCheck(), new SilentProductionDeploysCheck())) {
            assertThat(run(c, empty).status()).as(c.id()).isEqualTo(CheckStatus.NOT_ASSESSED);
        }
        assertThat(run(new DependencyUpdateAutomationCheck(), Facts.builder().build()).status())
                .isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
