package io.github.devopsassess.maven;

import io.github.devopsassess.engine.AssessmentException;
import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.gate.Baseline;
import io.github.devopsassess.gate.BaselineStore;
import io.github.devopsassess.gate.GateResult;
import io.github.devopsassess.gate.GateSettings;
import io.github.devopsassess.gate.Gatekeeper;
import io.github.devopsassess.gate.Ratchet;
import io.github.devopsassess.gate.Regression;
import io.github.devopsassess.gate.Summary;
import io.github.devopsassess.gate.Waivers;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.history.HistoryOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Parameters shared by the goals, and the gate that {@code assess}, {@code check} and {@code aggregate} share.
 * {@link #execute()} is final so that no goal forgets {@code devops.skip}.
 */
public abstract class AbstractDevopsMojo extends AbstractMojo {

    /** Skips the goal entirely. */
    @Parameter(property = "devops.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * A clone or bare repository to assess instead of the current project. Files are read from a commit through
     * JGit; nothing is checked out or changed. Works without a {@code pom.xml}.
     */
    @Parameter(property = "devops.repository")
    protected File repository;

    /**
     * The commit, tag or branch to assess. By default the project's working tree is read, uncommitted changes
     * included (or HEAD of {@code devops.repository}).
     */
    @Parameter(property = "devops.ref")
    protected String ref;

    /** The team's own rubric (YAML), usually {@code extends: default} with changed thresholds or weights. */
    @Parameter(property = "devops.rubric")
    protected File rubric;

    /**
     * A profile of the rubric: a named subset of its checks for one kind of project. The default rubric has
     * {@code service} (everything), {@code library} (no on-call, incident or environment checks) and
     * {@code infrastructure}. Empty assesses with the whole rubric.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.profile")
    protected String profile;

    /** Where {@code assessment.json}, the site and the other outputs are written. */
    @Parameter(property = "devops.output", defaultValue = "${project.build.directory}/devops")
    protected File output;

    /** The committed baseline the build is compared with. */
    @Parameter(property = "devops.baseline", defaultValue = "${project.basedir}/devops-baseline.json")
    protected File baseline;

    /**
     * Show people's names in the report. By default people appear as stable pseudonyms: the report is about
     * practices, not about blaming individuals.
     */
    @Parameter(property = "devops.showNames", defaultValue = "false")
    protected boolean showNames;

    /**
     * Case-insensitive fragments of a name or e-mail that mark automated authors, which own nothing. Empty means
     * the defaults: {@code [bot]}, {@code dependabot}, {@code renovate}, {@code github-actions}.
     */
    @Parameter(property = "devops.bots")
    protected List<String> bots;

    /**
     * Mine lines added and removed per file: {@code auto} (only when an enabled check needs them), {@code true}
     * (always, slower) or {@code false} (never; such checks fall back to commit counts). File touches alone, read
     * from tree diffs, suffice for most history checks.
     */
    @Parameter(property = "devops.lineCounts", defaultValue = "auto")
    protected String lineCounts;

    /**
     * Folder of the per-commit history cache: the next run mines only commits that are not in it. A corrupt or
     * foreign cache file is detected and rebuilt.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.cache", defaultValue = "${project.build.directory}/devops/cache")
    protected File cache;

    /**
     * A YAML file, relative to the assessed folder, that maps each person to their other names and e-mails:
     * {@code alice@example.org: [alice@old.example.com, "Alice Smith"]}. Applied after {@code .mailmap}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.identities")
    protected String identities;

    /** Glob over tag names that mark releases, for deployment frequency and lead time. @since 0.1.0 */
    @Parameter(property = "devops.releaseTags", defaultValue = "v*")
    protected String releaseTags;

    /**
     * A Java regular expression that marks deploy commits, for teams that deploy from the main branch without tags:
     * a commit on the first-parent chain of the assessed commit whose subject line contains a match
     * (case-insensitive) is a deployment, for deployment frequency, lead time and change failure rate, together with
     * the release tags (a tagged marker commit counts once). Examples: {@code \[deploy\]},
     * {@code ^deploy: production}, {@code ^Release \d+\.\d+}. Empty (the default) uses release tags only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.deployMarkers")
    protected String deployMarkers;

    /** History mining workers; 0 chooses by the number of cores and the size of the history. @since 0.1.0 */
    @Parameter(property = "devops.historyThreads", defaultValue = "0")
    protected int historyThreads;

    /**
     * Globs of files that do not count as source for authorship, in addition to the defaults (documentation,
     * vendored, generated, binary and data files). @since 0.1.0
     */
    @Parameter(property = "devops.sourceExcludes")
    protected List<String> sourceExcludes;

    /** Files larger than this many bytes are skipped with a message instead of being read. */
    @Parameter(property = "devops.maxFileSize", defaultValue = "8388608")
    protected long maxFileSize;

    /**
     * Words that mark an environment or deploy job as production (matched against whole words of its name).
     * Empty means the defaults: {@code prod}, {@code production}, {@code live}, {@code prd}.
     */
    @Parameter(property = "devops.productionPatterns")
    protected List<String> productionPatterns;

    /** The date of the assessment when there is no commit to take it from; never the clock. */
    @Parameter(property = "devops.outputTimestamp", defaultValue = "${project.build.outputTimestamp}")
    protected String outputTimestamp;

    /**
     * Run in every module of a multi-module build. By default a module is skipped when a parent project in the same
     * build runs the goal too, so that a repository is mined once, at the top.
     */
    @Parameter(property = "devops.perModule", defaultValue = "false")
    protected boolean perModule;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the DevOps assessment (devops.skip=true)");
            return;
        }
        if (project == null || project.getBasedir() == null) {
            output = standalone(output, "target/devops");
            baseline = standalone(baseline, "devops-baseline.json");
            waivers = standalone(waivers, "devops-waivers.yaml");
            cache = cache != null && !cache.getPath().contains("${") && !cache.getPath().startsWith("null")
                    ? standalone(cache, "target/devops/cache") : new File(output, "cache");
        }
        if (!perModule && repository == null) {
            Optional<MavenProject> covering = Reactor.coveringAncestor(project, session, mojoExecution);
            if (covering.isPresent()) {
                getLog().info("Skipping: " + covering.get().getName() + " runs this goal for the whole repository"
                        + " (set devops.perModule=true to run it in every module)");
                return;
            }
        }
        executeGoal();
    }

    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /**
     * The project's folder, or the current folder when the goal runs without a pom ({@code requiresProject=false}):
     * Maven 3.8 then has no basedir, and defaults such as {@code ${project.basedir}/devops-baseline.json} did not
     * resolve.
     */
    protected File baseDir() {
        File dir = project == null ? null : project.getBasedir();
        if (dir != null) {
            return dir;
        }
        String root = session == null ? null : session.getExecutionRootDirectory();
        return new File(root == null ? "." : root).getAbsoluteFile();
    }

    /** A default path whose {@code ${project…}} expression did not resolve, re-rooted on {@link #baseDir()}. */
    protected File standalone(File configured, String relativeDefault) {
        if (configured != null && configured.isAbsolute() && !configured.getPath().contains("${")
                && !configured.getPath().startsWith("null")) {
            return configured;
        }
        if (configured != null && !configured.getPath().contains("${") && !configured.getPath().startsWith("null")) {
            return new File(baseDir(), configured.getPath());
        }
        return new File(baseDir(), relativeDefault);
    }

    protected Assessor.Outcome assess() throws MojoExecutionException {
        return assess(0);
    }

    /** @param trendPoints past points to re-assess for the trend page; 0 for none */
    protected Assessor.Outcome assess(int trendPoints) throws MojoExecutionException {
        String counts = lineCounts == null ? "auto" : lineCounts.trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("auto", "true", "false").contains(counts)) {
            throw new MojoExecutionException("devops.lineCounts '" + lineCounts + "' is not one of auto, true, false");
        }
        HistoryOptions history;
        try {
            history = new HistoryOptions("true".equals(counts) ? HistoryOptions.LineCounts.ALWAYS
                    : "false".equals(counts) ? HistoryOptions.LineCounts.NEVER : HistoryOptions.LineCounts.AUTO,
                    cache == null ? null : cache.toPath(), historyThreads, releaseTags, identities,
                    sourceExcludes == null ? List.of() : sourceExcludes, deployMarkers);
        } catch (IllegalArgumentException invalid) {
            // the message names the parameter and the fault; the regex parser's stack trace would not help
            throw new MojoExecutionException(invalid.getMessage());
        }
        ScanOptions options = new ScanOptions(bots == null || bots.isEmpty() ? ScanOptions.DEFAULT_BOTS : bots,
                showNames, !"false".equals(counts), maxFileSize, history).withProductionPatterns(productionPatterns);
        String name = repository != null ? repository.getAbsoluteFile().getName().replaceFirst("\\.git$", "")
                : project.getName() != null ? project.getName() : project.getArtifactId();
        AssessmentRequest request = new AssessmentRequest(baseDir().toPath(),
                repository == null ? null : repository.toPath(), ref, name,
                rubric == null ? null : rubric.toPath(), outputTimestamp, options,
                getLog()::info, getLog()::warn, profile);
        try {
            return new Assessor().assess(request, trendPoints);
        } catch (AssessmentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Fail the build when the assessment regressed against the baseline. */
    @Parameter(property = "devops.failOnRegression", defaultValue = "true")
    protected boolean failOnRegression;

    /** Score points the overall or an area score may drop before the build fails. */
    @Parameter(property = "devops.tolerance", defaultValue = "0")
    protected double tolerance;

    /** A finding that is not in the baseline fails the build at this severity or above: info … critical. */
    @Parameter(property = "devops.failOnSeverity", defaultValue = "high")
    protected String failOnSeverity;

    /** The overall score must reach this (0–100); none by default. */
    @Parameter(property = "devops.minimumScore")
    protected Integer minimumScore;

    /** The overall level must reach this level id (e.g. {@code managed}); none by default. */
    @Parameter(property = "devops.minimumLevel")
    protected String minimumLevel;

    /** After a passing build, drop fixed findings from the baseline and raise its scores, so they cannot return. */
    @Parameter(property = "devops.ratchet", defaultValue = "true")
    protected boolean ratchet;

    /** Fail when the baseline still accepts findings that no longer exist. */
    @Parameter(property = "devops.failOnUnusedBaseline", defaultValue = "false")
    protected boolean failOnUnusedBaseline;

    /** Accepted findings with reason, owner and expiry date. */
    @Parameter(property = "devops.waivers", defaultValue = "${project.basedir}/devops-waivers.yaml")
    protected File waivers;

    protected Severity threshold() throws MojoExecutionException {
        Severity s = Severity.parse(failOnSeverity);
        if (s == null) {
            throw new MojoExecutionException("devops.failOnSeverity '" + failOnSeverity
                    + "' is not one of info, low, medium, high, critical");
        }
        return s;
    }

    protected GateSettings gateSettings(Rubric rubric) throws MojoExecutionException {
        var levels = rubric.levels().stream().map(LevelDef::id).toList();
        if (minimumLevel != null && !levels.contains(minimumLevel)) {
            throw new MojoExecutionException("devops.minimumLevel '" + minimumLevel + "' is not a level of the rubric: "
                    + String.join(", ", levels));
        }
        return new GateSettings(tolerance, threshold(), minimumScore, minimumLevel, levels, failOnUnusedBaseline);
    }

    protected Waivers.Loaded loadWaivers() throws MojoExecutionException {
        try {
            Waivers.Loaded loaded = Gatekeeper.loadWaivers(waivers == null ? null : waivers.toPath());
            loaded.problems().forEach(p -> getLog().warn(p.label() + " (this waiver is ignored)"));
            return loaded;
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the waivers " + waivers + ": " + e.getMessage(), e);
        }
    }

    protected Optional<Baseline> readBaseline() throws MojoExecutionException {
        try {
            return BaselineStore.read(baseline.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Judges the assessment (waivers already applied), prints the summary and fails the build on regressions. */
    protected void gate(Assessment assessment, Optional<Baseline> accepted, Waivers.Loaded loadedWaivers,
            GateSettings settings) throws MojoExecutionException, MojoFailureException {
        GateResult result = Gatekeeper.judge(assessment, accepted, loadedWaivers, settings);
        Summary.console(assessment, Optional.of(result)).forEach(getLog()::info);
        stepSummary(Summary.markdown(assessment, Optional.of(result)));
        if (accepted.isEmpty()) {
            getLog().info("No baseline at " + baseline + "; nothing to compare with. Run 'mvn devops:baseline' to"
                    + " accept this result and commit " + baseline.getName() + " so later builds fail on regressions.");
        } else if (!result.fixed().isEmpty()) {
            getLog().info(result.fixed().size() + " baseline finding(s) fixed.");
        }
        if (result.passed()) {
            if (accepted.isPresent()) {
                getLog().info("No regression against " + baseline.getName() + " (" + result.newFindings()
                        + " new finding(s) below " + settings.failOnSeverity().id() + " or waived).");
                tighten(accepted.get(), assessment);
            }
            return;
        }
        StringBuilder message = new StringBuilder("DevOps assessment regressed")
                .append(accepted.isPresent() ? " against " + baseline : "").append(":\n");
        for (Regression r : result.regressions()) {
            message.append("  - ").append(r.message()).append('\n');
        }
        message.append("If this is intended, accept it with: mvn devops:baseline (and commit ")
                .append(baseline.getName()).append("), or waive single findings in ")
                .append(waivers == null ? "devops-waivers.yaml" : waivers.getName()).append('.');
        if (failOnRegression) {
            throw new MojoFailureException(message.toString());
        }
        getLog().warn(message + " (not failing: devops.failOnRegression=false)");
    }

    private void tighten(Baseline accepted, Assessment assessment) throws MojoExecutionException {
        if (!ratchet) {
            return;
        }
        Baseline tighter = Ratchet.tighten(accepted, assessment);
        if (tighter.equals(accepted)) {
            return;
        }
        try {
            if (BaselineStore.write(tighter, baseline.toPath())) {
                getLog().info("Ratchet: tightened " + baseline.getName() + " (" + (accepted.findings().size()
                        - tighter.findings().size()) + " fixed finding(s) removed, scores raised where they improved);"
                        + " commit it to lock the improvement in (devops.ratchet=false to turn off).");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot tighten the baseline " + baseline + ": " + e.getMessage(), e);
        }
    }

    /** GitHub Actions shows this Markdown on the run's summary page. */
    private void stepSummary(String markdown) {
        String file = System.getenv("GITHUB_STEP_SUMMARY");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            getLog().warn("Cannot write the GitHub step summary " + file + ": " + e.getMessage());
        }
    }
}
