package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.Step;
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

/** {@code ignored-failures}: what continues on error and is then acted on is handled, not ignored. */
class IgnoredFailuresCheckTest {

    private static CheckResult run(Facts facts) throws Exception {
        IgnoredFailuresCheck check = new IgnoredFailuresCheck();
        return CheckRunner.evaluate(check, facts, new CheckSettings(new RubricLoader(
                IgnoredFailuresCheckTest.class.getClassLoader()).loadDefault().checks().get(check.id())));
    }

    private static Facts workflow(Path dir, String yaml) throws Exception {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), yaml);
        return PipelineFixtures.scanFolder(dir, List.of());
    }

    @Test
    void aStepWhoseOutcomeALaterStepReadsIsHandled(@TempDir Path dir) throws Exception {
        Facts facts = workflow(dir, """
                name: CI
                on: [push]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Integration tests
                        id: it
                        run: mvn -B verify -Pintegration
                        continue-on-error: true
                      - name: Report flaky integration tests
                        if: steps.it.outcome == 'failure'
                        run: ./scripts/open-flaky-issue.sh
                      - name: Unit tests
                        id: unit
                        run: mvn -B test
                        continue-on-error: true
                      - name: Fail when unit tests failed
                        run: |
                          echo "unit tests: ${{ steps.unit.outcome }}"
                          test "${{ steps.unit.outcome }}" = success
                """);

        assertThat(PipelineFixtures.job(facts, ".github/workflows/ci.yml", "test").steps())
                .filteredOn(Step::failureIgnored)
                .extracting(Step::name, s -> s.failureHandled().line())
                .containsExactly(tuple("Integration tests", 13), tuple("Unit tests", 20));
        CheckResult result = run(facts);
        assertThat(result.findings()).isEmpty();
        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.summary()).contains("2 steps continue on error and a later step reads its outcome");
    }

    @Test
    void conclusionOrNeedsResultIsSuccessUnderContinueOnErrorSoTheFailureStaysIgnored(@TempDir Path dir)
            throws Exception {
        Facts facts = workflow(dir, """
                name: CI
                on: [push]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Unit tests
                        id: unit
                        run: npm test
                        continue-on-error: true
                      - name: Summary
                        if: steps.unit.conclusion == 'failure'
                        run: echo "never runs, the conclusion is success"
                  e2e:
                    runs-on: ubuntu-latest
                    continue-on-error: true
                    steps:
                      - name: End-to-end tests
                        run: npx playwright test
                  report:
                    needs: [e2e]
                    if: needs.e2e.result == 'failure'
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "never runs either"
                """);

        CheckResult result = run(facts);
        assertThat(result.findings()).as(result.status() + " " + result.summary() + " " + facts.problems())
                .extracting(Finding::subject).containsExactlyInAnyOrder(
                ".github/workflows/ci.yml#test#Unit tests", ".github/workflows/ci.yml#e2e");
        assertThat(result.findings()).flatExtracting(Finding::evidence).extracting(Evidence::startLine)
                .containsExactlyInAnyOrder(7, 16);
    }

    @Test
    void aStepWithoutIdOrReadBeforeItRanIsStillIgnored(@TempDir Path dir) throws Exception {
        Facts facts = workflow(dir, """
                name: CI
                on: [push]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Print the outcome of a step not yet run
                        run: echo "${{ steps.tests.outcome }}"
                      - name: Tests
                        id: tests
                        run: pytest
                        continue-on-error: true
                """);

        assertThat(run(facts).findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".github/workflows/ci.yml#test#Tests");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(9);
        });
    }

    @Test
    void gitlabAllowFailureWithExitCodesIsANarrowExemption(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".gitlab-ci.yml"), """
                stages: [test, deploy]
                unit-tests:
                  stage: test
                  script: ./gradlew test
                  allow_failure:
                    exit_codes: [137, 255]
                integration-tests:
                  stage: test
                  script: npm run test:integration
                  allow_failure: true
                deploy-production:
                  stage: deploy
                  environment: production
                  script: ./deploy.sh
                  allow_failure:
                    exit_codes: 3
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());

        assertThat(PipelineFixtures.job(facts, ".gitlab-ci.yml", "unit-tests").failureIgnored()).isNull();
        CheckResult result = run(facts);
        assertThat(result.findings()).as(result.status() + " " + result.summary() + " " + facts.problems())
                .extracting(Finding::subject).containsExactly(".gitlab-ci.yml#integration-tests");
        assertThat(result.findings().get(0).evidence()).extracting(Evidence::startLine).containsExactly(10);
    }

    @Test
    void theScriptLinesThatThrowAFailureAwayAreNamedBesideTheStep(@TempDir Path dir) throws Exception {
        Facts facts = workflow(dir, """
                name: codecov
                on: [push]
                jobs:
                  python-tests:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Run pytest
                        run: |
                          find . -name "requirements*.txt" | while read req; do
                            pip install -r "$req" || true
                          done
                          pytest --cov --cov-report=xml || true
                      - name: Lint
                        run: ruff check .
                """);

        CheckResult r = run(facts);

        String path = ".github/workflows/ci.yml";
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(path + "#python-tests#Run pytest");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine, Evidence::note).containsExactly(
                    tuple(path, 8, "failure ignored"), tuple(path, 11, "failure thrown away here"),
                    tuple(path, 13, "failure thrown away here"));
        });
        // the lint step ignores nothing: no line of it is named
        assertThat(r.findings().get(0).evidence()).extracting(Evidence::startLine).doesNotContain(15);
    }
}
