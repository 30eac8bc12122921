package io.github.devopsassess.engine;

import io.github.devopsassess.facts.history.Tag;
import io.github.devopsassess.facts.history.Merge;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.source.History;
import io.github.devopsassess.facts.history.MinedCommit;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendAssessorTest {

    static long epoch(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    /**
     * Ann alone until February under a CODEOWNERS that names five people one by one (a team written out by hand:
     * individual-owners fails, knowledge silos fall), Bob and Cid join in March with files of their own and make a team
     * the owner: the trend must show knowledge silos improving at the March month-end, computed from the tree and
     * history of those dates, while this run is not among the past points.
     */
    @Test
    void reassessesTheTreeAndHistoryAtEachMonthEnd(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-01-10T10:00:00Z").write("src/A.java", "class A {}\n").write(".github/workflows/ci.yml",
                    "on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: mvn verify\n")
                    .write(".github/CODEOWNERS", "* @ann @bob @cid @dee @eve\n").commit("Ann", "ann@x.org", "start");
            repo.at("2024-02-10T10:00:00Z").write("src/B.java", "class B {}\n").commit("Ann", "ann@x.org", "B");
            repo.at("2024-03-10T10:00:00Z").write("lib/C.java", "class C {}\n").write("lib/D.java", "class D {}\n")
                    .write(".github/CODEOWNERS", "* @acme/devs\n").commit("Bob", "bob@x.org", "C");
            repo.write("web/E.java", "class E {}\n").write("web/F.java", "class F {}\n")
                    .commit("Cid", "cid@x.org", "E");
            repo.at("2024-04-05T10:00:00Z").append("web/E.java", "// more").commit("Cid", "cid@x.org", "more");
        }
        Assessor.Outcome outcome = new Assessor().assess(Requests.of(dir), 12);
        List<TrendPoint> trend = outcome.trend();
        assertThat(trend).extracting(TrendPoint::date).containsExactly("2024-01-31T23:59:59Z",
                "2024-02-29T23:59:59Z", "2024-03-31T23:59:59Z");
        assertThat(trend).allSatisfy(p -> assertThat(p.source()).isEqualTo(TrendPoint.REASSESSED));
        int january = trend.get(0).areas().get("knowledge-silos");
        int march = trend.get(2).areas().get("knowledge-silos");
        assertThat(march).isGreaterThan(january);
        assertThat(trend.get(0).areas()).containsKey("delivery");
        assertThat(trend.get(2).commit()).isNotEqualTo(outcome.assessment().subject().commit());
    }

    /**
     * Months without a commit show the last commit before them again, dated by their own month-end, and that commit
     * is assessed once; the points stay in date order although distinct commits are assessed on several workers.
     */
    @Test
    void quietMonthsRepeatTheLastCommitInDateOrder(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-01-10T10:00:00Z").write("src/A.java", "class A {}\n").commit("Ann", "ann@x.org", "A");
            repo.at("2024-04-10T10:00:00Z").write("lib/B.java", "class B {}\n").commit("Bob", "bob@x.org", "B");
            repo.at("2024-06-10T10:00:00Z").write("web/C.java", "class C {}\n").commit("Cid", "cid@x.org", "C");
            repo.at("2024-07-02T10:00:00Z").append("web/C.java", "// more").commit("Cid", "cid@x.org", "more");
        }
        List<String> log = new java.util.ArrayList<>();
        var request = Requests.of(dir);
        request = new AssessmentRequest(request.projectDir(), null, null, "test", null, null, request.options(),
                log::add, s -> { });
        List<TrendPoint> trend = new Assessor().assess(request, 12).trend();
        assertThat(trend).extracting(TrendPoint::date).containsExactly("2024-01-31T23:59:59Z",
                "2024-02-29T23:59:59Z", "2024-03-31T23:59:59Z", "2024-04-30T23:59:59Z", "2024-05-31T23:59:59Z",
                "2024-06-30T23:59:59Z");
        assertThat(trend.subList(0, 3)).extracting(TrendPoint::commit).containsOnly(trend.get(0).commit());
        assertThat(trend.subList(0, 3)).extracting(TrendPoint::score).containsOnly(trend.get(0).score());
        assertThat(trend.subList(3, 5)).extracting(TrendPoint::commit).containsOnly(trend.get(3).commit());
        assertThat(trend.get(5).commit()).isNotIn(trend.get(0).commit(), trend.get(3).commit());
        assertThat(log).anyMatch(l -> l.startsWith("Trend: re-assessed 6 past points (3 distinct commits)"));
    }

    @Test
    void noTrendWithoutAskingOrWithoutHistory(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("r"))) {
            repo.write("a.txt", "a\n").commit("Ann", "ann@x.org", "a");
        }
        assertThat(new Assessor().assess(Requests.of(dir.resolve("r"))).trend()).isEmpty();
        java.nio.file.Files.createDirectories(dir.resolve("plain"));
        assertThat(new Assessor().assess(Requests.of(dir.resolve("plain")), 12).trend()).isEmpty();
    }

    @Test
    void monthEndsStopAtTheFirstCommitAndAYoungHistoryIsSpreadInstead() {
        long head = epoch("2024-04-05T10:00:00Z");
        assertThat(TrendAssessor.monthEnds(head, epoch("2024-01-10T00:00:00Z"), 12)).containsExactly(
                epoch("2024-01-31T23:59:59Z"), epoch("2024-02-29T23:59:59Z"), epoch("2024-03-31T23:59:59Z"));
        assertThat(TrendAssessor.monthEnds(head, 0, 2)).containsExactly(epoch("2024-02-29T23:59:59Z"),
                epoch("2024-03-31T23:59:59Z"));
        assertThat(TrendAssessor.spread(head, head - 400, 4)).containsExactly(head - 400, head - 300, head - 200,
                head - 100);
    }

    @Test
    void cuttingHistoryKeepsOnlyWhatExistedThen(@TempDir Path dir) throws Exception {
        String first;
        try (TestRepo repo = TestRepo.init(dir)) {
            first = repo.at("2024-01-10T10:00:00Z").write("a.txt", "a\n").commit("Ann", "ann@x.org", "a").name();
            repo.at("2024-02-10T10:00:00Z").write("b.txt", "b\n").commit("Bob", "bob@x.org", "b");
        }
        History mined = new History("x", List.of(commit("2", epoch("2024-02-10T10:00:00Z")),
                commit("1", epoch("2024-01-10T10:00:00Z"))), List.of(new Merge("m", "Ann", "a",
                        "Ann", "a", epoch("2024-02-01T00:00:00Z"), "Merge")), List.of(new Tag("v1", "1",
                                epoch("2024-01-10T10:00:00Z"))), false, -1);
        History cut = TrendAssessor.cut(mined, first, epoch("2024-01-31T23:59:59Z"));
        assertThat(cut.head()).isEqualTo(first);
        assertThat(cut.commits()).extracting(MinedCommit::id).containsExactly("1");
        assertThat(cut.merges()).isEmpty();
        assertThat(cut.tags()).extracting(Tag::name).containsExactly("v1");
    }

    private static MinedCommit commit(String id, long time) {
        return new MinedCommit(id, "Ann", "ann@x.org", time, time, 1, "s", List.of(), List.of());
    }
}
