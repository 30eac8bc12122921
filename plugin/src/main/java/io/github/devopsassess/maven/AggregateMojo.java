package io.github.devopsassess.maven;

import io.github.devopsassess.check.BuiltInChecks;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.engine.Version;
import io.github.devopsassess.portfolio.Portfolio;
import io.github.devopsassess.portfolio.PortfolioBuilder;
import io.github.devopsassess.portfolio.PortfolioGate;
import io.github.devopsassess.portfolio.PortfolioJson;
import io.github.devopsassess.report.PortfolioEntry;
import io.github.devopsassess.report.SharedAsciidoctor;
import io.github.devopsassess.report.SiteRenderer;
import io.github.devopsassess.report.Theme;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricException;
import io.github.devopsassess.rubric.RubricLoader;

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
 * repository) into {@code portfolio.json} and a portfolio page, and applies the score rules of the gate to every
 * repository.
 */
@Mojo(name = "aggregate", requiresProject = false, aggregator = true, threadSafe = true)
public class AggregateMojo extends AbstractDevopsMojo {

    /** The folder holding the assessments (searched recursively). */
    @Parameter(property = "devops.assessments", defaultValue = "${project.basedir}")
    protected File assessments;

    /** Which files under {@code devops.assessments} are assessments, as a glob over their relative path. */
    @Parameter(property = "devops.assessmentGlob", defaultValue = "**/assessment.json")
    protected String assessmentGlob;

    private Rubric rubric() throws MojoExecutionException {
        try {
            RubricLoader loader = new RubricLoader(BuiltInChecks.byId().keySet(), getClass().getClassLoader());
            return rubric == null ? loader.loadDefault() : loader.load(rubric.toPath());
        } catch (RubricException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        assessments = standalone(assessments, ".");
        if (!assessments.isDirectory()) {
            throw new MojoExecutionException("devops.assessments " + assessments + " is not a folder");
        }
        SharedAsciidoctor.warmUp();
        Path out = output.toPath();
        Portfolio portfolio;
        try {
            portfolio = PortfolioBuilder.build(assessments.toPath(), assessmentGlob);
            portfolio.skipped().forEach(s -> getLog().warn("Skipped " + s));
            if (portfolio.repositories().isEmpty()) {
                throw new MojoExecutionException("No assessment matching " + assessmentGlob + " under " + assessments);
            }
            Files.createDirectories(out);
            PortfolioJson.write(portfolio, out.resolve("portfolio.json"));
            Rubric rubric = rubric();
            List<PortfolioEntry> entries = PortfolioBuilder.entries(portfolio, rubric);
            List<String> broken = new SiteRenderer(Theme.load(null), Assessor.TOOL + " " + Version.get())
                    .renderPortfolio(entries, rubric, "DevOps portfolio", out.resolve("site"));
            if (!broken.isEmpty()) {
                throw new MojoExecutionException("The portfolio page failed verification (please report this):\n  "
                        + String.join("\n  ", broken));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot aggregate " + assessments + ": " + e.getMessage(), e);
        }
        getLog().info("Portfolio of " + portfolio.repositories().size() + " repositories" + (portfolio.score() == null
                ? "" : ", mean score " + portfolio.score()) + ": " + out.resolve("site/portfolio.html").toUri());
        portfolio.repositories().forEach(r -> getLog().info(String.format("  %-30s %s", r.name(),
                r.score() == null ? "not assessed" : r.score() + " (" + r.level() + ", " + r.trend() + ")")));
        List<String> regressions = PortfolioGate.regressions(portfolio, gateSettings(rubric()));
        if (!regressions.isEmpty()) {
            String message = "Portfolio gate failed:\n  - " + String.join("\n  - ", regressions);
            if (failOnRegression) {
                throw new MojoFailureException(message);
            }
            getLog().warn(message + " (not failing: devops.failOnRegression=false)");
        }
    }
}
