package io.github.devopsassess.gate;

import io.github.devopsassess.model.Assessment;

import java.util.Optional;

/**
 * What {@link Gatekeeper#decide(GateRequest)} judges.
 *
 * @param assessment the result, with waivers already applied
 * @param accepted the committed baseline, if there is one
 * @param waivers the loaded waivers (for expiry)
 * @param settings when a result is a regression
 * @param baselineName the baseline file's name, for messages
 * @param waiversName the waivers file's name, for messages
 * @param failOnRegression false turns a failure into a warning
 * @param ratchet true to return the tightened baseline for writing; false only says that it could be tightened
 */
public record GateRequest(Assessment assessment, Optional<Baseline> accepted, Waivers.Loaded waivers,
        GateSettings settings, String baselineName, String waiversName, boolean failOnRegression, boolean ratchet) {
}
