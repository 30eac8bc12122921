package io.github.devopsassess.maven;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.engine.Version;
import io.github.devopsassess.gate.GateSettings;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.portfolio.Portfolio;
import io.github.devopsassess.portfolio.PortfolioBuilder;
import io.github.devopsassess.portfolio.PortfolioGate;
import io.github.devopsassess.portfolio.PortfolioJson;
import io.github.devopsassess.portfolio.PortfolioSummary;
import io.github.devopsassess.report.PortfolioView;
import io.github.devopsassess.report.SharedAsciidoctor;
import io.github.devopsassess.report.SiteRenderer;
import io.github.devopsassess.report.Theme;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges many {@code assessment.json} files (for example the downloaded artifacts of a CI matrix, one job per
 * repository) into {@code portfolio.json} and a portfolio page, and applies the score rules of the gate (minimum
 * score and level, tolerance) to every repository.
 *
 * @since 0.1.0
 */
@Mojo(name = "aggregate", requiresProject = false, aggregator = true, threadSafe = true)
public class AggregateMojo extends AbstractDevopsMojo {

    /**
     * The folder holding the assessments (searched recursively).
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.assessments", defaultValue = "${project.basedir}")
    protected File assessments;

    /**
     * Which files under {@code devops.assessments} are assessments, as a glob over their relative path.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.assessmentGlob", defaultValue = "**/assessment.json")
    protected String assessmentGlob;

    /**
     * Where {@code portfolio.json} and {@code site/portfolio.html} are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.output", defaultValue = "${project.build.directory}/devops")
    protected File output;

    /**
     * The rubric the assessments were scored with, for area titles and levels: a file (relative to the project's
     * folder), {@code default}, or {@code classpath:} and a resource of a plugin dependency.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.rubric")
    protected String rubric;

    /**
     * Fail the build when a repository is below the minimums or dropped beyond the tolerance; {@code false} only
     * warns.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.failOnRegression", defaultValue = "true")
    protected boolean failOnRegression;

    /**
     * Score points a repository's score may drop since its previous run before the portfolio gate fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.tolerance", defaultValue = "0")
    protected double tolerance;

    /**
     * Every repository's score must reach this (0–100); none by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.minimumScore")
    protected Integer minimumScore;

    /**
     * Every repository's level must reach this level id (e.g. {@code managed}); none by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.minimumLevel")
    protected String minimumLevel;

    /**
     * The previous {@code portfolio.json} to compare with: the page and the log then say which repositories went down
     * or up a level and which are new or no longer there. By default the {@code portfolio.json} already at
     * {@code devops.output} (the previous run's) is read before it is replaced; a CI job that starts clean gives the
     * previous run's artifact here. A file that cannot be read is a warning naming it, and the portfolio is written
     * without the comparison.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.previousPortfolio")
    protected File previousPortfolio;

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        File folder = resolve(assessments, ".");
        if (!folder.isDirectory()) {
            throw new MojoExecutionException("devops.assessments " + folder + " is not a folder");
        }
        Rubric effective = RubricReference.of(rubric, baseDir()).loadOrFail();
        List<String> levels = effective.levels().stream().map(LevelDef::id).toList();
        if (minimumLevel != null && !levels.contains(minimumLevel)) {
            throw new MojoExecutionException("devops.minimumLevel '" + minimumLevel + "' is not a level of the rubric: "
                    + String.join(", ", levels));
        }
        SharedAsciidoctor.warmUp();
        Path out = resolve(output, "target/devops").toPath();
        Portfolio portfolio;
        try {
            portfolio = PortfolioBuilder.build(folder.toPath(), assessmentGlob, previous(out), levels);
            portfolio.skipped().forEach(s -> getLog().warn("Skipped " + s));
            if (portfolio.repositories().isEmpty()) {
                throw new MojoExecutionException("No assessment matching " + assessmentGlob + " under " + folder);
            }
            Files.createDirectories(out);
            PortfolioJson.write(portfolio, out.resolve("portfolio.json"));
            Path site = out.resolve("site");
            PortfolioView view = PortfolioBuilder.view(portfolio, effective, folder.toPath(), site);
            List<String> broken = new SiteRenderer(Theme.load(null), Assessor.TOOL + " " + Version.get())
                    .renderPortfolio(view, effective, "DevOps portfolio", site);
            if (!broken.isEmpty()) {
                throw new MojoExecutionException("The portfolio page failed verification (please report this):\n  "
                        + String.join("\n  ", broken));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot aggregate " + folder + ": " + e.getMessage(), e);
        }
        // a summary whatever the number of repositories; the page has every row
        PortfolioSummary.lines(portfolio, effective, out.resolve("site/portfolio.html").toUri().toString())
                .forEach(getLog()::info);
        // the portfolio gate reads only the score rules; new findings are each repository's own gate
        GateSettings settings = new GateSettings(tolerance, Severity.CRITICAL, minimumScore, minimumLevel, levels,
                false);
        List<String> regressions = PortfolioGate.regressions(portfolio, settings);
        if (!regressions.isEmpty()) {
            String message = "Portfolio gate failed:\n  - " + String.join("\n  - ", regressions);
            if (failOnRegression) {
                throw new MojoFailureException(message);
            }
            getLog().warn(message + " (not failing: devops.failOnRegression=false)");
        }
    }

    /** The previous portfolio: the one named, else the one at the output location; {@code null} when none. */
    private Portfolio previous(Path out) {
        Path file = previousPortfolio != null ? resolve(previousPortfolio, "portfolio.json").toPath()
                : out.resolve("portfolio.json");
        if (!Files.isRegularFile(file)) {
            if (previousPortfolio != null) {
                getLog().warn("devops.previousPortfolio " + file + " does not exist: the portfolio is written "
                        + "without the changes since the previous one");
            }
            return null;
        }
        try {
            return PortfolioJson.read(file);
        } catch (IOException e) {
            getLog().warn("Cannot read the previous portfolio " + e.getMessage() + ": the portfolio is written "
                    + "without the changes since it");
            return null;
        }
    }
}
