package io.github.devopsassess.portfolio;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.report.AssessmentJson;
import io.github.devopsassess.report.PortfolioEntry;
import io.github.devopsassess.rubric.Rubric;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Merges {@code assessment.json} files — typically the artifacts of a CI matrix, one job per repository — into a
 * portfolio. The CI system is the distributed engine; this only reads files.
 */
public final class PortfolioBuilder {

    /** An assessment and where it came from. */
    public record Input(Path file, Assessment assessment) {
    }

    private PortfolioBuilder() {
    }

    /**
     * Finds assessment files under {@code root} whose path (relative to root) matches {@code glob}; every file is
     * read and a file that is not an assessment is skipped with the reason.
     */
    public static Portfolio build(Path root, String glob) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> matcher.matches(root.relativize(p))).sorted()
                    .toList();
        }
        List<Input> inputs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            try {
                Assessment a = AssessmentJson.read(f);
                if (a.schemaVersion() != Assessment.SCHEMA_VERSION || a.subject() == null || a.areas() == null) {
                    skipped.add(rel + ": not an assessment of schema version " + Assessment.SCHEMA_VERSION);
                    continue;
                }
                inputs.add(new Input(root.relativize(f), a));
            } catch (IOException | RuntimeException e) {
                skipped.add(rel + ": unreadable (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        return of(inputs, skipped);
    }

    public static Portfolio of(List<Input> inputs, List<String> skipped) {
        Map<String, List<Input>> byName = new TreeMap<>();
        for (Input in : inputs) {
            byName.computeIfAbsent(in.assessment().subject().name(), k -> new ArrayList<>()).add(in);
        }
        List<Portfolio.Row> rows = new ArrayList<>();
        for (List<Input> runs : byName.values()) {
            // The newest assessment of a repository is its row; the one before gives the trend.
            runs.sort(Comparator.comparing((Input i) -> nz(i.assessment().subject().date()))
                    .thenComparing(i -> i.file().toString()));
            Input latest = runs.get(runs.size() - 1);
            Integer previous = runs.size() > 1 ? runs.get(runs.size() - 2).assessment().score() : null;
            rows.add(row(latest, previous, runs.size() > 1));
        }
        rows.sort(Comparator.comparing((Portfolio.Row r) -> r.score() == null ? Integer.MAX_VALUE : r.score())
                .thenComparing(Portfolio.Row::name));
        Integer score = rows.stream().filter(r -> r.score() != null).mapToInt(Portfolio.Row::score).boxed()
                .reduce(Integer::sum).map(sum -> (int) Math.round((double) sum
                        / rows.stream().filter(r -> r.score() != null).count())).orElse(null);
        return new Portfolio(Portfolio.SCHEMA_VERSION, score, rows, skipped);
    }

    private static Portfolio.Row row(Input in, Integer previous, boolean hasPrevious) {
        Assessment a = in.assessment();
        AreaScore worst = a.areas().stream().filter(AreaScore::assessed)
                .min(Comparator.comparing(AreaScore::score).thenComparing(AreaScore::area)).orElse(null);
        Map<String, Integer> findings = new LinkedHashMap<>();
        for (Finding f : a.findings()) {
            findings.merge(f.severity().id(), 1, Integer::sum);
        }
        Map<String, Integer> areas = new TreeMap<>();
        a.areas().stream().filter(AreaScore::assessed).forEach(x -> areas.put(x.area(), x.score()));
        String trend;
        if (!hasPrevious || previous == null || a.score() == null) {
            trend = "new";
        } else {
            trend = a.score() > previous ? "up" : a.score() < previous ? "down" : "flat";
        }
        return new Portfolio.Row(a.subject().name(), in.file().toString().replace('\\', '/'), a.subject().commit(),
                a.subject().date(), a.score(), a.level(), previous, trend, worst == null ? null : worst.area(),
                worst == null ? null : worst.score(), new TreeMap<>(findings), areas);
    }

    /** The rows as the portfolio page shows them: the worst area named by the rubric's title. */
    public static List<PortfolioEntry> entries(Portfolio portfolio, Rubric rubric) {
        return portfolio.repositories().stream().map(row -> new PortfolioEntry(row.name(), null, row.score(),
                row.level(), row.previousScore(), row.worstArea() == null ? null
                        : rubric.areas().containsKey(row.worstArea()) ? rubric.areas().get(row.worstArea()).title()
                        : row.worstArea(), row.worstAreaScore())).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
