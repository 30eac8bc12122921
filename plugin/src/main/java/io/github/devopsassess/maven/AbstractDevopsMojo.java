package io.github.devopsassess.maven;

import io.github.devopsassess.engine.AssessmentException;
import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.scan.ScanOptions;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Parameters shared by the goals. {@link #execute()} is final so that no goal forgets {@code devops.skip}.
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

    /** Mine lines added and removed per file (slower); file touches alone suffice for authorship checks. */
    @Parameter(property = "devops.lineCounts", defaultValue = "true")
    protected boolean lineCounts;

    /** Files larger than this many bytes are skipped with a message instead of being read. */
    @Parameter(property = "devops.maxFileSize", defaultValue = "8388608")
    protected long maxFileSize;

    /** The date of the assessment when there is no commit to take it from; never the clock. */
    @Parameter(property = "devops.outputTimestamp", defaultValue = "${project.build.outputTimestamp}")
    protected String outputTimestamp;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the DevOps assessment (devops.skip=true)");
            return;
        }
        executeGoal();
    }

    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    protected Assessor.Outcome assess() throws MojoExecutionException {
        return assess(0);
    }

    /** @param trendPoints past points to re-assess for the trend page; 0 for none */
    protected Assessor.Outcome assess(int trendPoints) throws MojoExecutionException {
        ScanOptions options = new ScanOptions(bots == null || bots.isEmpty() ? ScanOptions.DEFAULT_BOTS : bots,
                showNames, lineCounts, maxFileSize);
        String name = repository != null ? repository.getAbsoluteFile().getName().replaceFirst("\\.git$", "")
                : project.getName() != null ? project.getName() : project.getArtifactId();
        AssessmentRequest request = new AssessmentRequest(project.getBasedir().toPath(),
                repository == null ? null : repository.toPath(), ref, name,
                rubric == null ? null : rubric.toPath(), outputTimestamp, options,
                getLog()::info, getLog()::warn);
        try {
            return new Assessor().assess(request, trendPoints);
        } catch (AssessmentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
