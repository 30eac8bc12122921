package io.github.devopsassess.maven;

import io.github.devopsassess.gate.Gatekeeper;
import io.github.devopsassess.gate.Waivers;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.report.AssessmentJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Gates on an existing {@code assessment.json} without scanning again (as {@code pmd:check} does after
 * {@code pmd:pmd}), so that analysis and gating can run in different CI steps. It writes no file unless
 * {@code devops.ratchet} is on.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractGatingMojo {

    @Override
    protected void executeGate() throws MojoExecutionException, MojoFailureException {
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
        GateParameters gate = gateParameters();
        var settings = gate.settings(rubricReference().loadOrFail());
        Waivers.Loaded loadedWaivers = gate.loadWaivers(getLog());
        gate.gate(Gatekeeper.applyWaivers(assessment, loadedWaivers), gate.readBaseline(), loadedWaivers, settings,
                true, null, getLog());
    }
}
