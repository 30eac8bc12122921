package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comment-driven and workflow_run workflows in the shapes public repositories use, with and without author checks. */
class PrivilegedTriggerUntrustedCodeCheckTest {

    private static CheckResult run(Path dir) throws Exception {
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        CheckSettings settings = new CheckSettings(new RubricLoader(PrivilegedTriggerUntrustedCodeCheckTest.class
                .getClassLoader()).loadDefault().checks().get(PrivilegedTriggerUntrustedCodeCheck.ID));
        return CheckRunner.evaluate(new PrivilegedTriggerUntrustedCodeCheck(), facts, settings);
    }

    private static void write(Path dir, String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static final String SLASH_TEST = """
            name: slash-test
            on:
              issue_comment:
                types: [created]
            jobs:
              e2e:
                if: ${{ github.event.issue.pull_request && startsWith(github.event.comment.body, '/e2e') }}%s
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      ref: refs/pull/${{ github.event.issue.number }}/head
                  - run: make e2e
                    env:
                      CLOUD_TOKEN: ${{ secrets.CLOUD_TOKEN }}
            """;

    @Test
    void aCommentThatChecksOutThePullRequestWithoutAnAuthorCheckIsCritical(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/slash-test.yml", SLASH_TEST.formatted(""));
        CheckResult r = run(dir);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("critical");
            assertThat(f.subject()).isEqualTo(".github/workflows/slash-test.yml#e2e");
            assertThat(f.message()).contains("runs on issue_comment and checks out the pull request's code",
                    "anyone who can comment");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(3, 10);
        });
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void theSameJobLimitedToMembersIsNotReported(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/slash-test.yml", SLASH_TEST.formatted(
                " && contains(fromJSON('[\"OWNER\",\"MEMBER\"]'), github.event.comment.author_association)"));
        CheckResult r = run(dir);
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aCommentStartingAnotherRepositorysWorkflowWithEverySecretIsHighUnlessAPermissionJobComesFirst(
            @TempDir Path dir, @TempDir Path safe) throws Exception {
        String chatops = """
                ---
                name: chatops
                on:
                  issue_comment:
                    types: [created]

                permissions:
                  pull-requests: write
                  id-token: write
                  contents: write

                jobs:%s
                  terratest:
                    uses: acme-infra/.github/.github/workflows/shared-chatops.yml@main%s
                    if: ${{ github.event.issue.pull_request && contains(github.event.comment.body, '/terratest') }}
                    secrets: inherit
                """;
        write(dir, ".github/workflows/chatops.yml", chatops.formatted("", ""));
        Finding f = run(dir).findings().get(0);
        assertThat(f.severity().id()).isEqualTo("high");
        assertThat(f.message()).contains("Any comment starts job 'terratest'",
                "acme-infra/.github/.github/workflows/shared-chatops.yml@main", "every secret");
        assertThat(f.evidence()).extracting(Evidence::note).containsExactly("on: issue_comment",
                "calls acme-infra/.github/.github/workflows/shared-chatops.yml@main", "secrets: inherit",
                "permissions with write access");
        assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(4, 14, 16, 8);

        write(safe, ".github/workflows/chatops.yml", chatops.formatted("\n  permission:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - uses: actions-cool/check-user-permission@v2\n        with:\n          require: write",
                "\n    needs: permission"));
        assertThat(run(safe).findings()).isEmpty();
    }

    @Test
    void pullRequestTargetPassingEverySecretToAnotherRepositorysMovingBranchIsHigh(@TempDir Path dir,
            @TempDir Path named) throws Exception {
        String triage = """
                name: 'Add to triage board'
                on:
                  issues:
                    types:
                      - opened
                  pull_request_target:
                    types:
                      - opened
                jobs:
                  add-to-board:
                    uses: acme/platform/.github/workflows/add_to_board.yml@develop
                    secrets: %s
                """;
        write(dir, ".github/workflows/triage.yml", triage.formatted("inherit"));
        assertThat(run(dir).findings()).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("high");
            assertThat(f.message()).contains("runs on pull_request_target and passes every secret",
                    "acme/platform/.github/workflows/add_to_board.yml@develop, a reference its owners can move");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(6, 11, 12);
        });
        // naming the one secret it needs is the fix
        write(named, ".github/workflows/triage.yml", triage.formatted(
                "\n      BOARD_TOKEN: ${{ secrets.BOARD_TOKEN }}"));
        assertThat(run(named).findings()).isEmpty();
    }

    @Test
    void workflowRunCheckingOutTheTriggeringHeadIsCriticalUnlessItKeepsToPushes(@TempDir Path dir,
            @TempDir Path pushes) throws Exception {
        String preview = """
                name: Preview
                on:
                  workflow_run:
                    workflows: ["CI"]
                    types: [completed]
                jobs:
                  deploy-preview:%s
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                        with:
                          ref: ${{ github.event.workflow_run.head_sha }}
                      - run: npm ci && npm run build
                """;
        write(dir, ".github/workflows/preview.yml", preview.formatted(""));
        assertThat(run(dir).findings()).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("critical");
            assertThat(f.message()).contains("runs on workflow_run", "anyone who can open a pull request");
        });
        write(pushes, ".github/workflows/preview.yml", preview.formatted(
                "\n    if: github.event.workflow_run.event == 'push'"));
        assertThat(run(pushes).findings()).isEmpty();
    }
}
