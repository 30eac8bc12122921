package io.github.devopsassess.check.process;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.MinedCommit;
import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.facts.history.Tag;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.process.ReleaseNotesFacts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;
import io.github.devopsassess.scan.process.ReleaseNotesScanner;
import io.github.devopsassess.source.WorkingTree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * release-notes over histories in the shapes real projects have: version tags with and without a changelog change
 * between them, moving major/minor tags, pre-releases, monorepo component tags, generators configured in files and
 * notes written by a release step.
 */
class ReleaseNotesCheckTest {

    /** A history of commits and tags, written oldest first. */
    private static final class History {
        final List<AuthoredCommit> commits = new ArrayList<>();
        final List<Tag> tags = new ArrayList<>();
        final Person maintainer = new Person("ana@example.org", "Ana", false);

        /** A commit on the day that touches the paths; its id is returned. */
        String commit(String day, String... paths) {
            long t = Instant.parse(day + "T12:00:00Z").getEpochSecond();
            String id = String.format("%040x", commits.size() + 1);
            commits.add(new AuthoredCommit(new MinedCommit(id, "Ana", "ana@example.org", t, t, 1, "change",
                    List.of(), java.util.Arrays.stream(paths).map(p -> new FileTouch(p, null, 'M', 1, 0)).toList()),
                    maintainer));
            return id;
        }

        History tag(String name, String day, String... paths) {
            String id = commit(day, paths);
            tags.add(new Tag(name, id, commits.get(commits.size() - 1).commit().commitTime()));
            return this;
        }

        HistoryFacts facts() {
            long head = commits.get(commits.size() - 1).commit().commitTime();
            return new HistoryFacts(true, null, commits, List.of(), tags, Map.of("ana@example.org", maintainer),
                    List.of(), head, false);
        }
    }

    private static CheckResult run(HistoryFacts history, ReleaseNotesFacts notes, PipelineFacts pipelines)
            throws Exception {
        Facts.Builder facts = Facts.builder().put(HistoryFacts.class, history).put(ReleaseNotesFacts.class, notes);
        if (pipelines != null) {
            facts.put(PipelineFacts.class, pipelines);
        }
        Rubric rubric = new RubricLoader(ReleaseNotesCheckTest.class.getClassLoader()).loadDefault();
        return CheckRunner.evaluate(new ReleaseNotesCheck(), facts.build(),
                new CheckSettings(rubric.checks().get(ReleaseNotesCheck.ID)));
    }

    private static ReleaseNotesFacts changelogOnly() {
        return new ReleaseNotesFacts(List.of("CHANGELOG.md"), List.of());
    }

    /** Five monthly releases; the changelog was last written before the first of them. */
    private static History releasesWithoutChangelog() {
        History h = new History();
        h.commit("2026-01-02", "CHANGELOG.md", "src/main.py");
        h.tag("v1.0.0", "2026-01-05", "src/main.py");
        h.commit("2026-01-20", "src/api.py");
        h.tag("v1.1.0", "2026-02-05", "pyproject.toml");
        h.tag("v1.2.0", "2026-03-05", "src/api.py");
        h.tag("v1.3.0", "2026-04-05", "src/db.py");
        h.commit("2026-04-20", "README.md");
        h.tag("v1.4.0", "2026-05-05", "src/db.py");
        return h;
    }

