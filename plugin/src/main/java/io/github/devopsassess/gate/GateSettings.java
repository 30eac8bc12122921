package io.github.devopsassess.gate;

import io.github.devopsassess.model.Severity;

import java.util.List;

/**
 * When a build fails.
 *
 * @param tolerance score points the overall or an area score may drop before it counts as a regression
 * @param failOnSeverity a new finding at or above this severity is a regression
 * @param minimumScore the overall score must reach this, or {@code null} for no minimum
 * @param minimumLevel the overall level must reach this level id, or {@code null}
 * @param levels level ids from lowest to highest, to compare levels
 * @param failOnUnusedBaseline fail when the baseline accepts findings that no longer exist
 */
public record GateSettings(double tolerance, Severity failOnSeverity, Integer minimumScore, String minimumLevel,
        List<String> levels, boolean failOnUnusedBaseline) {

    public GateSettings {
        levels = List.copyOf(levels);
    }

    public GateSettings(double tolerance, Severity failOnSeverity) {
        this(tolerance, failOnSeverity, null, null, List.of(), false);
    }
}
