package io.github.devopsassess.maven;

import io.github.devopsassess.gate.Baseline;
import io.github.devopsassess.gate.BaselineStore;
import io.github.devopsassess.gate.GateOutcome;
import io.github.devopsassess.gate.GateRequest;
import io.github.devopsassess.gate.GateSettings;
import io.github.devopsassess.gate.Gatekeeper;
import io.github.devopsassess.gate.Waivers;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.output.AtomicFiles;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The gate's parameters as {@code assess} and {@code check} configure them, turned into a {@link GateRequest}; and
 * the {@link GateOutcome} carried out: log its lines, write the baseline it returns, fail with its message.
 */
record GateParameters(File baseline, File waivers, boolean failOnRegression, double tolerance, String failOnSeverity,
        Integer minimumScore, String minimumLevel, boolean failOnUnusedBaseline, boolean ratchet) {

    Severity threshold() throws MojoExecutionException {
        Severity s = Severity.parse(failOnSeverity);
        if (s == null) {
            throw new MojoExecutionException("devops.failOnSeverity '" + failOnSeverity
                    + "' is not one of info, low, medium, high, critical");
        }
        return s;
    }

    GateSettings settings(Rubric rubric) throws MojoExecutionException {
        var levels = rubric.levels().stream().map(LevelDef::id).toList();
        if (minimumLevel != null && !levels.contains(minimumLevel)) {
            throw new MojoExecutionException("devops.minimumLevel '" + minimumLevel + "' is not a level of the rubric: "
                    + String.join(", ", levels));
        }
        return new GateSettings(tolerance, threshold(), minimumScore, minimumLevel, levels, failOnUnusedBaseline);
    }

    Waivers.Loaded loadWaivers(Log log) throws MojoExecutionException {
        try {
            Waivers.Loaded loaded = Gatekeeper.loadWaivers(waivers == null ? null : waivers.toPath());
            loaded.problems().forEach(p -> log.warn(p.label() + " (this waiver is ignored)"));
            return loaded;
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the waivers " + waivers + ": " + e.getMessage(), e);
        }
    }

    Optional<Baseline> readBaseline() throws MojoExecutionException {
        try {
            return BaselineStore.read(baseline.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * Judges the assessment (waivers applied), logs the outcome, writes the tightened baseline when the ratchet was
     * asked for, and fails the build on a regression.
     *
     * @param stepSummary whether to append the summary to {@code GITHUB_STEP_SUMMARY} when it is set
     * @param summaryFile where to write the summary as Markdown too, or {@code null}
     */
    GateOutcome gate(Assessment assessment, Optional<Baseline> accepted, Waivers.Loaded loadedWaivers,
            GateSettings settings, boolean stepSummary, Path summaryFile, Log log)
            throws MojoExecutionException, MojoFailureException {
        GateOutcome outcome = Gatekeeper.decide(new GateRequest(assessment, accepted, loadedWaivers, settings,
                baseline.getName(), waivers == null ? "devops-waivers.yaml" : waivers.getName(), failOnRegression,
                ratchet));
        outcome.info().forEach(log::info);
        if (stepSummary) {
            appendStepSummary(outcome.stepSummary(), log);
        }
        if (summaryFile != null) {
            try {
                AtomicFiles.write(summaryFile, outcome.stepSummary() + "\n");
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + summaryFile + ": " + e.getMessage(), e);
            }
        }
        if (outcome.baselineToWrite().isPresent()) {
            try {
                BaselineStore.write(outcome.baselineToWrite().get(), baseline.toPath());
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot tighten the baseline " + baseline + ": " + e.getMessage(), e);
            }
        }
        outcome.warnings().forEach(log::warn);
        if (outcome.failure().isPresent()) {
            throw new MojoFailureException(outcome.failure().get());
        }
        return outcome;
    }

    /** GitHub Actions shows this Markdown on the run's summary page. */
    private static void appendStepSummary(String markdown, Log log) {
        String file = System.getenv("GITHUB_STEP_SUMMARY");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Cannot write the GitHub step summary " + file + ": " + e.getMessage());
        }
    }
}
