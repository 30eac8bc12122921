package io.github.devopsassess.maven;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.engine.Version;
import io.github.devopsassess.gate.Baseline;
import io.github.devopsassess.gate.BaselineDiff;
import io.github.devopsassess.gate.GateSettings;
import io.github.devopsassess.gate.Gatekeeper;
import io.github.devopsassess.gate.JunitWriter;
import io.github.devopsassess.gate.SarifWriter;
import io.github.devopsassess.gate.Waivers;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.output.OutputLock;
import io.github.devopsassess.report.AssessmentJson;
import io.github.devopsassess.report.SharedAsciidoctor;
import io.github.devopsassess.report.SiteInput;
import io.github.devopsassess.report.SiteRenderer;
import io.github.devopsassess.report.Theme;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Assesses the repository, writes the outputs chosen by {@code devops.formats} ({@code assessment.json},
 * {@code devops.sarif}, {@code devops-junit.xml}, {@code summary.md} and the report site) and fails the build when
 * the result regressed against the committed baseline. It changes no tracked file unless {@code devops.ratchet} is
 * on. The gate parameters are those of {@code devops:check}.
 *
 * @since 0.1.0
 */
@Mojo(name = "assess", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class AssessMojo extends AbstractScanningMojo {

    /**
     * The outputs to write, comma-separated: {@code site}, {@code json}, {@code sarif}, {@code junit},
     * {@code summary}, or {@code all}. A gating run in CI that needs no report can leave out {@code site}, which is
     * about half of an assessment's time. {@code devops:check} and {@code devops:report} need {@code json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.formats", defaultValue = "all")
    protected List<String> formats;

    /**
     * A folder with {@code devops.css}, {@code header.html} and {@code footer.html} replacing the default theme.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.theme")
    protected File theme;

    /**
     * How many past points the trend page shows: the repository is re-assessed as it was at each of the last this
     * many month-ends (spread over the history instead when it is younger). {@code 0} switches the trend off; so
     * does leaving {@code site} out of {@code devops.formats}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.trendPoints", defaultValue = "12")
    protected int trendPoints;

    /**
     * A folder of earlier {@code assessment.json} files (for example downloaded CI artifacts, any file name ending in
     * {@code .json}); when it exists their scores are added to the trend page.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.previousAssessments", defaultValue = "${project.basedir}/devops-history")
    protected File previousAssessments;

    /**
     * The committed baseline the build is compared with.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.baseline", defaultValue = "${project.basedir}/devops-baseline.json")
    protected File baseline;

    /**
     * Accepted findings with reason, owner and expiry date.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.waivers", defaultValue = "${project.basedir}/devops-waivers.yaml")
    protected File waivers;

    /**
     * Fail the build when the assessment regressed against the baseline; {@code false} only warns.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.failOnRegression", defaultValue = "true")
    protected boolean failOnRegression;

    /**
     * Score points the overall or an area score may drop before the build fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.tolerance", defaultValue = "0")
    protected double tolerance;

    /**
     * A finding that is not in the baseline fails the build at this severity or above: {@code info}, {@code low},
     * {@code medium}, {@code high} or {@code critical}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.failOnSeverity", defaultValue = "high")
    protected String failOnSeverity;

    /**
     * The overall score must reach this (0–100); none by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.minimumScore")
    protected Integer minimumScore;

    /**
     * The overall level must reach this level id (e.g. {@code managed}); none by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.minimumLevel")
    protected String minimumLevel;

    /**
     * Fail when the baseline still accepts findings that no longer exist.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.failOnUnusedBaseline", defaultValue = "false")
    protected boolean failOnUnusedBaseline;

    /**
     * After a passing build, tighten the committed baseline: drop fixed findings and raise improved scores, so they
     * cannot return. Off by default, so that a build never changes a tracked file unless asked; the log says when the
     * baseline could be tightened.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.ratchet", defaultValue = "false")
    protected boolean ratchet;

    @Override
    protected void executeScan() throws MojoExecutionException, MojoFailureException {
        Set<OutputFormat> chosen = OutputFormat.parse(formats);
        GateParameters gate = new GateParameters(resolve(baseline, "devops-baseline.json"),
                resolve(waivers, "devops-waivers.yaml"), failOnRegression, tolerance, failOnSeverity, minimumScore,
                minimumLevel, failOnUnusedBaseline, ratchet);
        gate.threshold(); // a wrong value fails before minutes of mining
        if (trendPoints < 0) {
            throw new MojoExecutionException("devops.trendPoints must be 0 (no trend) or more, not " + trendPoints);
        }
        boolean site = chosen.contains(OutputFormat.SITE);
        if (site) {
            SharedAsciidoctor.warmUp(); // starts JRuby while the repository is mined
        }
        Assessor.Outcome outcome = assess(site ? trendPoints : 0);
        GateSettings settings = gate.settings(outcome.rubric());
        Waivers.Loaded loadedWaivers = gate.loadWaivers(getLog());
        Assessment assessment = Gatekeeper.applyWaivers(outcome.assessment(), loadedWaivers);
        Optional<Baseline> accepted = gate.readBaseline();
        Path out = output.toPath();
        try (OutputLock lock = OutputLock.acquire(out)) {
            if (chosen.contains(OutputFormat.JSON)) {
                AssessmentJson.write(assessment, out.resolve("assessment.json"));
            }
            if (chosen.contains(OutputFormat.SARIF)) {
                SarifWriter.write(assessment, outcome.rubric(), Version.get(), buildFile(),
                        out.resolve("devops.sarif"));
            }
            if (chosen.contains(OutputFormat.JUNIT)) {
                JunitWriter.write(assessment, accepted, settings, out.resolve("devops-junit.xml"));
            }
            if (site) {
                renderSite(outcome, assessment, accepted, out.resolve("site"));
            } else {
                getLog().info("Time: " + outcome.times().describe(0) + " (no site: devops.formats="
                        + String.join(",", formats) + ")");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the assessment to " + out + ": " + e.getMessage(), e);
        }
        boolean summary = chosen.contains(OutputFormat.SUMMARY);
        gate.gate(assessment, accepted, loadedWaivers, settings, summary, summary ? out.resolve("summary.md") : null,
                getLog());
    }

    private void renderSite(Assessor.Outcome outcome, Assessment assessment, Optional<Baseline> accepted, Path site)
            throws IOException, MojoExecutionException {
        List<TrendPoint> trend = new ArrayList<>(outcome.trend());
        trend.addAll(previousPoints());
        SiteInput input = SiteInput.of(assessment, outcome.rubric()).withFacts(outcome.facts())
                .withExcerpts(outcome.excerpts()).withTrend(trend)
                .withChanges(accepted.map(b -> BaselineDiff.of(assessment, b)).orElse(null));
        long rendering = System.nanoTime();
        List<String> broken = new SiteRenderer(Theme.load(theme == null ? null : resolve(theme, "").toPath()),
                Assessor.TOOL + " " + Version.get()).render(input, site);
        getLog().info("Time: " + outcome.times().describe((System.nanoTime() - rendering) / 1e9));
        if (!broken.isEmpty()) {
            throw new MojoExecutionException("The report site failed verification (please report this):\n  "
                    + String.join("\n  ", broken));
        }
        getLog().info("Report: " + site.resolve("index.html").toUri());
    }

    /** The project's own build file, for SARIF results about something missing; none for another repository. */
    private String buildFile() {
        File pom = project == null ? null : project.getFile();
        return repository == null && pom != null && pom.isFile() && baseDir().equals(pom.getParentFile())
                ? pom.getName() : null;
    }

    /** Scores of earlier runs; a file that is not an assessment is skipped with a warning. */
    private List<TrendPoint> previousPoints() {
        List<TrendPoint> points = new ArrayList<>();
        File previous = resolve(previousAssessments, "devops-history");
        File[] files = previous.isDirectory() ? previous.listFiles((dir, n) -> n.endsWith(".json")) : null;
        if (files == null) {
            return points;
        }
        Arrays.sort(files);
        for (File f : files) {
            try {
                points.add(TrendPoint.of(AssessmentJson.read(f.toPath()), TrendPoint.PREVIOUS));
            } catch (IOException | RuntimeException e) {
                getLog().warn("Skipping " + f + " for the trend: not a readable assessment.json (" + e.getMessage()
                        + ")");
            }
        }
        return points;
    }
}
