package io.github.devopsassess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run of the same commit reads the trend's points from the cache instead of re-assessing every past tree, and
 * the points are those a run without any cache computes; anything else recomputes them.
 */
class TrendCacheTest {

    private final List<String> info = new ArrayList<>();
    private final List<String> warn = new ArrayList<>();

    /** Four months of a team with a pipeline, owners and files of several people: points that differ. */
    private static void history(TestRepo repo) {
        repo.at("2024-01-10T10:00:00Z").write("src/A.java", "class A {}\n").write(".github/workflows/ci.yml",
                "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
                        + "      - run: mvn verify\n")
                .write(".github/CODEOWNERS", "* @ann\n").commit("Ann", "ann@x.org", "start");
        repo.at("2024-02-10T10:00:00Z").write("src/B.java", "class B {}\n").commit("Ann", "ann@x.org", "B");
        repo.at("2024-03-10T10:00:00Z").write("lib/C.java", "class C {\n}\n").write(".github/CODEOWNERS",
                "* @ann @bob\n").commit("Bob", "bob@x.org", "C");
        repo.write("web/E.java", "class E {}\n").commit("Cid", "cid@x.org", "E");
        repo.at("2024-04-05T10:00:00Z").append("web/E.java", "// more").commit("Cid", "cid@x.org", "more");
    }

    private AssessmentRequest request(Path project, Path cache) {
        ScanOptions o = ScanOptions.defaults();
        if (cache != null) {
            o = o.withHistory(o.history().withCache(cache));
        }
        return new AssessmentRequest(project, null, null, "test", null, null, o, info::add, warn::add);
    }

    private List<TrendPoint> trend(Path project, Path cache) throws Exception {
        info.clear();
        return new Assessor().assess(request(project, cache), 12).trend();
    }

    @Test
    void aReRunOfTheSameCommitReadsThePointsANewComputationGives(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("repo");
        try (TestRepo repo = TestRepo.init(project)) {
            history(repo);
        }
        List<TrendPoint> fresh = trend(project, null);
        assertThat(fresh).hasSize(3);
        assertThat(fresh).extracting(TrendPoint::score).doesNotContainNull();

        List<TrendPoint> first = trend(project, dir.resolve("cache"));
        assertThat(info).anyMatch(l -> l.startsWith("Trend: re-assessed 3 past points"));
        assertThat(first).isEqualTo(fresh);

        List<TrendPoint> again = trend(project, dir.resolve("cache"));
        assertThat(info).anyMatch(l -> l.startsWith("Trend: 3 past points read from the trend cache"));
        assertThat(info).noneMatch(l -> l.startsWith("Trend: re-assessed"));
        assertThat(again).isEqualTo(fresh);
        assertThat(warn).isEmpty();
    }

    @Test
    void aNewCommitOrAnotherRubricComputesThePointsAgain(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("repo");
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(project)) {
            history(repo);
            trend(project, cache);
            repo.at("2024-05-03T10:00:00Z").write("ops/D.java", "class D {}\n").commit("Dan", "dan@x.org", "D");
        }
        List<TrendPoint> afterCommit = trend(project, cache);
        assertThat(info).anyMatch(l -> l.startsWith("Trend: re-assessed 4 past points"));
        assertThat(afterCommit).isEqualTo(trend(dir.resolve("repo"), null));

        Path rubric = dir.resolve("rubric.yaml");
        Files.writeString(rubric, "extends: default\nchecks:\n  truck-factor:\n    enabled: false\n");
        ScanOptions o = ScanOptions.defaults();
        info.clear();
        List<TrendPoint> otherRubric = new Assessor().assess(new AssessmentRequest(project, null, null, "test",
                rubric, null, o.withHistory(o.history().withCache(cache)), info::add, warn::add), 12).trend();
        assertThat(info).anyMatch(l -> l.startsWith("Trend: re-assessed 4 past points"));
        assertThat(otherRubric).hasSize(4);
        assertThat(warn).isEmpty();
    }

    @Test
    void aCorruptFileIsReportedWithItsLineAndTheTrendComputedAgain(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("repo");
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(project)) {
            history(repo);
        }
        List<TrendPoint> first = trend(project, cache);
        Path file;
        try (Stream<Path> files = Files.list(cache)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("trend-")).findFirst().orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replaceFirst("\t(\\d+)\t", "\t1$1\t")); // a score changed by hand or by a bad disk
        Files.write(file, lines);

        List<TrendPoint> again = trend(project, cache);
        assertThat(warn).singleElement().satisfies(w -> assertThat(w).startsWith("Trend cache: " + file + ":")
                .contains("corrupt"));
        assertThat(info).anyMatch(l -> l.startsWith("Trend: re-assessed 3 past points"));
        assertThat(again).isEqualTo(first);
        warn.clear();
        assertThat(trend(project, cache)).isEqualTo(first); // rebuilt: read back without a warning
        assertThat(info).anyMatch(l -> l.startsWith("Trend: 3 past points read from the trend cache"));
        assertThat(warn).isEmpty();
    }
}
