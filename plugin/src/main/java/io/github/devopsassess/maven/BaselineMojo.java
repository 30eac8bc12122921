package io.github.devopsassess.maven;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.gate.Baseline;
import io.github.devopsassess.gate.BaselineStore;

import java.io.IOException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/** Assesses the repository and accepts the result as the new baseline ({@code devops-baseline.json}). */
@Mojo(name = "baseline", requiresProject = false, threadSafe = true)
public class BaselineMojo extends AbstractDevopsMojo {

    @Override
    protected void executeGoal() throws MojoExecutionException {
        Assessor.Outcome outcome = assess();
        Baseline accepted = Baseline.of(outcome.assessment());
        try {
            boolean written = BaselineStore.write(accepted, baseline.toPath());
            getLog().info((written ? "Wrote " : "Unchanged: ") + baseline + " (score " + accepted.score() + ", "
                    + accepted.findings().size() + " accepted findings). Commit it so builds compare against it.");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the baseline " + baseline + ": " + e.getMessage(), e);
        }
    }
}
