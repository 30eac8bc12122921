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

/** Workflows written in the shapes GitHub repositories use, scanned and judged as the engine does. */
class WorkflowScriptInjectionCheckTest {

    private static CheckResult run(Path dir) throws Exception {
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        CheckSettings settings = new CheckSettings(new RubricLoader(WorkflowScriptInjectionCheckTest.class
                .getClassLoader()).loadDefault().checks().get(WorkflowScriptInjectionCheck.ID));
        return CheckRunner.evaluate(new WorkflowScriptInjectionCheck(), facts, settings);
    }

    private static void write(Path dir, String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aCommentBodyPastedIntoRunOnIssueCommentIsCriticalAtEachLineWhileTheEnvVariantIsNot(@TempDir Path dir)
            throws Exception {
        write(dir, ".github/workflows/label-commands.yml", """
                name: Label commands
                on:
                  issue_comment:
                    types: [created]
                permissions:
                  issues: write
                jobs:
                  label:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Parse the command
                        run: |
                          echo "Command from #${{ github.event.issue.number }}"
                          CMD="${{ github.event.comment.body }}"
                          echo "$CMD" | grep -q '^/label' || exit 0
                      - name: Safe copy of the title
                        env:
                          TITLE: ${{ github.event.issue.title }}
                        run: echo "$TITLE"
                      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea # v7.0.1
                        with:
                          script: |
                            const title = "${{ github.event.issue.title }}";
                            await github.rest.issues.addLabels({ ...context.repo, issue_number: context.issue.number,
                              labels: [title.split(' ')[0]] });
                """);
        CheckResult r = run(dir);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("critical");
            assertThat(f.subject()).isEqualTo(".github/workflows/label-commands.yml");
            assertThat(f.message()).contains("'Label commands' writes 2 values that others choose",
                    "github.event.comment.body", "github.event.issue.title", "anyone who can open an issue");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(14, 23);
            assertThat(f.evidence().get(1).note()).contains("in script", "set by whoever triggers issue_comment");
        });
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void freeTextDispatchInputsAreMediumAndChoiceInputsAreSafe(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/force-unlock.yml", """
                name: Force unlock
                on:
                  workflow_dispatch:
                    inputs:
                      stack:
                        description: 'Which stack'
                        required: true
                        type: choice
                        options:
                          - network
                          - dns
                      workspace:
                        description: 'Workspace, e.g. payments-staging'
                        required: false
                      lock_id:
                        description: 'Lock id from the failed run'
                        required: true
                jobs:
                  unlock:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Choose the folder
                        run: |
                          STACK="${{ github.event.inputs.stack }}"
                          WS="${{ github.event.inputs.workspace }}"
                          echo "TF_WORKSPACE=$WS" >> $GITHUB_ENV
                      - name: Unlock
                        working-directory: stacks/${{ inputs.stack }}
                        run: terraform force-unlock -force ${{ inputs.lock_id }}
                """);
        // a reusable workflow's inputs are set by its callers, here to constants: not judged
        write(dir, ".github/workflows/reusable-plan.yml", """
                name: Reusable plan
                on:
                  workflow_call:
                    inputs:
                      working-directory:
                        type: string
                        required: true
                jobs:
                  plan:
                    runs-on: ubuntu-latest
                    steps:
                      - run: terraform -chdir=${{ inputs.working-directory }} plan
                """);
        CheckResult r = run(dir);
        Finding f = r.findings().get(0);
        assertThat(r.findings()).hasSize(1);
        assertThat(r.summary()).startsWith("1 of 2 files with expressions in scripts");
        assertThat(f.severity().id()).isEqualTo("medium");
        assertThat(f.message()).contains("github.event.inputs.workspace", "inputs.lock_id",
                "whoever starts the run").doesNotContain("inputs.stack");
        assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(26, 30);
        assertThat(f.evidence()).extracting(Evidence::note).allMatch(n -> n.contains("free-text workflow_dispatch"));
    }

    @Test
    void contextsTheTriggerNeverCarriesAndBooleanExpressionsAreNotReported(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/ci.yml", """
                name: CI
                on:
                  push:
                    branches: [main]
                  pull_request:
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "${{ github.event.issue.title }}"
                      - run: echo "draft=${{ contains(github.event.pull_request.title, '[draft]') }}"
                      - run: echo "same=${{ github.head_ref == 'main' }}"
                      - run: ./gradlew build -Pbranch=${{ github.head_ref }}
                      - run: |
                          git log -1
                          echo "${{ github.event.head_commit.message }}" > release-notes.txt
                """);
        CheckResult r = run(dir);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("high");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(13, 16);
            assertThat(f.evidence().get(0).note()).contains("pull_request");
            assertThat(f.evidence().get(1).note()).contains("push");
        });
    }

    @Test
    void aCompositeActionIsReportedOnceInItsOwnFileWithTheWorstCallersSeverity(@TempDir Path dir) throws Exception {
        write(dir, ".github/actions/greet/action.yml", """
                name: Greet
                description: Greets the author
                runs:
                  using: composite
                  steps:
                    - shell: bash
                      run: |
                        echo "Thanks for: ${{ github.event.pull_request.title }}"
                """);
        write(dir, ".github/workflows/welcome.yml", """
                name: Welcome
                on: pull_request_target
                jobs:
                  greet:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./.github/actions/greet
                """);
        write(dir, ".github/workflows/pr.yml", """
                name: PR
                on: pull_request
                jobs:
                  greet:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./.github/actions/greet
                """);
        CheckResult r = run(dir);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".github/actions/greet/action.yml");
            assertThat(f.severity().id()).isEqualTo("critical");
            assertThat(f.evidence()).singleElement().satisfies(e -> assertThat(e.startLine()).isEqualTo(8));
            assertThat(f.message()).contains("'PR', 'Welcome' write");
        });
    }

    @Test
    void withoutExpressionsInScriptsTheCheckPasses(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/triage.yml", """
                name: Triage
                on: issues
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    steps:
                      - env:
                          BODY: ${{ github.event.issue.body }}
                        run: printf '%s' "$BODY" | ./scripts/triage.sh
                """);
        CheckResult r = run(dir);
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }
}
