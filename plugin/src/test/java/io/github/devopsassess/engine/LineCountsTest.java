package io.github.devopsassess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.Check;
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
}
