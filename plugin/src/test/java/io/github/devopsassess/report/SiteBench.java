package io.github.devopsassess.report;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.model.SourceExcerpt;
import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures how long the site of a repository with 500 findings takes to render once Asciidoctor has started. Not a
 * test (timings on a shared machine prove nothing); run it by hand:
 *
 * <pre>
 * java -cp "plugin/target/test-classes:plugin/target/classes:site-theme/target/classes:rubrics/target/classes:$(cat cp.txt)" \
 *     io.github.devopsassess.report.SiteBench [findings]
 * </pre>
 */
public final class SiteBench {

    private SiteBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long t0 = System.nanoTime();
        SharedAsciidoctor.awaitWarm();
        long started = System.nanoTime();
        Rubric rubric = new RubricLoader(SiteBench.class.getClassLoader())
                .loadDefault();
        SiteInput input = input(rubric, count);
        Path dir = Files.createTempDirectory("devops-bench");
        SiteRenderer renderer = new SiteRenderer(Theme.load(null), "bench");
        List<String> problems = List.of();
        double[] runs = new double[5];
        double[] cpu = new double[runs.length];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int i = 0; i < runs.length; i++) {
            long s = System.nanoTime();
            long c = os.getProcessCpuTime();
            problems = renderer.render(input, dir.resolve("site"));
            runs[i] = (System.nanoTime() - s) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - c) / 1e9;
        }
        long pages;
        try (var walk = Files.walk(dir.resolve("site"))) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).count();
        }
        System.out.printf(Locale.ROOT, "Asciidoctor start and warm-up: %.1f s%n", (started - t0) / 1e9);
        System.out.printf(Locale.ROOT, "Site with %d findings, %d pages, %d verification problems (load average"
                + " %.1f on %d cores)%n", count, pages, problems.size(), os.getSystemLoadAverage(),
                os.getAvailableProcessors());
        for (int i = 0; i < runs.length; i++) {
            System.out.printf(Locale.ROOT, "  render %d: %.2f s wall, %.2f s CPU (all threads)%n", i + 1, runs[i],
                    cpu[i]);
        }
        SiteRenderer.deleteTree(dir);
    }

    /** Findings spread over every check of the rubric, each with a path, a line and an excerpt. */
    static SiteInput input(Rubric rubric, int count) {
        List<CheckDef> checks = new ArrayList<>(rubric.checks().values());
        Map<String, List<Finding>> byCheck = new HashMap<>();
        Map<String, SourceExcerpt> excerpts = new HashMap<>();
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CheckDef c = checks.get(i % checks.size());
            String path = "module" + (i % 17) + "/src/main/java/Thing" + i + ".java";
            Evidence e = Evidence.line(path, 10 + i % 40);
            Finding f = Finding.of(c.id(), c.area(), Severity.values()[i % 5], "Finding number " + i + " about "
                    + path, path, List.of(e), c.remediation());
            byCheck.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(f);
            all.add(f);
            excerpts.put(SourceExcerpt.key(e), new SourceExcerpt(path, e.startLine() - 1, List.of("    // before",
                    "    doSomething(" + i + "); // <the line>", "    // after"), e.startLine(), e.startLine()));
        }
        List<AreaScore> areas = new ArrayList<>();
        for (AreaDef a : rubric.areas().values()) {
            List<CheckResult> results = new ArrayList<>();
            for (CheckDef c : rubric.enabledChecks(a.id())) {
                List<Finding> fs = byCheck.getOrDefault(c.id(), List.of());
                results.add(new CheckResult(c.id(), a.id(), fs.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL, 0.3,
                        c.weight(), fs.size() + " findings", fs, Map.of()));
            }
            areas.add(new AreaScore(a.id(), a.title(), a.antiPattern(), a.weight(), !results.isEmpty(),
                    results.isEmpty() ? null : 30, results.isEmpty() ? null : "initial", results));
        }
        Assessment assessment = new Assessment(1, "bench", new Assessment.Subject("bench", "", "0".repeat(40),
                "main", false, "2026-06-30T00:00:00Z"), 30, "initial", areas, all, List.of(), Map.of());
        List<TrendPoint> trend = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            trend.add(new TrendPoint(String.format(Locale.ROOT, "2025-%02d-28T23:59:59Z", m), "c" + m,
                    TrendPoint.REASSESSED, 20 + m, "initial", Map.of("knowledge-silos", 10 + m, "delivery", 30)));
        }
        return SiteInput.of(assessment, rubric).withExcerpts(excerpts).withTrend(trend);
    }
}
