package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * silent-production-deploys on workflows in the shapes teams write: a message only on failure, a notification
 * switched off, a commented-out annotation and a smoke test are no announcement of a deploy; a success message, a
 * deploy marker or a local reusable workflow that notifies are.
 */
class SilentProductionDeploysCheckTest {

    private static CheckResult run(Path dir) throws Exception {
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        Rubric rubric = new RubricLoader(SilentProductionDeploysCheckTest.class.getClassLoader()).loadDefault();
        return CheckRunner.evaluate(new SilentProductionDeploysCheck(), facts,
                new CheckSettings(rubric.checks().get(SilentProductionDeploysCheck.ID)));
    }

    private static void write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Tags deploy to the org site, branches to the staging one; a step named for production says which is which. */
    private static final String TAG_DEPLOY = """
            name: Deploy containers

            on:
              push:
                branches:
                  - main
                tags:
                  - v*.*.*

            jobs:
              deploy:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    env:
                      - ${{ startsWith(github.ref, 'refs/tags/v') && 'shop-org' || 'shop-net' }}
                environment: ${{ matrix.env }}
                steps:
                - name: Set variables for staging deployment
                  if: matrix.env == 'shop-net'
                  run: echo "HOST=10.1.0.5" >> $GITHUB_ENV
                - name: Set variables for production deployment
                  if: matrix.env == 'shop-org'
                  run: echo "HOST=10.3.0.5" >> $GITHUB_ENV
                - name: Start services
                  uses: appleboy/ssh-action@v1.2.0
                  with:
                    host: ${{ env.HOST }}
                    script: |
                      cd ${{ matrix.env }}
                      make pull up
                - name: Notify on failure
                  if: ${{ failure() }}
                  uses: rtCamp/action-slack-notify@v2
                  env:
                    SLACK_WEBHOOK: ${{ secrets.SLACK_WEBHOOK }}
            %s
            """;

