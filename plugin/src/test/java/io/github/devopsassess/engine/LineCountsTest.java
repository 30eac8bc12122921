package io.github.devopsassess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.history.FileHistories;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.history.HistoryOptions.LineCounts;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line counts cost a content diff per file: mined only when an enabled check needs them, or when asked. */
class LineCountsTest {

    @Test
    void onlyTheLineBasedChecksNeedLineCounts() throws Exception {
        assertThat(CheckRunner.builtIn(new RubricLoader(getClass().getClassLoader()).loadDefault()).stream().filter(Check::needsLineCounts).map(Check::id))
                .containsExactlyInAnyOrder("knowledge-loss", "single-author-hotspots");
    }

    @Test
    void theRubricDecidesUnlessTheUserOverrides(@TempDir Path dir) throws Exception {
        RubricLoader loader = new RubricLoader(Assessor.class.getClassLoader());
        assertThat(Assessor.lineCountsNeeded(loader.loadDefault())).isTrue();
        Path touchOnly = dir.resolve("rubric.yaml");
        Files.writeString(touchOnly, "extends: default\nchecks:\n  knowledge-loss: { enabled: false }\n"
                + "  single-author-hotspots: { enabled: false }\n");
        assertThat(Assessor.lineCountsNeeded(loader.load(touchOnly))).isFalse();

        ScanOptions o = ScanOptions.defaults();
        assertThat(o.mineLineCounts(false)).isFalse();
        assertThat(o.mineLineCounts(true)).isTrue();
        assertThat(o.withHistory(o.history().withLineCounts(LineCounts.ALWAYS)).mineLineCounts(false)).isTrue();
        assertThat(o.withHistory(o.history().withLineCounts(LineCounts.NEVER)).mineLineCounts(true)).isFalse();
    }

    @Test
    void withoutLineCountsTheLineBasedChecksFallBackToCommits(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            for (int i = 0; i < 9; i++) { // knowledge-loss needs 10 source files
                repo.write("src/F" + i + ".java", "f\n");
            }
            repo.write("src/A.java", "a\n").commit("Ann", "ann@x.org", "a");
            repo.append("src/A.java", "b").commit("Ann", "ann@x.org", "b");
            repo.append("src/A.java", "c").commit("Ben", "ben@x.org", "c");
            ScanOptions o = ScanOptions.defaults();
            List<String> log = new ArrayList<>();
            Assessment a = new Assessor().assess(new AssessmentRequest(repo.dir(), null, null, "t", null, null,
                    o.withHistory(o.history().withLineCounts(LineCounts.NEVER)), log::add, log::add)).assessment();
            assertThat(log).anySatisfy(l -> assertThat(l).startsWith("History: mined 3 new commits")
                    .doesNotContain("with line counts"));
            CheckResult loss = a.areas().stream().map(AreaScore::checks).flatMap(List::stream)
                    .filter(c -> c.check().equals("knowledge-loss")).findFirst().orElseThrow();
            assertThat(loss.summary()).contains("by commits (line counts were not mined)");

            List<String> withCounts = new ArrayList<>();
            new Assessor().assess(new AssessmentRequest(repo.dir(), null, null, "t", null, null, o, withCounts::add,
                    withCounts::add));
            assertThat(withCounts).anySatisfy(l -> assertThat(l).contains("with line counts"));
        }
    }
    /**
     * Lines counted only for the files the assessment reads give the same scores, findings, metrics, trend and file
     * histories as lines counted for every file: a module written by Ann, moved and later partly deleted, a
     * generated file that came and went within a month, and a scratch tool that only the trend's trees still hold.
     */
    @Test
    void countingOnlyTheLinesAnAssessmentReadsChangesNoResult(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.at("2025-01-06T09:00:00Z");
            for (int i = 0; i < 12; i++) {
                repo.write("billing/src/Billing" + i + ".java", ("class Billing" + i + " { int v = " + i + "; }\n")
                        .repeat(5 + i * 3));
            }
            repo.write("gen/Stubs.java", "// generated\n".repeat(400)).commit("Ann", "ann@x.org", "billing");
            repo.at("2025-01-13T09:00:00Z").delete("gen/Stubs.java").commit("Ben", "ben@x.org", "no stubs");
            repo.at("2025-02-03T09:00:00Z").append("billing/src/Billing1.java", "// fix rounding")
                    .commit("Ben", "ben@x.org", "rounding");
            repo.at("2025-03-03T09:00:00Z").rename("billing/src/Billing2.java", "billing/src/core/Billing2.java")
                    .write("tools/Scratch.java", "// scratch\n".repeat(80)).commit("Cid", "cid@x.org", "scratch");
            for (int i = 0; i < 6; i++) {
                repo.at("2025-04-0" + (i + 1) + "T09:00:00Z").append("billing/src/Billing" + (i % 3) + ".java",
                        "// change " + i).append("tools/Scratch.java", "// more " + i)
                        .commit(i % 2 == 0 ? "Ben" : "Cid", i % 2 == 0 ? "ben@x.org" : "cid@x.org", "change " + i);
            }
            repo.at("2025-05-12T09:00:00Z").delete("tools/Scratch.java").delete("billing/src/Billing5.java")
                    .commit("Ann", "ann@x.org", "cleanup");
            repo.at("2025-06-20T09:00:00Z").append("billing/src/Billing0.java", "// june")
                    .commit("Ben", "ben@x.org", "june");
        }
        ScanOptions o = ScanOptions.defaults();
        List<String> scopedLog = new ArrayList<>();
        Assessor.Outcome scoped = new Assessor().assess(new AssessmentRequest(dir.resolve("repo"), null, null, "t",
                null, null, o, scopedLog::add, scopedLog::add), 12);
        Assessor.Outcome all = new Assessor().assess(new AssessmentRequest(dir.resolve("repo"), null, null, "t",
                null, null, o.withHistory(o.history().withLineCounts(LineCounts.ALWAYS)), s -> { }, s -> { }), 12);

        assertThat(scopedLog).anySatisfy(l -> assertThat(l).contains("with line counts"));
        assertThat(scoped.assessment().areas()).isEqualTo(all.assessment().areas());
        assertThat(scoped.assessment().findings()).isEqualTo(all.assessment().findings());
        assertThat(scoped.assessment().metrics()).isEqualTo(all.assessment().metrics());
        assertThat(scoped.trend()).isEqualTo(all.trend()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(histories(scoped)).isEqualTo(histories(all)).isNotEmpty();
        assertThat(scoped.facts().get(HistoryFacts.class).lineCounts()).isTrue();
        // the generated file came and went in January, before every tree assessed: its lines were not counted
        assertThat(touches(scoped, "gen/Stubs.java")).allSatisfy(t -> assertThat(t.added()).isEqualTo(-1));
        assertThat(touches(all, "gen/Stubs.java")).anySatisfy(t -> assertThat(t.added()).isEqualTo(400));
    }

    private static Map<String, String> histories(Assessor.Outcome outcome) {
        Map<String, String> out = new TreeMap<>();
        outcome.facts().get(FileHistories.class).files().forEach((path, s) -> out.put(path, s.commits() + " "
                + s.lastCommit() + " " + new TreeMap<>(s.weights())));
        return out;
    }

    private static List<FileTouch> touches(Assessor.Outcome outcome, String path) {
        return outcome.facts().get(HistoryFacts.class).commits().stream()
                .flatMap(c -> c.commit().files().stream()).filter(t -> t.path().equals(path)).toList();
    }
}
