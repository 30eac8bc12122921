package io.github.devopsassess.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.gate.Baseline;
import io.github.devopsassess.gate.BaselineStore;
import io.github.devopsassess.gate.GateSettings;
import io.github.devopsassess.gate.JunitWriter;
import io.github.devopsassess.gate.SarifWriter;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.report.AssessmentJson;
import io.github.devopsassess.report.SiteRenderer;
import io.github.devopsassess.report.Theme;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are replaced whole or not at all, two runs on one project take turns, and a baseline keeps a backup. */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OutputSafetyTest {

    /** What {@code devops:assess} writes, in its order, under the output lock. */
    private static void assessAndWrite(Path project, Path out) throws Exception {
        Assessor.Outcome outcome = new Assessor().assess(Requests.of(project));
        Assessment a = outcome.assessment();
        try (OutputLock lock = OutputLock.acquire(out)) {
            AssessmentJson.write(a, out.resolve("assessment.json"));
            SarifWriter.write(a, outcome.rubric(), "1", out.resolve("devops.sarif"));
            JunitWriter.write(a, Optional.empty(), new GateSettings(0, Severity.HIGH), out.resolve("devops-junit.xml"));
            assertThat(new SiteRenderer(Theme.load(null), "gen").render(a, outcome.rubric(), out.resolve("site")))
                    .isEmpty();
        }
    }

    @Test
    void twoRunsAtOnceIntoTheSameOutputFolderLeaveCompleteOutputs(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("target/devops");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n"
                    + "    steps:\n      - run: mvn verify\n").commit("Ann", "ann@example.org", "ci");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Void> run = () -> {
                    for (int i = 0; i < 2; i++) {
                        assessAndWrite(repo.dir(), out);
                    }
                    return null;
                };
                List<Future<Void>> runs = pool.invokeAll(List.of(run, run));
                for (Future<Void> f : runs) {
                    f.get(); // rethrows what a run threw
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(AssessmentJson.read(out.resolve("assessment.json")).areas()).isNotEmpty();
        assertThat(new ObjectMapper().readTree(out.resolve("devops.sarif").toFile()).get("runs")).isNotNull();
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("devops-junit.xml").toFile());
        assertThat(Jsoup.parse(out.resolve("site/index.html").toFile(), "UTF-8").select("span.score")).isNotEmpty();
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temporary site or file is left behind")
                    .containsExactlyInAnyOrder(".lock", "assessment.json", "devops.sarif", "devops-junit.xml", "site");
        }
    }

    @Test
    void aFileIsReplacedWholeThroughATemporarySibling(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/assessment.json");
        AtomicFiles.write(file, "{\"old\": true}");
        AtomicFiles.write(file, "{\"new\": true}");
        assertThat(Files.readString(file)).isEqualTo("{\"new\": true}");
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aBaselineIsWrittenOnlyWhenItChangedAndKeepsThePreviousAsBak(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("devops-baseline.json");
        Baseline first = new Baseline(Baseline.SCHEMA_VERSION, 50, Map.of("delivery", 50), List.of());
        Baseline second = new Baseline(Baseline.SCHEMA_VERSION, 60, Map.of("delivery", 60), List.of());
        assertThat(BaselineStore.write(first, file)).isTrue();
        assertThat(file.resolveSibling("devops-baseline.json.bak")).doesNotExist();
        assertThat(BaselineStore.write(first, file)).as("unchanged: not rewritten").isFalse();
        assertThat(BaselineStore.write(second, file)).isTrue();
        assertThat(BaselineStore.read(file)).hasValueSatisfying(b -> assertThat(b.score()).isEqualTo(60));
        assertThat(BaselineStore.read(file.resolveSibling("devops-baseline.json.bak")))
                .hasValueSatisfying(b -> assertThat(b.score()).isEqualTo(50));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("devops-baseline.json", "devops-baseline.json.bak");
        }
    }

    @Test
    void assessingNeverWritesTheBaseline(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("devops-baseline.json", "{\"schemaVersion\": 1, \"score\": 99}\n")
                    .commit("Ann", "ann@example.org", "baseline");
            assessAndWrite(repo.dir(), dir.resolve("out"));
            assertThat(Files.readString(repo.dir().resolve("devops-baseline.json"), StandardCharsets.UTF_8))
                    .isEqualTo("{\"schemaVersion\": 1, \"score\": 99}\n");
            assertThat(repo.dir().resolve("devops-baseline.json.bak")).doesNotExist();
        }
    }
}
