package io.github.devopsassess.maven;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.engine.Version;
import io.github.devopsassess.gate.Baseline;
import io.github.devopsassess.gate.GateSettings;
import io.github.devopsassess.gate.Gatekeeper;
import io.github.devopsassess.gate.JunitWriter;
import io.github.devopsassess.gate.SarifWriter;
import io.github.devopsassess.gate.Waivers;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.output.OutputLock;
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
 * Assesses the repository, writes {@code assessment.json}, {@code devops.sarif}, {@code devops-junit.xml} and the
 * report site, and fails the build when the result regressed against the committed baseline.
 */
@Mojo(name = "assess", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class AssessMojo extends AbstractDevopsMojo {

    /** A folder with {@code devops.css}, {@code header.html} and {@code footer.html} replacing the default theme. */
    @Parameter(property = "devops.theme")
    protected File theme;

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        threshold(); // a wrong value fails before minutes of mining
        SharedAsciidoctor.warmUp(); // starts JRuby while the repository is mined
        Assessor.Outcome outcome = assess();
        GateSettings settings = gateSettings(outcome.rubric());
        Waivers.Loaded loadedWaivers = loadWaivers();
        Assessment assessment = Gatekeeper.applyWaivers(outcome.assessment(), loadedWaivers);
        Optional<Baseline> accepted = readBaseline();
        Path out = output.toPath();
        String tool = Assessor.TOOL + " " + Version.get();
        try (OutputLock lock = OutputLock.acquire(out)) {
            AssessmentJson.write(assessment, out.resolve("assessment.json"));
            SarifWriter.write(assessment, outcome.rubric(), Version.get(), out.resolve("devops.sarif"));
            JunitWriter.write(assessment, accepted, settings, out.resolve("devops-junit.xml"));
            Path site = out.resolve("site");
            List<String> broken = new SiteRenderer(Theme.load(theme == null ? null : theme.toPath()), tool)
                    .render(assessment, outcome.rubric(), site);
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
}
