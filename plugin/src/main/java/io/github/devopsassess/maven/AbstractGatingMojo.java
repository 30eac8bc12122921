package io.github.devopsassess.maven;

import java.io.File;
import java.util.Optional;

import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The base of the goals that gate on a saved assessment without scanning again, as maven-pmd-plugin's
 * {@code AbstractPmdViolationCheckMojo}: where the assessment is, the baseline, the waivers and when a build fails.
 * {@code assess} declares the same gate parameters, because it scans and gates in one run.
 */
public abstract class AbstractGatingMojo extends AbstractDevopsMojo {

    /**
     * The folder holding {@code assessment.json}, as {@code devops:assess} wrote it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.output", defaultValue = "${project.build.directory}/devops")
    protected File output;

    /**
     * The rubric the assessment was scored with: a file (relative to the project's folder), {@code default}, or
     * {@code classpath:} and a resource of a plugin dependency. Empty uses the default rubric.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.rubric")
    protected String rubric;

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

    /**
     * Run in every module of a multi-module build. By default a module is skipped when a parent project in the same
     * build runs the goal too, so that a repository is assessed and gated once, at the top.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.perModule", defaultValue = "false")
    protected boolean perModule;

    /** This goal's execution, to find whether a parent project in the build runs it too. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Override
    protected final void executeMojo() throws MojoExecutionException, MojoFailureException {
        output = resolve(output, "target/devops");
        if (!perModule) {
            Optional<MavenProject> covering = Reactor.coveringAncestor(project, session, mojoExecution);
            if (covering.isPresent()) {
                getLog().info("Skipping: " + covering.get().getName() + " runs this goal for the whole repository"
                        + " (set devops.perModule=true to run it in every module)");
                return;
            }
        }
        executeGate();
    }

    /** The goal's work after the module check. */
    protected abstract void executeGate() throws MojoExecutionException, MojoFailureException;

    protected RubricReference rubricReference() {
        return RubricReference.of(rubric, baseDir());
    }

    protected GateParameters gateParameters() {
        return new GateParameters(resolve(baseline, "devops-baseline.json"), resolve(waivers, "devops-waivers.yaml"),
                failOnRegression, tolerance, failOnSeverity, minimumScore, minimumLevel, failOnUnusedBaseline, ratchet);
    }
}
