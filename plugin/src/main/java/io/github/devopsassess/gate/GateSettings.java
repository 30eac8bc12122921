package io.github.devopsassess.gate;

import io.github.devopsassess.model.Severity;

/**
 * When a build fails.
 *
 * @param tolerance score points the overall or an area score may drop before it counts as a regression
 * @param failOnSeverity a new finding at or above this severity is a regression
 */
public record GateSettings(double tolerance, Severity failOnSeverity) {
}