    @Test
    void aTagDeployThatOnlyReportsFailureStillRecordsItsDeploymentInItsEnvironment(@TempDir Path dir)
            throws Exception {
        write(dir, ".github/workflows/deploy.yml", TAG_DEPLOY.formatted("""
                    # - uses: basos9/grafana-annotation-action@v1.0.3
                    #   with:
                    #     apiHost: https://grafana.example.org
                    #     text: Deployment on ${{ matrix.env }}
                """));
        CheckResult result = run(dir);
        // GitHub shows the deployment to the environment on the change and in the repository's deployments
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).isEqualTo("0 of 1 production deploy job notify no one on success; 'deploy'"
                + " records its deployment in the CI system's environment, which shows it on the change");
    }

    /** A deploy with no environment: nothing records it, and the only message is sent on failure. */
    private static final String BARE_DEPLOY = """
            name: Deploy containers

            on:
              push:
                branches:
                  - main
                tags:
                  - v*.*.*

            jobs:
              deploy-production:
                runs-on: ubuntu-latest
                steps:
                - uses: actions/checkout@v4
                - name: Start services
                  run: %s
                - name: Notify on failure
                  if: ${{ failure() }}
                  uses: rtCamp/action-slack-notify@v2
                  env:
                    SLACK_WEBHOOK: ${{ secrets.SLACK_WEBHOOK }}
                # - uses: basos9/grafana-annotation-action@v1.0.3
            """;

    @Test
    void aProductionDeployWithNoEnvironmentThatOnlyReportsFailureIsSilent(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/deploy.yml", BARE_DEPLOY.formatted("ssh deploy@10.3.0.5 'make pull up'"));
        CheckResult result = run(dir);
        assertThat(result.status()).isNotEqualTo(CheckStatus.PASS);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".github/workflows/deploy.yml");
            assertThat(f.message()).contains("'Deploy containers' deploys to production and tells nobody when it"
                    + " succeeds", "'deploy-production'", "record no deployment");
            assertThat(f.evidence()).extracting(Evidence::startLine, Evidence::note).containsExactly(
                    tuple(11, "production deploy job 'deploy-production'"), tuple(4, "runs on push, tag"));
        });
    }

    @Test
    void aTagDeployOfAReleaseTheRepositoryPublishesWithNotesIsAnnouncedByTheRelease(@TempDir Path dir)
            throws Exception {
        write(dir, ".github/workflows/deploy.yml", BARE_DEPLOY.formatted("ssh deploy@10.3.0.5 'make pull up'"));
        write(dir, ".github/workflows/release-please.yml", """
                  on:
                    push:
                      branches:
                        - main
                  name: release-please
                  jobs:
                    release-please:
                      runs-on: ubuntu-latest
                      steps:
                        - uses: googleapis/release-please-action@v4
                          with:
                            token: ${{ secrets.RELEASE_PLEASE_TOKEN }}
                """);
        CheckResult result = run(dir);
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).endsWith("'deploy-production' deploys a tag or release that the repository"
                + " publishes with release notes");

        // the same deploy on every push to main ships more than the releases announce: silent
        write(dir, ".github/workflows/deploy.yml", BARE_DEPLOY.formatted("ssh deploy@10.3.0.5 'make pull up'")
                .replace("    tags:\n      - v*.*.*\n", ""));
        assertThat(run(dir).findings()).extracting(f -> f.subject()).containsExactly(".github/workflows/deploy.yml");
    }

    @Test
    void aRepositoryScriptTheDeployRunsThatPostsToSlackIsAnAnnouncement(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/deploy.yml", BARE_DEPLOY.formatted("./scripts/deploy.sh production"));
        write(dir, "scripts/deploy.sh", """
                #!/usr/bin/env bash
                set -euo pipefail
                kubectl --context "$1" apply -k "k8s/overlays/$1"
                source scripts/lib/announce.sh
                """);
        write(dir, "scripts/lib/announce.sh", """
                curl -sf -X POST -H 'Content-type: application/json' \\
                  --data "{\\"text\\":\\"shop deployed to $1\\"}" "https://hooks.slack.com/services/$SLACK_PATH"
                """);
        assertThat(run(dir).findings()).isEmpty();

        // a script that only deploys tells nobody
        write(dir, "scripts/lib/announce.sh", "echo \"deployed to $1\"\n");
        assertThat(run(dir).findings()).extracting(f -> f.subject()).containsExactly(".github/workflows/deploy.yml");
    }

    @Test
    void theSameDeployWithAGrafanaAnnotationOnSuccessTellsTheTeam(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/deploy.yml", TAG_DEPLOY.formatted("""
                    - uses: basos9/grafana-annotation-action@v1.0.3
                      with:
                        apiHost: https://grafana.example.org
                        text: Deployment on ${{ matrix.env }}
                """));
        CheckResult result = run(dir);
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).startsWith("0 of 1 production deploy job notify no one on success");
    }

    @Test
    void aSmokeTestOfTheProductionClusterDeploysNothingAndIsNotJudged(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/cluster-check.yml", """
                name: Cluster smoke test
                on:
                  schedule:
                    - cron: "*/10 * * * *"
                jobs:
                  smoke:
                    runs-on: ubuntu-latest
                    environment:
                      name: ${{ matrix.environment }}
                    strategy:
                      matrix:
                        environment: [test, production]
                    steps:
                      - name: Get credentials
                        run: az aks get-credentials -g rg-${{ matrix.environment }} -n aks
                      - name: List nodes
                        run: kubectl get nodes
                      - name: Tell the channel it broke
                        if: ${{ failure() }}
                        uses: acme/github-actions/send-to-teams-channel@v1
                        with:
                          message: smoke test failed
                """);
        CheckResult result = run(dir);
        assertThat(result.findings()).isEmpty();
        assertThat(result.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(result.summary()).contains("not judged: 'smoke' (production job with no deploy step");
    }

    @Test
    void anEnvironmentNamedProductionThatAppliesToADevelopmentWorkspaceIsNoProductionDeploy(@TempDir Path dir)
            throws Exception {
        write(dir, ".github/workflows/bootstrap.yml", """
                name: Bootstrap sandbox accounts
                on:
                  pull_request:
                    branches: [main]
                env:
                  TF_WORKSPACE: "sandbox-development"
                jobs:
                  bootstrap-apply:
                    runs-on: ubuntu-latest
                    environment: production
                    steps:
                      - run: bash scripts/terraform-apply.sh terraform/bootstrap
                """);
        CheckResult result = run(dir);
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).isEqualTo("no production deployment found in the pipelines");

        // a job that sets its own production target over the workflow's development default deploys to production
        write(dir, ".github/workflows/bootstrap.yml", """
                name: Bootstrap accounts
                on:
                  push:
                    branches: [main]
                env:
                  TF_WORKSPACE: "sandbox-development"
                jobs:
                  bootstrap-apply:
                    runs-on: ubuntu-latest
                    environment: production
                    env:
                      TF_WORKSPACE: "core-production"
                    steps:
                      - run: bash scripts/terraform-apply.sh terraform/bootstrap
                """);
        // judged as a production deploy now, which its environment records
        assertThat(run(dir).summary()).startsWith("0 of 1 production deploy job notify no one on success;"
                + " 'bootstrap-apply' records its deployment");
    }

    @Test
    void aRemoteReusableDeployWithItsSlackSwitchedOffIsUnknownNotSilent(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/deploy-env.yml", """
                name: Deploy to environment
                on:
                  workflow_dispatch:
                    inputs:
                      version:
                        required: true
                        type: string
                jobs:
                  deploy_prod:
                    name: Deploy to the prod environment
                    uses: acme/shared-workflows/.github/workflows/deploy_env.yml@v2
                    secrets: inherit
                    with:
                      environment: prod
                      app_version: ${{ inputs.version }}
                      slack_notification: 'false'
                """);
        CheckResult result = run(dir);
        assertThat(result.findings()).isEmpty();
        assertThat(result.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(result.summary()).contains("unknown for 'Deploy to the prod environment'",
                "reusable workflow of another repository");
    }

    @Test
    void aLocalReusableWorkflowIsReadAndItsSuccessMessageCounts(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/release.yml", """
                name: Release
                on:
                  push:
                    tags: ['v*']
                jobs:
                  deploy-production:
                    uses: ./.github/workflows/deploy.yml
                    with:
                      environment: production
                """);
        write(dir, ".github/workflows/deploy.yml", """
                name: Deploy
                on:
                  workflow_call:
                    inputs:
                      environment:
                        type: string
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    environment: ${{ inputs.environment }}
                    steps:
                      - run: helm upgrade --install shop ./chart
                      - name: Post to Mattermost
                        run: curl -X POST -d '{"text":"shop deployed"}' "$MATTERMOST_HOOK"
                """);
        assertThat(run(dir).findings()).isEmpty();

        // without the message and without an environment that records the deployment, the caller is silent: the
        // local workflow was read, not guessed
        write(dir, ".github/workflows/deploy.yml", """
                name: Deploy
                on:
                  workflow_call:
                    inputs:
                      environment:
                        type: string
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: helm upgrade --install shop ./chart
                """);
        assertThat(run(dir).findings()).extracting(f -> f.subject()).containsExactly(".github/workflows/release.yml");
    }

    @Test
    void gitlabOnFailureJobsAndJenkinsFailurePostBlocksAreNoAnnouncement(@TempDir Path dir) throws Exception {
        write(dir, ".gitlab-ci.yml", """
                stages: [deploy, notify]
                deploy-production:
                  stage: deploy
                  script:
                    - helm upgrade --install api ./chart
                notify-failure:
                  stage: notify
                  when: on_failure
                  script:
                    - ./ci/slack.sh "deploy failed"
                """);
        write(dir, "Jenkinsfile", """
                pipeline {
                  agent any
                  stages {
                    stage('Deploy production') {
                      steps {
                        sh 'kubectl apply -f k8s/prod'
                      }
                    }
                  }
                  post {
                    failure {
                      slackSend channel: '#ops', message: 'deploy failed'
                    }
                  }
                }
                """);
        CheckResult result = run(dir);
        assertThat(result.findings()).extracting(f -> f.subject()).containsExactlyInAnyOrder(".gitlab-ci.yml",
                "Jenkinsfile");

        // a GitLab environment records each deployment on the environment's page and the merge request
        write(dir, ".gitlab-ci.yml", """
                stages: [deploy, notify]
                deploy-production:
                  stage: deploy
                  environment:
                    name: production
                  script:
                    - helm upgrade --install api ./chart
                notify-failure:
                  stage: notify
                  when: on_failure
                  script:
                    - ./ci/slack.sh "deploy failed"
                """);
        assertThat(run(dir).findings()).extracting(f -> f.subject()).containsExactly("Jenkinsfile");

        // on success they tell people: nothing to report
        write(dir, ".gitlab-ci.yml", """
                stages: [deploy, notify]
                deploy-production:
                  stage: deploy
                  environment:
                    name: production
                  script:
                    - helm upgrade --install api ./chart
                notify-success:
                  stage: notify
                  script:
                    - ./ci/slack.sh "api deployed"
                """);
        write(dir, "Jenkinsfile", """
                pipeline {
                  agent any
                  stages {
                    stage('Deploy production') {
                      steps {
                        sh 'kubectl apply -f k8s/prod'
                      }
                    }
                  }
                  post {
                    success {
                      slackSend channel: '#releases', message: 'deployed'
                    }
                  }
                }
                """);
        assertThat(run(dir).findings()).isEmpty();
    }
}
