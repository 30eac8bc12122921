package io.github.devopsassess.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.portfolio.PortfolioFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code devops:aggregate} logs: a summary whatever the number of repositories, never one line each. */
class AggregateMojoTest {

    /** Keeps what the goal logs. */
    static final class Captured extends SystemStreamLog {
        final List<String> info = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }
    }

    private static Captured run(Path in, Path out, Path previous) throws Exception {
        AggregateMojo mojo = new AggregateMojo();
        mojo.assessments = in.toFile();
        mojo.assessmentGlob = "**/assessment.json";
        mojo.output = out.toFile();
        mojo.failOnRegression = true;
        mojo.previousPortfolio = previous == null ? null : previous.toFile();
        Captured log = new Captured();
        mojo.setLog(log);
        mojo.execute();
        return log;
    }

    @Test
    void logsCountsPerLevelAndTheWorstTenNotEveryRepository(@TempDir Path dir) throws Exception {
        List<PortfolioFixture.Repo> repos = PortfolioFixture.write(dir.resolve("in"), "2026-02-02T00:00:00Z",
                List.of());
        Captured log = run(dir.resolve("in"), dir.resolve("out"), null);

        assertThat(log.info).hasSizeLessThanOrEqualTo(16);
        assertThat(log.info.get(0)).startsWith("Portfolio of 50 repositories (49 with a score, 4 teams), mean score ")
                .endsWith("portfolio.html");
        assertThat(log.info).contains("  Levels: Initial 10, Managed 10, Defined 10, Measured 15, Optimizing 4, "
                + "not assessed 1");
        assertThat(log.info).contains("  Weakest areas (median score): Knowledge silos 34, Access control 68, "
                + "Delivery (DORA) 69");
        assertThat(log.info).contains("  Since the previous portfolio: none to compare with");
        int worst = log.info.indexOf("  Worst 10:");
        assertThat(worst).isPositive();
        // payments' ten repositories score 10 … 19: they are the worst ten, lowest first
        List<String> named = log.info.subList(worst + 1, worst + 11).stream().map(l -> l.trim().split(" +")[0])
                .toList();
        assertThat(named).containsExactlyElementsOf(repos.stream().filter(r -> "@acme/payments".equals(r.team()))
                .map(PortfolioFixture.Repo::name).toList());
        assertThat(log.info.get(worst + 1)).matches("    pay-00 +10  initial +weakest: Knowledge silos 5, "
                + "@acme/payments");
        assertThat(String.join("\n", log.info)).doesNotContain("plat-", "search-", "misc-");
        assertThat(dir.resolve("out/portfolio.json")).isRegularFile();
        assertThat(dir.resolve("out/site/portfolio.html")).isRegularFile();
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void theSecondRunComparesWithThePortfolioAlreadyAtTheOutput(@TempDir Path dir) throws Exception {
        PortfolioFixture.write(dir.resolve("in"), "2026-02-02T00:00:00Z", List.of());
        run(dir.resolve("in"), dir.resolve("out"), null);
        Files.walk(dir.resolve("in/misc-00")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile()
                .delete());
        Captured log = run(dir.resolve("in"), dir.resolve("out"), null);
        assertThat(log.info).contains("  Since the previous portfolio (50 repositories): 0 down a level, 0 up, "
                + "0 new, 1 removed");
    }

    @Test
    void aMalformedPreviousPortfolioIsOneWarningNamingFileAndLine(@TempDir Path dir) throws Exception {
        PortfolioFixture.write(dir.resolve("in"), "2026-02-02T00:00:00Z", List.of());
        Path previous = dir.resolve("previous.json");
        Files.writeString(previous, "{\n  \"schemaVersion\": 1,\n  \"repositories\": [ oops ]\n}\n");
        Captured log = run(dir.resolve("in"), dir.resolve("out"), previous);
        assertThat(log.warnings).singleElement().satisfies(w -> assertThat(w)
                .startsWith("Cannot read the previous portfolio " + previous + " line 3: ")
                .endsWith("the portfolio is written without the changes since it"));
        assertThat(log.info).contains("  Since the previous portfolio: none to compare with");
    }
}
