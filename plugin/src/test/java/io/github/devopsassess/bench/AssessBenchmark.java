package io.github.devopsassess.bench;

import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.engine.Version;
import io.github.devopsassess.report.SharedAsciidoctor;
import io.github.devopsassess.report.SiteInput;
import io.github.devopsassess.report.SiteRenderer;
import io.github.devopsassess.report.Theme;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.source.JGitSetup;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One whole assessment for {@code bench/run.sh}, the way {@code devops:assess} runs it: Asciidoctor starts in the
 * background, the repository's HEAD is assessed (history mined, every scanner and check, optionally the trend) and
 * the site rendered. Prints the wall time of each stage on one line. Not a test: it measures time.
 *
 * <pre>
 * AssessBenchmark &lt;clone or bare repository&gt; [trend points, default 0] [cache folder|-]
 * </pre>
 */
public final class AssessBenchmark {

    private AssessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AssessBenchmark <repository> [trend points] [cache folder|-]");
            System.exit(2);
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long start = System.nanoTime();
        int trendPoints = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path cache = args.length > 2 && !args[2].equals("-") ? Path.of(args[2]) : null;
        SharedAsciidoctor.warmUp();
        JGitSetup.installOnce();
        ScanOptions defaults = ScanOptions.defaults();
        ScanOptions options = defaults.withHistory(defaults.history().withCache(cache));
        Path repository = Path.of(args[0]).toAbsolutePath();
        AssessmentRequest request = new AssessmentRequest(repository, repository, null, "bench", null, null, options,
                System.err::println, s -> { });
        Assessor.Outcome outcome = new Assessor().assess(request, trendPoints);
        Path site = Files.createTempDirectory("devops-bench-site");
        long waiting = System.nanoTime();
        SharedAsciidoctor.get();
        double wait = (System.nanoTime() - waiting) / 1e9;
        long rendering = System.nanoTime();
        new SiteRenderer(Theme.load(null), "bench " + Version.get()).render(SiteInput.of(outcome.assessment(),
                outcome.rubric()).withFacts(outcome.facts()).withExcerpts(outcome.excerpts())
                .withTrend(outcome.trend()), site);
        double render = (System.nanoTime() - rendering) / 1e9;
        var t = outcome.times();
        System.out.printf(Locale.ROOT, "trend_points=%d findings=%d history_s=%.3f scan_s=%.3f check_s=%.3f trend_s=%.3f"
                + " asciidoctor_wait_s=%.3f render_s=%.3f total_s=%.3f jvm_total_s=%.3f peak_rss_mb=%d%n", outcome.trend().size(),
                outcome.assessment().findings().size(), t.historySeconds(), t.scanSeconds(), t.checkSeconds(),
                t.trendSeconds(), wait, render, (System.nanoTime() - start) / 1e9,
                (System.currentTimeMillis() - jvmStart) / 1e3, MiningBenchmark.peakRssMb());
        System.exit(0); // the Asciidoctor thread is a daemon, but JRuby keeps non-daemon threads of its own
    }
}