    @Test
    void releasesThatChangedNoChangelogAndGenerateNoNotesAreOneFindingListingThem() throws Exception {
        History h = releasesWithoutChangelog();
        CheckResult result = run(h.facts(), changelogOnly(), null);
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("release-notes");
            assertThat(f.message()).startsWith("4 of the latest 4 releases (v1.4.0, v1.3.0, v1.2.0, v1.1.0) came"
                    + " with no release notes: the changelog CHANGELOG.md was not changed for them");
            assertThat(f.evidence()).extracting(Evidence::path).first().isEqualTo("CHANGELOG.md");
            assertThat(f.evidence()).extracting(Evidence::note).contains(
                    "release v1.4.0 (2026-05-05): no changelog changed since v1.3.0 (2026-04-05)");
            assertThat(f.evidence().get(1).commit()).isEqualTo(h.tags.get(4).commit());
        });
    }

    @Test
    void releasesWhoseCommitsWriteTheChangelogPass() throws Exception {
        History h = new History();
        h.tag("v2.0.0", "2026-01-05", "src/a.java");
        h.commit("2026-01-10", "src/b.java", "CHANGES.md");
        h.tag("v2.1.0", "2026-02-05", "src/b.java");
        h.tag("v2.2.0", "2026-03-05", "CHANGES.md", "pom.xml");
        h.commit("2026-03-20", "docs/changelog.md");
        h.tag("v2.3.0", "2026-04-05", "pom.xml");
        CheckResult result = run(h.facts(), new ReleaseNotesFacts(List.of("CHANGES.md"), List.of()), null);
        assertThat(result.findings()).isEmpty();
        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.summary()).startsWith("3 of the latest 3 releases changed a changelog");
    }

    @Test
    void aNotesGeneratorConfiguredInTheRepositoryWritesTheNotes() throws Exception {
        CheckResult result = run(releasesWithoutChangelog().facts(), new ReleaseNotesFacts(List.of(),
                List.of(new ReleaseNotesFacts.Generator("release-please", "release-please-config.json"))), null);
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).isEqualTo("release notes are written by release-please"
                + " (release-please-config.json)");
    }

    @Test
    void aReleaseStepWithGeneratedNotesCountsAndABareGitTagDoesNot(@TempDir Path dir) throws Exception {
        Path workflows = Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(workflows.resolve("release.yml"), """
                name: Release
                on:
                  push:
                    branches: [main]
                jobs:
                  tag:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Tag the version
                        run: |
                          git tag "v$(cat VERSION)"
                          git push --tags
                """);
        PipelineFacts bareTag = PipelineFixtures.scanFolder(dir, List.of()).get(PipelineFacts.class);
        assertThat(run(releasesWithoutChangelog().facts(), new ReleaseNotesFacts(List.of(), List.of()), bareTag)
                .findings()).singleElement().satisfies(f -> assertThat(f.message()).contains(
                        "the repository keeps no changelog, its pipeline creates the releases without notes ('Tag the"
                                + " version' at .github/workflows/release.yml:10)"));

        // tags pushed by hand, no changelog: the notes may be on the release page, so it is unknown
        CheckResult byHand = run(releasesWithoutChangelog().facts(), new ReleaseNotesFacts(List.of(), List.of()),
                null);
        assertThat(byHand.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(byHand.summary()).contains("may be typed on the forge's release page");

        Files.writeString(workflows.resolve("publish.yml"), """
                name: Publish
                on:
                  push:
                    tags: ['v*']
                jobs:
                  github-release:
                    runs-on: ubuntu-latest
                    permissions:
                      contents: write
                    steps:
                      - uses: softprops/action-gh-release@v2
                        with:
                          generate_release_notes: true
                """);
        PipelineFacts generated = PipelineFixtures.scanFolder(dir, List.of()).get(PipelineFacts.class);
        CheckResult result = run(releasesWithoutChangelog().facts(), new ReleaseNotesFacts(List.of(), List.of()),
                generated);
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).contains("softprops/action-gh-release@v2", ".github/workflows/publish.yml:11");
    }

    @Test
    void releasesMadeByAnotherRepositorysReleaseWorkflowAreUnknown(@TempDir Path dir) throws Exception {
        Path workflows = Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(workflows.resolve("release.yml"), """
                name: release
                on:
                  release:
                    types: [published]
                permissions:
                  contents: write
                jobs:
                  release:
                    uses: acme/.github/.github/workflows/shared-release-branches.yml@main
                    secrets: inherit
                """);
        PipelineFacts pipelines = PipelineFixtures.scanFolder(dir, List.of()).get(PipelineFacts.class);
        CheckResult result = run(releasesWithoutChangelog().facts(), changelogOnly(), pipelines);
        assertThat(result.findings()).isEmpty();
        assertThat(result.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(result.summary()).isEqualTo("unknown: 4 of the latest 4 releases changed no changelog, but the"
                + " releases are made by acme/.github/.github/workflows/shared-release-branches.yml@main"
                + " (.github/workflows/release.yml:9), a workflow of another repository that may write the notes");
    }

    @Test
    void movingTagsPreReleasesAndComponentsOfAMonorepoAreReadAsReleasesShouldBe() throws Exception {
        History h = new History();
        h.tag("api-1.0.0", "2026-01-05", "charts/api/Chart.yaml");
        h.tag("web-3.0.0", "2026-01-06", "charts/web/Chart.yaml");
        h.commit("2026-01-20", "charts/api/CHANGELOG.md");
        h.tag("api-1.1.0", "2026-02-05", "charts/api/Chart.yaml");
        h.tag("web-3.1.0-rc1", "2026-02-06", "charts/web/Chart.yaml"); // a pre-release: not judged
        h.tag("web-3.1.0", "2026-02-07", "charts/web/Chart.yaml");
        // web-3.1.0's moving tags on the same commit are one release
        h.tags.add(new Tag("web-3", h.tags.get(h.tags.size() - 1).commit(), h.tags.get(h.tags.size() - 1)
                .commitTime()));
        h.tags.add(new Tag("web-3.1", h.tags.get(h.tags.size() - 2).commit(), h.tags.get(h.tags.size() - 2)
                .commitTime()));
        // web-3.1.0 is compared with web-3.0.0, whose window holds the api changelog change: a changelog anywhere
        // counts, as the notes of a monorepo are often kept in one file
        CheckResult result = run(h.facts(), new ReleaseNotesFacts(List.of("charts/api/CHANGELOG.md"), List.of()),
                null);
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).startsWith("2 of the latest 2 releases changed a changelog");
    }

    @Test
    void aSingleReleaseOrNoneIsNotJudged() throws Exception {
        History h = new History();
        h.commit("2026-01-02", "src/main.go");
        h.tag("v0.1.0", "2026-02-02", "src/main.go");
        CheckResult result = run(h.facts(), changelogOnly(), null);
        assertThat(result.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(result.summary()).contains("no release in the last two years follows an earlier one");
    }

    @Test
    void theScannerFindsChangelogsAndGeneratorConfigurationsByName(@TempDir Path dir) throws Exception {
        for (String path : List.of("CHANGELOG.md", "docs/changelog.rst", "src/history.ts", "newsfragments/123.feature.md",
                ".github/release-drafter.yml", "release-please-config.json", ".changeset/config.json", "cliff.toml",
                "src/changes.py")) {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x\n");
        }
        ScanOptions d = ScanOptions.defaults();
        Facts.Builder facts = Facts.builder();
        new ReleaseNotesScanner().scan(new ScanContext(new WorkingTree(dir, "", d.maxFileSize()), null, "no history",
                d, s -> { }), facts);
        ReleaseNotesFacts found = facts.build().get(ReleaseNotesFacts.class);
        assertThat(found.changelogs()).containsExactly("CHANGELOG.md", "docs/changelog.rst",
                "newsfragments/123.feature.md");
        assertThat(found.generators()).extracting(ReleaseNotesFacts.Generator::tool).containsExactly(
                "changesets", "release-drafter", "git-cliff", "release-please");
    }
}
