package io.github.devopsassess.portfolio;

import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.PortfolioChanges;
import io.github.devopsassess.report.PortfolioEntry;
import io.github.devopsassess.report.PortfolioView;
import io.github.devopsassess.rubric.Rubric;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Merges {@code assessment.json} files — typically the artifacts of a CI matrix, one job per repository — into a
 * portfolio. The CI system is the distributed engine; this only reads files. Each file is reduced to its row as soon
 * as it is read, so a thousand assessments never sit in memory at once.
 */
public final class PortfolioBuilder {

    /**
     * An assessment and where it came from.
     *
     * @param file the assessment file, relative to the aggregated folder
     * @param assessment its content
     * @param site the repository's site beside it ({@code site/index.html}), relative to the aggregated folder, or
     *     {@code null}
     */
    public record Input(Path file, Assessment assessment, Path site) {

        public Input(Path file, Assessment assessment) {
            this(file, assessment, null);
        }
    }

    private PortfolioBuilder() {
    }

    /**
     * Finds assessment files under {@code root} whose path (relative to root) matches {@code glob}; every file is
     * read and a file that is not an assessment is skipped with the reason.
     */
    public static Portfolio build(Path root, String glob) throws IOException {
        return build(root, glob, null, List.of());
    }

    /**
     * As {@link #build(Path, String)}, compared with the previous portfolio when there is one.
     *
     * @param previous the previous portfolio, or {@code null}
     * @param levels the rubric's level ids, lowest first, to tell a level that went up from one that went down
     */
    public static Portfolio build(Path root, String glob, Portfolio previous, List<String> levels)
            throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> matcher.matches(root.relativize(p))).sorted()
                    .toList();
        }
        List<Portfolio.Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            String rel = slashes(root.relativize(f));
            try {
                AssessmentDigest a = AssessmentDigest.read(f);
                if (a.schemaVersion() != Assessment.SCHEMA_VERSION || a.subject() == null || a.subject().name() == null
                        || a.areas() == null) {
                    skipped.add(rel + ": not an assessment of schema version " + Assessment.SCHEMA_VERSION);
                    continue;
                }
                Path site = f.resolveSibling("site").resolve("index.html");
                rows.add(row(root.relativize(f), a, Files.isRegularFile(site) ? root.relativize(site) : null));
            } catch (IOException | RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                skipped.add(rel + ": unreadable (" + message.lines().findFirst().orElse("") + ")");
            }
        }
        return merge(rows, skipped, previous, levels);
    }

    public static Portfolio of(List<Input> inputs, List<String> skipped) {
        return of(inputs, skipped, null, List.of());
    }

    public static Portfolio of(List<Input> inputs, List<String> skipped, Portfolio previous, List<String> levels) {
        return merge(inputs.stream().map(in -> row(in.file(), AssessmentDigest.of(in.assessment()), in.site()))
                .toList(), skipped, previous, levels);
    }

    private static Portfolio merge(List<Portfolio.Row> runs, List<String> skipped, Portfolio previous,
            List<String> levels) {
        Map<String, List<Portfolio.Row>> byName = new TreeMap<>();
        for (Portfolio.Row run : runs) {
            byName.computeIfAbsent(run.name(), k -> new ArrayList<>()).add(run);
        }
        List<Portfolio.Row> rows = new ArrayList<>();
        for (List<Portfolio.Row> all : byName.values()) {
            // The newest assessment of a repository is its row; the one before gives the trend.
            List<Portfolio.Row> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparing((Portfolio.Row r) -> nz(r.date())).thenComparing(Portfolio.Row::source));
            Portfolio.Row latest = sorted.get(sorted.size() - 1);
            boolean hasPrevious = sorted.size() > 1;
            Integer before = hasPrevious ? sorted.get(sorted.size() - 2).score() : null;
            String trend = !hasPrevious || before == null || latest.score() == null ? "new"
                    : latest.score() > before ? "up" : latest.score() < before ? "down" : "flat";
            rows.add(new Portfolio.Row(latest.name(), latest.source(), latest.commit(), latest.date(), latest.score(),
                    latest.level(), before, trend, latest.worstArea(), latest.worstAreaScore(), latest.findings(),
                    latest.areas(), latest.owners(), latest.team(), latest.site()));
        }
        rows.sort(WORST_FIRST);
        Integer score = rows.stream().filter(r -> r.score() != null).mapToInt(Portfolio.Row::score).boxed()
                .reduce(Integer::sum).map(sum -> (int) Math.round((double) sum
                        / rows.stream().filter(r -> r.score() != null).count())).orElse(null);
        return new Portfolio(Portfolio.SCHEMA_VERSION, score, rows, skipped, spreads(rows),
                previous == null ? null : changes(rows, previous, levels));
    }

    /** Lowest score first, repositories without a score last, then by name. */
    static final Comparator<Portfolio.Row> WORST_FIRST = Comparator.comparing((Portfolio.Row r) -> r.score() == null
            ? Integer.MAX_VALUE : r.score()).thenComparing(Portfolio.Row::name);

    private static Portfolio.Row row(Path file, AssessmentDigest a, Path site) {
        AssessmentDigest.Area worst = a.areas().stream().filter(x -> x.assessed() && x.score() != null)
                .min(Comparator.comparing(AssessmentDigest.Area::score).thenComparing(AssessmentDigest.Area::area))
                .orElse(null);
        Map<String, Integer> findings = new TreeMap<>();
        for (AssessmentDigest.Severity f : a.findings()) {
            findings.merge(String.valueOf(f.severity()), 1, Integer::sum);
        }
        Map<String, Integer> areas = new TreeMap<>();
        a.areas().stream().filter(x -> x.assessed() && x.score() != null).forEach(x -> areas.put(x.area(), x.score()));
        List<String> owners = a.subject().owners();
        return new Portfolio.Row(a.subject().name(), slashes(file), a.subject().commit(), a.subject().date(),
                a.score(), a.level(), null, "new", worst == null ? null : worst.area(),
                worst == null ? null : worst.score(), findings, areas, owners,
                owners.isEmpty() ? Portfolio.NO_OWNER : owners.get(0), site == null ? null : slashes(site));
    }

    /** Each area's spread over the repositories that assessed it, weakest median first. */
    static List<Portfolio.AreaSpread> spreads(List<Portfolio.Row> rows) {
        Map<String, List<Integer>> scores = new TreeMap<>();
        for (Portfolio.Row r : rows) {
            r.areas().forEach((area, score) -> {
                if (score != null) {
                    scores.computeIfAbsent(area, k -> new ArrayList<>()).add(score);
                }
            });
        }
        List<Portfolio.AreaSpread> out = new ArrayList<>();
        scores.forEach((area, values) -> {
            values.sort(null);
            out.add(new Portfolio.AreaSpread(area, values.size(), values.get(0), quantile(values, 0.25),
                    quantile(values, 0.5), quantile(values, 0.75), values.get(values.size() - 1)));
        });
        out.sort(Comparator.comparingInt(Portfolio.AreaSpread::median)
                .thenComparingInt(Portfolio.AreaSpread::lowerQuartile).thenComparing(Portfolio.AreaSpread::area));
        return out;
    }

    /** The q-quantile of sorted values, linearly interpolated between neighbours, rounded half up. */
    static int quantile(List<Integer> sorted, double q) {
        double position = q * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.size() - 1);
        double value = sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
        return (int) Math.floor(value + 0.5);
    }

    /** Levels that went down or up, repositories added and removed, against the previous portfolio. */
    static PortfolioChanges changes(List<Portfolio.Row> rows, Portfolio previous, List<String> levels) {
        Map<String, Portfolio.Row> before = new HashMap<>();
        previous.repositories().forEach(r -> before.put(r.name(), r));
        List<PortfolioChanges.LevelChange> down = new ArrayList<>();
        List<PortfolioChanges.LevelChange> up = new ArrayList<>();
        Set<String> added = new TreeSet<>();
        Map<String, Integer> steps = new HashMap<>();
        for (Portfolio.Row now : rows) {
            Portfolio.Row then = before.get(now.name());
            if (then == null) {
                added.add(now.name());
                continue;
            }
            int step = levels.indexOf(now.level()) - levels.indexOf(then.level());
            PortfolioChanges.LevelChange change = new PortfolioChanges.LevelChange(now.name(), then.level(),
                    now.level(), then.score(), now.score());
            steps.put(now.name(), step);
            if (step < 0) {
                down.add(change);
            } else if (step > 0) {
                up.add(change);
            }
        }
        Set<String> names = new TreeSet<>();
        rows.forEach(r -> names.add(r.name()));
        List<String> removed = previous.repositories().stream().map(Portfolio.Row::name)
                .filter(n -> !names.contains(n)).sorted().distinct().toList();
        down.sort(Comparator.comparingInt((PortfolioChanges.LevelChange c) -> steps.get(c.name()))
                .thenComparing(PortfolioChanges.LevelChange::name));
        up.sort(Comparator.comparingInt((PortfolioChanges.LevelChange c) -> -steps.get(c.name()))
                .thenComparing(PortfolioChanges.LevelChange::name));
        return new PortfolioChanges(previous.repositories().size(), down, up, List.copyOf(added), removed);
    }

    /** The rows as the portfolio page shows them: the worst area named by the rubric's title. */
    public static List<PortfolioEntry> entries(Portfolio portfolio, Rubric rubric) {
        return entries(portfolio, rubric, null, null);
    }

    /**
     * The rows as the portfolio page shows them, each linked to its repository's own site when one is published
     * beside its assessment.
     *
     * @param root the aggregated folder the rows' paths are relative to, or {@code null}: no links
     * @param siteDir the folder of the portfolio page, or {@code null}: no links
     */
    public static List<PortfolioEntry> entries(Portfolio portfolio, Rubric rubric, Path root, Path siteDir) {
        return portfolio.repositories().stream().map(row -> new PortfolioEntry(row.name(),
                link(row, root, siteDir), row.score(), row.level(), row.previousScore(), title(rubric, row.worstArea()),
                row.worstAreaScore(), row.team(), row.areas())).toList();
    }

    /** Everything the portfolio page shows. */
    public static PortfolioView view(Portfolio portfolio, Rubric rubric, Path root, Path siteDir) {
        List<PortfolioView.AreaSpread> areas = portfolio.areas().stream().map(s -> new PortfolioView.AreaSpread(
                s.area(), title(rubric, s.area()), s.repositories(), s.min(), s.lowerQuartile(), s.median(),
                s.upperQuartile(), s.max())).toList();
        return new PortfolioView(entries(portfolio, rubric, root, siteDir), areas, portfolio.changes());
    }

    private static String title(Rubric rubric, String area) {
        return area == null ? null : rubric.areas().containsKey(area) ? rubric.areas().get(area).title() : area;
    }

    /** A relative, percent-encoded link from the portfolio page to the repository's site, or {@code null}. */
    static String link(Portfolio.Row row, Path root, Path siteDir) {
        if (row.site() == null || root == null || siteDir == null) {
            return null;
        }
        Path target = root.toAbsolutePath().normalize().resolve(row.site()).normalize();
        if (!Files.isRegularFile(target)) {
            return null;
        }
        String relative = slashes(siteDir.toAbsolutePath().normalize().relativize(target));
        try {
            // the URI constructor quotes what a path may not hold (spaces, '%', non-ASCII stays as it is)
            return new URI(null, null, relative, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
