package io.github.devopsassess.facts.supplychain;

/** What a team does to audit what it takes from third parties and what it ships. */
public enum Capability {
    /** A software bill of materials is generated (CycloneDX, SPDX, Syft). */
    SBOM("a software bill of materials (SBOM)"),
    /** Dependencies are scanned for known vulnerabilities in CI (OWASP dependency-check, OSV-Scanner, Trivy…). */
    VULNERABILITY_SCAN("dependency vulnerability scanning"),
    /** Released artefacts are signed or carry provenance (GPG, cosign, SLSA). */
    SIGNING("artefact signing or provenance"),
    /** Publishing a library or an image, as opposed to only building. */
    PUBLISHING("publishing");

    private final String title;

    Capability(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
