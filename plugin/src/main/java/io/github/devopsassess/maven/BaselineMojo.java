package io.github.devopsassess.maven;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.gate.Baseline;
import io.github.devopsassess.gate.BaselineStore;

import java.io.File;
import java.io.IOException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Assesses the repository and accepts the result as the new baseline ({@code devops-baseline.json}): the one goal
 * that writes the committed baseline without being asked to by a property. The file is written only when its content
 * changes, and the previous one is kept as {@code .bak}.
 *
 * @since 0.1.0
 */
@Mojo(name = "baseline", requiresProject = false, threadSafe = true)
public class BaselineMojo extends AbstractScanningMojo {

    /**
     * The baseline file to write; commit it so builds compare against it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.baseline", defaultValue = "${project.basedir}/devops-baseline.json")
    protected File baseline;

    @Override
    protected void executeScan() throws MojoExecutionException {
        File file = resolve(baseline, "devops-baseline.json");
        Assessor.Outcome outcome = assess(0);
        Baseline accepted = Baseline.of(outcome.assessment());
        try {
            boolean written = BaselineStore.write(accepted, file.toPath());
            getLog().info((written ? "Wrote " : "Unchanged: ") + file + " (score " + accepted.score() + ", "
                    + accepted.findings().size() + " accepted findings). Commit it so builds compare against it.");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the baseline " + file + ": " + e.getMessage(), e);
        }
    }
}
