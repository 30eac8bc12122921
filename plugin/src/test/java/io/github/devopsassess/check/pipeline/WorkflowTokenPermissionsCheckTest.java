package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.testing.DefaultSettings;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which workflows without {@code permissions:} expose the repository's default token, in the shapes real repositories
 * use: a pull-request lint with GitHub's own actions (not counted: a fork's pull request gets a read-only token), a
 * push build that only runs GitHub's own actions (not counted), and those that count: a {@code pull_request_target}
 * triage workflow, a push build that runs a third-party action, a deploy on tags. A job that grants itself
 * {@code write-all} is reported like a workflow that does.
 */
class WorkflowTokenPermissionsCheckTest {

    private static CheckResult run(Facts facts) {
        return CheckRunner.evaluate(new WorkflowTokenPermissionsCheck(), facts, DefaultSettings.of(WorkflowTokenPermissionsCheck.ID));
    }

    private static void write(Path dir, String name, String text) {
        PipelineFixtures.writeWorkflow(dir, name, text);
    }

    private static final String PR_LINT = """
            name: yamllint
            on:
              pull_request:
                branches: [main]
            jobs:
              lint:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: yamllint -c .yamllint .
            """;

    private static final String PUSH_BUILD = """
            name: Build
            on:
              push:
              pull_request:
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-java@v4
                    with: { distribution: temurin, java-version: 21 }
                  - run: mvn -B verify
            """;

    @Test
    void pullRequestChecksAndBuildsWithGitHubsOwnActionsAreNotCounted(@TempDir Path dir) throws Exception {
        write(dir, "yamllint.yml", PR_LINT);
        write(dir, "build.yml", PUSH_BUILD);
        CheckResult result = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).contains("2 workflows without 'permissions:' only check pull requests or run"
                + " GitHub's own actions, and are not counted");
    }

    @Test
    void exposedDefaultTokensAreOneFindingThatSaysWhyForEachWorkflow(@TempDir Path dir) throws Exception {
        write(dir, "yamllint.yml", PR_LINT);
        write(dir, "build.yml", PUSH_BUILD);
        write(dir, "triage.yml", """
                name: Add issue to triage board
                on:
                  pull_request_target:
                    types: [opened]
                jobs:
                  add:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "${{ github.event.pull_request.number }}"
                """);
        write(dir, "coverage.yml", """
                name: coverage
                on:
                  push:
                    branches: [main]
                jobs:
                  coverage:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: go test -coverprofile=cover.out ./...
                      - uses: codecov/codecov-action@v5
                """);
        write(dir, "deploy.yml", """
                name: Deploy
                on:
                  push:
                    tags: ['v*.*.*']
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    environment: production
                    steps:
                      - uses: actions/checkout@v4
                      - run: ./deploy.sh
                """);
        CheckResult result = run(PipelineFixtures.scanFolder(dir, List.of()));
        Finding unscoped = result.findings().stream().filter(f -> f.subject().equals("no-permissions")).findFirst()
                .orElseThrow();
        assertThat(unscoped.message()).startsWith("3 of 5 workflows set no token permissions although outsiders can"
                + " start them, or they deploy or run third-party code");
        assertThat(unscoped.evidence()).extracting(Evidence::path, Evidence::note).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(".github/workflows/triage.yml",
                        "'Add issue to triage board': no 'permissions:', runs on pull_request_target"),
                org.assertj.core.groups.Tuple.tuple(".github/workflows/coverage.yml",
                        "'coverage': no 'permissions:', third-party codecov/codecov-action@v5 runs with the token"),
                org.assertj.core.groups.Tuple.tuple(".github/workflows/deploy.yml",
                        "'Deploy': no 'permissions:', job 'deploy' deploys or releases"));
        assertThat(result.findings()).extracting(Finding::subject).containsExactly("no-permissions");
    }

    @Test
    void aJobThatGrantsItselfWriteAllIsReportedAtItsLine(@TempDir Path dir) throws Exception {
        write(dir, "kube-linter.yml", """
                name: KubeLinter
                on:
                  push:
                    branches: [main]
                  pull_request:
                jobs:
                  scan:
                    permissions: write-all
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - uses: stackrox/kube-linter-action@v1
                """);
        CheckResult result = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("write-all");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine, Evidence::note).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(".github/workflows/kube-linter.yml", 8,
                            "'KubeLinter', job 'scan': permissions: write-all"));
        });
    }
}
