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

/**
 * A library's release workflow publishes to a package registry on a published release or a pushed tag: the registry
 * is its production, and no branch's required status check covers the tagged commit.
 */
class UntestedProductionDeploysReleasesTest {

    /** The test workflow, on pushes to main and pull requests. */
    private static final String TESTS = """
            name: Test

            on:
              push:
                branches: [main]
              pull_request:

            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-python@v5
                  - run: python -m pytest unit_test
            """;

    /** Build the distributions, then publish them with trusted publishing. */
    private static final String RELEASE = """
            name: Release

            on:
              workflow_dispatch:
              pull_request:
              release:
                types:
                - published

            permissions: {}

            jobs:
              dist:
                runs-on: ubuntu-latest
                steps:
                - uses: actions/checkout@v4
                - uses: hynek/build-and-inspect-python-package@v2
            %s
              publish:
                needs: [dist%s]
                runs-on: ubuntu-latest
                if: github.event_name == 'release' && github.event.action == 'published'
                environment:
                  name: pypi
                  url: https://pypi.org/p/example
                permissions:
                  id-token: write
                steps:
                - uses: actions/download-artifact@v4
                  with:
                    name: Packages
                    path: dist
                - uses: pypa/gh-action-pypi-publish@release/v1
            """;

    /** A job that calls the test workflow as a reusable workflow. */
    private static final String CALL_TESTS = """
              tests:
                uses: ./.github/workflows/test.yml
            """;

    /** An npm package released on a pushed tag, its tests in the same workflow. */
    private static final String TAGGED = """
            name: publish

            on:
              push:
                tags:
                  - 'v*'

            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: npm ci && npm test

              publish:
                runs-on: ubuntu-latest
                needs: %s
                steps:
                  - uses: actions/checkout@v4
                  - run: npm publish --provenance
            """;

    private static CheckResult run(Path dir, String... files) throws Exception {
        for (int i = 0; i < files.length; i += 2) {
            Path file = dir.resolve(files[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, files[i + 1]);
        }
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        CheckSettings settings = new CheckSettings(new RubricLoader(UntestedProductionDeploysReleasesTest.class
                .getClassLoader()).loadDefault().checks().get(UntestedProductionDeploysCheck.ID));
        return CheckRunner.evaluate(new UntestedProductionDeploysCheck(), facts, settings);
    }

    @Test
    void publishingARecordedReleaseWithoutTheTestsOfTheTaggedCommitIsFoundAtThePublishJob(@TempDir Path dir)
            throws Exception {
        CheckResult r = run(dir, ".github/workflows/test.yml", TESTS, ".github/workflows/release.yml",
                RELEASE.formatted("", ""));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".github/workflows/release.yml#publish");
            assertThat(f.message()).contains("Job 'publish' publishes a release to a package registry on a"
                    + " published release without any test of the released commit",
                    "does not wait for those of .github/workflows/test.yml");
            assertThat(f.evidence()).containsExactly(
                    Evidence.line(".github/workflows/release.yml", 19).withNote("needs: dist"),
                    Evidence.line(".github/workflows/release.yml", 6).withNote("on: release"));
        });
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aReleaseThatCallsTheTestWorkflowFirstPasses(@TempDir Path dir) throws Exception {
        CheckResult r = run(dir, ".github/workflows/test.yml", TESTS, ".github/workflows/release.yml",
                RELEASE.formatted(CALL_TESTS, ", tests"));
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.summary()).isEqualTo("0 of 1 production deploy job do not wait for tests");
    }

    @Test
    void aReleaseInARepositoryWithoutAnyTestWorkflowIsNotJudged(@TempDir Path dir) throws Exception {
        CheckResult r = run(dir, ".github/workflows/release.yml", RELEASE.formatted("", ""));
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }

    @Test
    void aTagPushThatPublishesBesideItsTestsIsFoundAndOneThatNeedsThemPasses(@TempDir Path dir) throws Exception {
        CheckResult beside = run(dir, ".github/workflows/publish.yml", TAGGED.formatted("[]"));
        assertThat(beside.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".github/workflows/publish.yml#publish");
            assertThat(f.message()).contains("'publish' publishes a release to a package registry without waiting"
                    + " for the tests of test");
        });
        CheckResult after = run(dir, ".github/workflows/publish.yml", TAGGED.formatted("test"));
        assertThat(after.findings()).isEmpty();
        assertThat(after.status()).isEqualTo(CheckStatus.PASS);
    }
}
