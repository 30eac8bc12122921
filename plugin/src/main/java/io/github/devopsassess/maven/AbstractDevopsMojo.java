package io.github.devopsassess.maven;

import java.io.File;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The base of every goal, as JaCoCo's {@code AbstractJacocoMojo}: {@code devops.skip}, the project and the session.
 * {@link #execute()} is final so that no goal forgets {@code devops.skip}. Goals that assess extend
 * {@link AbstractScanningMojo}; goals that gate on a saved assessment extend {@link AbstractGatingMojo}.
 */
public abstract class AbstractDevopsMojo extends AbstractMojo {

    /**
     * Skips the goal entirely.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.skip", defaultValue = "false")
    protected boolean skip;

    /** The project; a stub without folder when a goal runs without a pom. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The build session. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + getClass().getSimpleName().replace("Mojo", "").toLowerCase(java.util.Locale.ROOT)
                    + " (devops.skip=true)");
            return;
        }
        executeMojo();
    }

    /** The goal's work, when it is not skipped. */
    protected abstract void executeMojo() throws MojoExecutionException, MojoFailureException;

    /**
     * The project's folder, or the current folder when the goal runs without a pom ({@code requiresProject=false}):
     * Maven 3.8 then has no basedir, and defaults such as {@code ${project.basedir}/devops-baseline.json} did not
     * resolve.
     */
    protected File baseDir() {
        File dir = project == null ? null : project.getBasedir();
        if (dir != null) {
            return dir;
        }
        String root = session == null ? null : session.getExecutionRootDirectory();
        return new File(root == null ? "." : root).getAbsoluteFile();
    }

    /**
     * A configured path, made absolute against {@link #baseDir()}; a default whose {@code ${project…}} expression
     * did not resolve (no pom) becomes {@code relativeDefault} under {@link #baseDir()}.
     */
    protected File resolve(File configured, String relativeDefault) {
        boolean unresolved = configured == null || configured.getPath().contains("${")
                || configured.getPath().startsWith("null");
        if (unresolved) {
            return new File(baseDir(), relativeDefault);
        }
        return configured.isAbsolute() ? configured : new File(baseDir(), configured.getPath());
    }
}
