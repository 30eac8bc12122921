package io.github.devopsassess.facts.supplychain;

/**
 * One place that shows a capability.
 *
 * @param capability what it shows
 * @param tool the tool recognised ("cyclonedx-maven-plugin", "osv-scanner", "cosign", "central-publishing")
 * @param path repository-relative path
 * @param line 1-based line
 * @param central for publishing, whether it publishes a library to a public registry (Maven Central, npm, PyPI…)
 */
public record SupplyChainEvidence(Capability capability, String tool, String path, int line, boolean central) {
}
