package io.github.devopsassess.engine;

import io.github.devopsassess.check.custom.CustomCheck;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.model.SourceExcerpt;
import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricException;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.scan.Scanners;
import io.github.devopsassess.score.Scorer;
import io.github.devopsassess.source.History;
import io.github.devopsassess.source.LineOrigins;
import io.github.devopsassess.source.RepoTree;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Runs one assessment: rubric, sources, scanners, checks, scores. Renders nothing and gates nothing. */
public final class Assessor {

    /**
     * The assessment and what the report needs besides it.
     *
     * @param assessment the result
     * @param rubric the rubric it was scored with
     * @param facts what the scanners saw, for area-specific report sections
     * @param excerpts source lines around each piece of evidence with a path and line, by
     *     {@link SourceExcerpt#key(io.github.devopsassess.model.Evidence)}
     * @param trend scores re-assessed at past commits, oldest first (empty unless asked for)
     * @param times how long each stage took (for the log only)
     */
    public record Outcome(Assessment assessment, Rubric rubric, Facts facts, Map<String, SourceExcerpt> excerpts,
            List<TrendPoint> trend, StageTimes times) {

        public Outcome {
            excerpts = java.util.Collections.unmodifiableMap(new TreeMap<>(excerpts));
            trend = List.copyOf(trend);
        }

        public Outcome(Assessment assessment, Rubric rubric) {
            this(assessment, rubric, Facts.builder().build(), Map.of(), List.of(), StageTimes.NONE);
        }
    }

    /** Scanners' facts and the scores computed from them, for one tree and one history, and how long each took. */
    record Evaluation(Facts facts, Scorer.Scores scores, double scanSeconds, double checkSeconds) {
    }

    public static final String TOOL = "devops-maven-plugin";

    /**
     * The scanners of this assessment, shared by its trend points: what a scanner remembers (the postmortem scanner's
     * path decisions) lasts one assessment and never outlives it.
     */
    private final List<Scanner> scanners = Scanners.all();

    /** Assesses the request without a trend. */
    public Outcome assess(AssessmentRequest request) throws AssessmentException {
        return assess(request, 0);
    }

    /**
     * @param trendPoints how many past points (month-ends) to re-assess for the trend; 0 for none
     */
    public Outcome assess(AssessmentRequest request, int trendPoints) throws AssessmentException {
        Rubric rubric = loadRubric(request);
        long opening = System.nanoTime();
        try (Sources sources = Sources.open(request, lineCountsNeeded(rubric), trendPoints)) {
            double historySeconds = StageTimes.since(opening);
            // The custom scanner reads exactly the files the rubric's custom checks examine.
            ScanOptions options = request.options().withCustomFiles(CustomCheck.filesToRead(rubric.checks().values()));
            // pseudonyms under the user's key, else the key kept beside the history cache (never in the outputs)
            options = options.withPseudonyms(PseudonymKey.resolve(options.pseudonyms(),
                    options.history().cacheFolder(), request.warn()));
            // the team's own organisation is not a third party: named by the user, else by the origin remote
            if (options.repositoryName() == null && sources.repository() != null) {
                options = options.withRepositoryName(sources.repository().originName().orElse(null));
            }
            // since when each finding has been true, from the lines its evidence names (before whole files get
            // ranges: a finding about a whole file has no line of its own)
            FindingOrigins origins = new FindingOrigins(sources.tree(), lineOrigins(sources, request));
            WholeFileRanges wholeFiles = new WholeFileRanges(sources.tree());
            Evaluation evaluation = evaluate(rubric, sources.tree(), sources.history(), sources.historyMissing(),
                    options, request.info(), found -> wholeFiles.apply(origins.apply(found)));
            Facts facts = evaluation.facts();
            Scorer.Scores scores = evaluation.scores();

            List<Finding> findings = new ArrayList<>();
            Map<String, Object> metrics = new TreeMap<>();
            for (AreaScore area : scores.areas()) {
                for (CheckResult r : area.checks()) {
                    findings.addAll(r.findings());
                    metrics.putAll(r.metrics());
                }
            }
            List<String> areaOrder = new ArrayList<>(rubric.areas().keySet());
            Comparator<Finding> order = Comparator.comparing(Finding::severity, Comparator.reverseOrder());
            order = order.thenComparingInt(f -> areaOrder.indexOf(f.area()))
                    .thenComparing(Finding::check)
                    .thenComparing(f -> f.subject() == null ? "" : f.subject())
                    .thenComparing(f -> f.fingerprint());
            findings.sort(order);
            List<ParseProblem> problems = new ArrayList<>(facts.problems());
            problems.sort(Comparator.comparing((ParseProblem p) -> p.path() == null ? "" : p.path())
                    .thenComparing(p -> p.line() == null ? 0 : p.line()));
            problems.forEach(p -> request.warn().accept(p.label()));

            People people = People.in(facts); // owners named as every page names them
            List<String> owners = facts.find(OwnershipFacts.class).map(o -> o.repositoryOwners().stream()
                    .map(people::owner).distinct().toList()).orElse(List.of());
            Assessment.Subject subject = new Assessment.Subject(request.name(), sources.tree().subtree(),
                    sources.commit(), sources.refName(), sources.workingTree(), date(request, sources), owners);
            Assessment assessment = new Assessment(Assessment.SCHEMA_VERSION, TOOL + " " + Version.get(), subject,
                    scores.score(), scores.level(), scores.areas(), findings, problems, metrics, scores.nextLevel());
            Map<String, SourceExcerpt> excerpts = new EvidenceExcerpts(sources.tree(), People.in(facts),
                    facts.find(OnCallFacts.class).map(OnCallFacts::files).orElse(List.of())).of(findings);
            List<TrendPoint> trend = List.of();
            long trending = System.nanoTime();
            if (trendPoints > 0 && sources.repository() != null && sources.head() != null
                    && sources.history() != null) {
                trend = trend(request, rubric, options, sources, trendPoints);
            }
            StageTimes times = new StageTimes(historySeconds, evaluation.scanSeconds(), evaluation.checkSeconds(),
                    trend.isEmpty() ? 0 : StageTimes.since(trending));
            return new Outcome(assessment, rubric, facts, excerpts, trend, times);
        }
    }

