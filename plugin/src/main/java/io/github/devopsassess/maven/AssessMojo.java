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
import java.util.List;
import java.util.Optional;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Assesses the repository, writes {@code assessment.json}, {@code devops.sarif}, {@code devops-junit.xml} and the
 * report site, and fails the build when the result regressed against the committed baseline.
 */
@Mojo(name = "assess", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class AssessMojo extends AbstractDevopsMojo {

    /** A folder with {@code devops.css}, {@code header.html} and {@code footer.html} replacing the default theme. */
    @Parameter(property = "devops.theme")
    protected File theme;

    /**
     * How many past points the trend page shows: the repository is re-assessed as it was at each of the last this
     * many month-ends (spread over the history instead when it is younger). {@code 0} switches the trend off.
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

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        threshold(); // a wrong value fails before minutes of mining
        if (trendPoints < 0) {
            throw new MojoExecutionException("devops.trendPoints must be 0 (no trend) or more, not " + trendPoints);
        }
        SharedAsciidoctor.warmUp(); // starts JRuby while the repository is mined
        Assessor.Outcome outcome = assess(trendPoints);
        GateSettings settings = gateSettings(outcome.rubric());
        Waivers.Loaded loadedWaivers = loadWaivers();
        Assessment assessment = Gatekeeper.applyWaivers(outcome.assessment(), loadedWaivers);
        Optional<Baseline> accepted = readBaseline();
        Path out = output.toPath();
        try (OutputLock lock = OutputLock.acquire(out)) {
            AssessmentJson.write(assessment, out.resolve("assessment.json"));
            SarifWriter.write(assessment, outcome.rubric(), Version.get(), out.resolve("devops.sarif"));
            JunitWriter.write(assessment, accepted, settings, out.resolve("devops-junit.xml"));
            Path site = out.resolve("site");
            List<TrendPoint> trend = new ArrayList<>(outcome.trend());
            trend.addAll(previousPoints());
            SiteInput input = SiteInput.of(assessment, outcome.rubric()).withFacts(outcome.facts())
                    .withExcerpts(outcome.excerpts()).withTrend(trend)
                    .withChanges(accepted.map(b -> BaselineDiff.of(assessment, b)).orElse(null));
            long rendering = System.nanoTime();
            List<String> broken = new SiteRenderer(Theme.load(theme == null ? null : theme.toPath()),
                    Assessor.TOOL + " " + Version.get()).render(input, site);
            getLog().info("Time: " + outcome.times().describe((System.nanoTime() - rendering) / 1e9));
            if (!broken.isEmpty()) {
                throw new MojoExecutionException("The report site failed verification (please report this):\n  "
                        + String.join("\n  ", broken));
            }
            getLog().info("Report: " + site.resolve("index.html").toUri());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the assessment to " + out + ": " + e.getMessage(), e);
        }
        gate(assessment, accepted, loadedWaivers, settings);
    }

    /** Scores of earlier runs; a file that is not an assessment is skipped with a warning. */
    private List<TrendPoint> previousPoints() {
        List<TrendPoint> points = new ArrayList<>();
        File previous = standalone(previousAssessments, "devops-history");
        if (!previous.isDirectory()) {
            return points;
        }
        File[] files = previous.listFiles((dir, n) -> n.endsWith(".json"));
        if (files == null) {
            return points;
        }
        java.util.Arrays.sort(files);
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
