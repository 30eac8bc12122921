package io.github.devopsassess.gate;

/**
 * One reason the build fails.
 *
 * @param kind "score", "area" or "finding"
 * @param subject what regressed: "overall", an area id or a fingerprint
 * @param message a sentence with the evidence
 */
public record Regression(String kind, String subject, String message) {
}
