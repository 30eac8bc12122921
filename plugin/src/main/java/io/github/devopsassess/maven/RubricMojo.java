package io.github.devopsassess.maven;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.output.AtomicFiles;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricException;
import io.github.devopsassess.rubric.RubricYaml;

import java.io.File;
import java.io.IOException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates a rubric and prints the effective rubric (after {@code extends} and the profile) as YAML, without
 * assessing anything. Every problem is listed with its file and line.
 *
 * <pre>
 * mvn devops:rubric -Ddevops.rubric=team-rubric.yaml [-Ddevops.profile=library] [-Ddevops.rubric.output=effective.yaml]
 * </pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "rubric", requiresProject = false, threadSafe = true)
public class RubricMojo extends AbstractDevopsMojo {

    /**
     * The rubric to validate: a file (relative to the project's folder), {@code default}, or {@code classpath:} and a
     * resource of a plugin dependency. Empty shows the default rubric.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.rubric")
    protected String rubric;

    /**
     * A profile of the rubric to apply before printing (e.g. {@code library}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.profile")
    protected String profile;

    /**
     * Also write the effective rubric to this file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.rubric.output")
    protected File rubricOutput;

    /**
     * Print the effective rubric to the log; {@code false} only validates.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.rubric.print", defaultValue = "true")
    protected boolean print;

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        Rubric effective;
        try {
            effective = RubricReference.of(rubric, baseDir()).load().forProfile(profile);
        } catch (RubricException e) {
            for (ParseProblem p : e.problems()) {
                getLog().error(p.label());
            }
            throw new MojoFailureException("The rubric has "
                    + Words.plural(e.problems().size(), "problem", "problems") + ":\n"
                    + e.getMessage().substring(e.getMessage().indexOf('\n') + 1));
        }
        String yaml = RubricYaml.write(effective);
        if (print) {
            yaml.lines().forEach(getLog()::info);
        }
        if (rubricOutput != null) {
            File file = resolve(rubricOutput, "effective-rubric.yaml");
            try {
                AtomicFiles.write(file.toPath(), yaml);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        getLog().info("Rubric " + effective.name() + " is valid: "
                + Words.plural(effective.areas().size(), "area", "areas") + ", "
                + Words.plural(effective.checks().size(), "check", "checks") + " ("
                + effective.checks().values().stream()
                        .filter(c -> c.isCustom()).count() + " custom), "
                + Words.plural(effective.levels().size(), "level", "levels")
                + (effective.ladderActive() ? " as a ladder" : "") + ".");
    }
}
