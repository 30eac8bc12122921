package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.MinedCommit;
import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.pipeline.PipelineScanner;
import io.github.devopsassess.source.WorkingTree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot run outside the repository updates its images or libraries, but GitHub Actions pinned to commit SHAs are
 * bumped only when one of its commits changes a workflow.
 */
class DependencyUpdateActionPinsTest {

    private static final String CODECOV = """
            name: codecov
            on:
              pull_request_target:
            jobs:
              go:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@d23441a48e516b6c34aea4fa41551a30e30af803 # v6
                  - name: Set up Go
                    uses: actions/setup-go@40f1582b2485089dde7abd97c1529aa768e1baff # v5
                  - run: go test ./...
              python:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@d23441a48e516b6c34aea4fa41551a30e30af803 # v6
                  - name: Set up Python
                    uses: actions/setup-python@7f4fc3e22c37d6ff65e88745f38bd3157c663f7c # v4
                  - name: Upload coverage
                    uses: codecov/codecov-action@0fb7174895f61a3b6b78fc075e0cd60383518dac # v5
                    with:
                      token: ${{ secrets.CODECOV_TOKEN }}
            """;

    private static final Person BOT = new Person("build-bot@example.org", "acme-build-team[bot]", true);
    private static final Person ANA = new Person("ana@example.org", "Ana", false);

    private static AuthoredCommit commit(Person who, String when, String subject, String path) {
        long t = Instant.parse(when).getEpochSecond();
        return new AuthoredCommit(new MinedCommit(String.format("%040x", (long) (subject + path).hashCode()
                & 0xffffffffL), who.display(), who.key(), t, t, 1, subject, List.of(),
                List.of(new FileTouch(path, null, 'M', 1, 1))), who);
    }

    private static CheckResult run(Path dir, List<AuthoredCommit> commits) throws Exception {
        Path file = dir.resolve(".github/workflows/codecov.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, CODECOV);
        Files.writeString(dir.resolve("Dockerfile"), "FROM registry.example.com/ubi9/go-toolset:1.22\n");
        ScanOptions d = ScanOptions.defaults();
        Facts.Builder builder = Facts.builder();
        new PipelineScanner().scan(new ScanContext(new WorkingTree(dir, "", d.maxFileSize()), null, "no history",
                new ScanOptions(d.botPatterns(), false, false, d.maxFileSize()), s -> { }), builder);
        long head = commits.stream().mapToLong(c -> c.commit().commitTime()).max().orElse(0);
        builder.put(HistoryFacts.class, new HistoryFacts(true, null, commits, List.of(), List.of(),
                Map.of(BOT.key(), BOT, ANA.key(), ANA), List.of(), head, false));
        CheckSettings settings = new CheckSettings(new RubricLoader(DependencyUpdateActionPinsTest.class
                .getClassLoader()).loadDefault().checks().get(DependencyUpdateAutomationCheck.ID));
        return CheckRunner.evaluate(new DependencyUpdateAutomationCheck(), builder.build(), settings);
    }

    @Test
    void pinnedActionsThatNoBotCommitEverChangesAreAWarning(@TempDir Path dir) throws Exception {
        CheckResult r = run(dir, List.of(
                commit(BOT, "2026-05-02T10:00:00Z", "Update registry.example.com/ubi9/go-toolset to 1.22",
                        "Dockerfile"),
                // a person bumping an action by hand is not an updater
                commit(ANA, "2026-06-01T10:00:00Z", "Upgrade actions/checkout", ".github/workflows/codecov.yaml")));

        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("4 GitHub Actions are pinned to a commit SHA (actions/checkout,"
                    + " actions/setup-go, actions/setup-python, codecov/codecov-action) but nothing updates them")
                    .contains("acme-build-team[bot]", "github-actions");
            // each action at its first place
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(".github/workflows/codecov.yaml", 8),
                    org.assertj.core.groups.Tuple.tuple(".github/workflows/codecov.yaml", 10),
                    org.assertj.core.groups.Tuple.tuple(".github/workflows/codecov.yaml", 17),
                    org.assertj.core.groups.Tuple.tuple(".github/workflows/codecov.yaml", 19));
        });
    }

    @Test
    void aBotThatAlsoBumpsWorkflowsIsEnough(@TempDir Path dir) throws Exception {
        CheckResult r = run(dir, List.of(
                commit(BOT, "2026-05-02T10:00:00Z", "Update registry.example.com/ubi9/go-toolset to 1.22",
                        "Dockerfile"),
                commit(BOT, "2026-05-09T10:00:00Z", "Update actions/setup-python digest to a1b2c3d",
                        ".github/workflows/codecov.yaml")));

        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).contains("automated by acme-build-team[bot]");
    }
}
