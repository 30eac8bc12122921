package io.github.devopsassess.maven;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.engine.Version;
import io.github.devopsassess.gate.Baseline;
import io.github.devopsassess.gate.BaselineStore;
import io.github.devopsassess.gate.Gate;
import io.github.devopsassess.gate.GateResult;
import io.github.devopsassess.gate.GateSettings;
import io.github.devopsassess.gate.Regression;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.report.AssessmentJson;
import io.github.devopsassess.report.SharedAsciidoctor;
import io.github.devopsassess.report.SiteRenderer;
import io.github.devopsassess.report.Theme;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Assesses the repository, writes {@code assessment.json} and the report site, and fails the build when the result
 * regressed against the committed baseline.
 */
@Mojo(name = "assess", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class AssessMojo extends AbstractDevopsMojo {

    /** Fail the build when the assessment regressed against the baseline. */
    @Parameter(property = "devops.failOnRegression", defaultValue = "true")
    protected boolean failOnRegression;

    /** Score points the overall or an area score may drop before the build fails. */
    @Parameter(property = "devops.tolerance", defaultValue = "0")
    protected double tolerance;

    /** A finding that is not in the baseline fails the build at this severity or above: info … critical. */
    @Parameter(property = "devops.failOnSeverity", defaultValue = "high")
    protected String failOnSeverity;

    /** A folder with {@code devops.css}, {@code header.html} and {@code footer.html} replacing the default theme. */
    @Parameter(property = "devops.theme")
    protected File theme;

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Severity threshold = Severity.parse(failOnSeverity);
        if (threshold == null) {
            throw new MojoExecutionException("devops.failOnSeverity '" + failOnSeverity
                    + "' is not one of info, low, medium, high, critical");
        }
        SharedAsciidoctor.warmUp(); // starts JRuby while the repository is mined
        Assessor.Outcome outcome = assess();
        Assessment assessment = outcome.assessment();
        Path out = output.toPath();
        try {
            AssessmentJson.write(assessment, out.resolve("assessment.json"));
            Path site = out.resolve("site");
            List<String> broken = new SiteRenderer(Theme.load(theme == null ? null : theme.toPath()),
                    Assessor.TOOL + " " + Version.get()).render(assessment, outcome.rubric(), site);
            if (!broken.isEmpty()) {
                throw new MojoExecutionException("The report site failed verification (please report this):\n  "
                        + String.join("\n  ", broken));
            }
            getLog().info("DevOps assessment: " + (assessment.score() == null ? "not assessed"
                    : "score " + assessment.score() + "/100, level " + assessment.level()) + ", "
                    + assessment.findings().size() + " findings. Report: " + site.resolve("index.html").toUri());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the assessment to " + out + ": " + e.getMessage(), e);
        }
        gate(assessment, threshold);
    }

    private void gate(Assessment assessment, Severity threshold) throws MojoExecutionException,
            MojoFailureException {
        Optional<Baseline> accepted;
        try {
            accepted = BaselineStore.read(baseline.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (accepted.isEmpty()) {
            getLog().info("No baseline at " + baseline + "; nothing to compare with. Run 'mvn devops:baseline' to"
                    + " accept this result and commit " + baseline.getName() + " so later builds fail on regressions.");
            return;
        }
        GateResult result = new Gate(new GateSettings(tolerance, threshold)).compare(assessment, accepted.get());
        if (!result.fixed().isEmpty()) {
            getLog().info(result.fixed().size() + " baseline finding(s) fixed; run 'mvn devops:baseline' to lock"
                    + " the improvement in.");
        }
        if (result.passed()) {
            getLog().info("No regression against " + baseline.getName() + " (" + result.newFindings()
                    + " new finding(s) below " + threshold.id() + ").");
            return;
        }
        StringBuilder message = new StringBuilder("DevOps assessment regressed against ").append(baseline)
                .append(":\n");
        for (Regression r : result.regressions()) {
            message.append("  - ").append(r.message()).append('\n');
        }
        message.append("If this is intended, accept it with: mvn devops:baseline (and commit ")
                .append(baseline.getName()).append(").");
        if (failOnRegression) {
            throw new MojoFailureException(message.toString());
        }
        getLog().warn(message + " (not failing: devops.failOnRegression=false)");
    }
}