    /**
     * The trend's points: those kept by the last run when it assessed the same commit with the same rubric, options,
     * history and plugin ({@link TrendCache}), else computed (and kept for the next run when every point could be).
     */
    private List<TrendPoint> trend(AssessmentRequest request, Rubric rubric, ScanOptions options, Sources sources,
            int trendPoints) {
        long start = System.nanoTime();
        long maxFileSize = request.options().maxFileSize();
        String subtree = sources.tree().subtree();
        java.util.Optional<TrendCache> cache = TrendCache.in(options.history().cacheFolder(),
                sources.repository().directory(), subtree);
        String key = cache.isEmpty() ? null : TrendCache.key(sources.head().id(), subtree, trendPoints, maxFileSize,
                rubric, options, sources.history());
        java.util.Optional<List<TrendPoint>> kept = cache.flatMap(c -> c.read(key, request.warn()));
        if (kept.isPresent()) {
            request.info().accept(String.format(java.util.Locale.ROOT, "Trend: %d past points read from the trend"
                    + " cache (same commit, rubric, options and history) in %.1f s", kept.get().size(),
                    StageTimes.since(start)));
            return kept.get();
        }
        TrendAssessor.Trend trend = new TrendAssessor(this, rubric, options, request.info(), maxFileSize).compute(
                sources.repository(), sources.head(), sources.history(), subtree, trendPoints);
        if (trend.complete()) {
            cache.ifPresent(c -> c.write(key, trend.points(), request.warn()));
        }
        return trend.points();
    }

    /** Runs every scanner over one tree and history, then every enabled check, then the scorer (for trend points). */
    Evaluation evaluate(Rubric rubric, RepoTree tree, History history, String historyMissing, ScanOptions options,
            Consumer<String> log) {
        return evaluate(rubric, tree, history, historyMissing, options, log, UnaryOperator.identity());
    }

    /**
     * @param locate what the assessment does to each check's findings before they are scored and kept (the whole
     *     assessment locates whole-file evidence; a trend point needs only scores)
     */
    private Evaluation evaluate(Rubric rubric, RepoTree tree, History history, String historyMissing,
            ScanOptions options, Consumer<String> log, UnaryOperator<List<Finding>> locate) {
        long scanning = System.nanoTime();
        Facts.Builder builder = Facts.builder();
        ScanContext context = new ScanContext(tree, history, historyMissing, options, log);
        for (Scanner scanner : scanners) {
            try {
                scanner.scan(context, builder);
            } catch (RuntimeException e) {
                // A scanner bug must not cost the user the rest of the assessment.
                builder.problem(null, null, "the " + scanner.id() + " scanner failed (" + e
                        + "); its areas are not assessed. Please report this.");
            }
        }
        CheckRunner checks = new CheckRunner(rubric);
        Facts facts = checks.derive(builder.build());
        double scanSeconds = StageTimes.since(scanning);
        long checking = System.nanoTime();
        Map<String, CheckResult> results = checks.run(facts);
        PageLocations pages = new PageLocations(facts);
        results.replaceAll((id, r) -> r.withFindings(locate.apply(pages.apply(r.findings()))));
        Scorer.Scores scores = new Scorer(rubric).score(results);
        return new Evaluation(facts, scores, scanSeconds, StageTimes.since(checking));
    }

    /** The origins of lines at the assessed commit, or {@code null} without history (a folder, no commits). */
    private static LineOrigins lineOrigins(Sources sources, AssessmentRequest request) {
        if (sources.repository() == null || sources.head() == null || sources.history() == null) {
            return null;
        }
        try {
            return sources.repository().lineOrigins(sources.head());
        } catch (java.io.IOException e) {
            request.warn().accept("Since when findings have been true is unknown: " + e.getMessage());
            return null;
        }
    }

    private static Rubric loadRubric(AssessmentRequest request) throws AssessmentException {
        RubricLoader loader = new RubricLoader(Assessor.class.getClassLoader());
        try {
            Rubric rubric = request.rubricFile() == null ? loader.loadDefault()
                    : loader.load(request.rubricFile().toString()); // a file, or classpath:… as devops.rubric says
            return rubric.forProfile(request.profile());
        } catch (RubricException e) {
            throw new AssessmentException(e.getMessage(), e);
        }
    }

    /** True when an enabled check of the rubric reads line counts, which cost a content diff per changed file. */
    static boolean lineCountsNeeded(Rubric rubric) {
        return new CheckRunner(rubric).needsLineCounts();
    }

    /** The commit's time when there is one, else the build's output timestamp; never the clock. */
    private static String date(AssessmentRequest request, Sources sources) {
        if (sources.commitTime() > 0) {
            return Instant.ofEpochSecond(sources.commitTime()).toString();
        }
        String ts = request.outputTimestamp();
        if (ts != null && !ts.isBlank()) {
            try {
                return OffsetDateTime.parse(ts.trim()).toInstant().toString();
            } catch (DateTimeParseException e) {
                if (ts.trim().matches("\\d+")) {
                    return Instant.ofEpochSecond(Long.parseLong(ts.trim())).toString();
                }
            }
        }
        return null;
    }
}
