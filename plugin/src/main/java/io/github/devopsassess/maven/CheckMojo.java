package io.github.devopsassess.maven;

import io.github.devopsassess.check.BuiltInChecks;
import io.github.devopsassess.gate.Gatekeeper;
import io.github.devopsassess.gate.Waivers;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.report.AssessmentJson;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricException;
import io.github.devopsassess.rubric.RubricLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Gates on an existing {@code assessment.json} without scanning again (as {@code pmd:check} does after
 * {@code pmd:pmd}), so that analysis and gating can run in different CI steps.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractDevopsMojo {

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Path file = output.toPath().resolve("assessment.json");
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException("No assessment at " + file + ": run 'mvn devops:assess' first (or point"
                    + " devops.output at the folder holding assessment.json)");
        }
        Assessment assessment;
        try {
            assessment = AssessmentJson.read(file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Rubric rubric;
        try {
            RubricLoader loader = new RubricLoader(BuiltInChecks.byId().keySet(), getClass().getClassLoader());
            rubric = this.rubric == null ? loader.loadDefault() : loader.load(this.rubric.toPath());
        } catch (RubricException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Waivers.Loaded loadedWaivers = loadWaivers();
        gate(Gatekeeper.applyWaivers(assessment, loadedWaivers), readBaseline(), loadedWaivers,
                gateSettings(rubric));
    }
}
