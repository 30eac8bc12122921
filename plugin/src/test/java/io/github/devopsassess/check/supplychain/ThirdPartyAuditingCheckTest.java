package io.github.devopsassess.check.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.supplychain.Capability;
import io.github.devopsassess.facts.supplychain.SupplyChainEvidence;
import io.github.devopsassess.facts.supplychain.SupplyChainFacts;
import io.github.devopsassess.facts.supplychain.WrapperFile;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.testing.DefaultSettings;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-made supply-chain facts: one finding per missing capability, weighed by what is released. */
class ThirdPartyAuditingCheckTest {

    private static CheckResult run(List<String> manifests, List<WrapperFile> wrappers,
            SupplyChainEvidence... evidence) throws Exception {
        Facts facts = Facts.builder().put(SupplyChainFacts.class, new SupplyChainFacts(manifests, List.of(evidence),
                wrappers)).build();
        return CheckRunner.evaluate(new ThirdPartyAuditingCheck(), facts,
                DefaultSettings.of(ThirdPartyAuditingCheck.ID));
    }

    private static Finding finding(CheckResult r, String subject) {
        return r.findings().stream().filter(f -> f.subject().equals(subject)).findFirst().orElseThrow();
    }

    @Test
    void aLibraryPublishedToCentralWithoutSigningOrScanningFailsOnBoth() throws Exception {
        CheckResult r = run(List.of("pom.xml"), List.of(new WrapperFile(".mvn/wrapper/maven-wrapper.properties", 5,
                false)), new SupplyChainEvidence(Capability.SBOM, "cyclonedx-maven-plugin", "pom.xml", 23, false),
                new SupplyChainEvidence(Capability.PUBLISHING, "Maven Central", "pom.xml", 34, true));

        assertThat(r.findings()).extracting(Finding::subject)
                .containsExactlyInAnyOrder("vulnerability-scanning", "signing", "wrapper-checksum");
        assertThat(finding(r, "signing").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding(r, "signing").message()).isEqualTo("The repository publishes a library to a public"
                + " registry (Maven Central (pom.xml:34)) without signing or provenance: users cannot verify that"
                + " what they download is what this build produced.");
        assertThat(finding(r, "signing").evidence()).containsExactly(Evidence.line("pom.xml", 34)
                .withNote("publishes: Maven Central"));
        assertThat(finding(r, "vulnerability-scanning").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding(r, "wrapper-checksum").severity()).isEqualTo(Severity.MEDIUM.lower());
        assertThat(finding(r, "wrapper-checksum").evidence()).containsExactly(Evidence.line(
                ".mvn/wrapper/maven-wrapper.properties", 5).withNote("distributionUrl without distributionSha256Sum"));
        // 4 judged: scanning (1) + signing (1) + wrapper (0.5) lost, the SBOM is there
        assertThat(r.score()).isEqualTo(1 - 2.5 / 4);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void anImageWithoutSigningIsOnlyAWarningAndAnAppThatPublishesNothingIsJudgedOnScanningAlone()
            throws Exception {
        CheckResult image = run(List.of("build.gradle.kts"), List.of(),
                new SupplyChainEvidence(Capability.VULNERABILITY_SCAN, "Trivy", ".gitlab-ci.yml", 12, false),
                new SupplyChainEvidence(Capability.PUBLISHING, "container image", ".gitlab-ci.yml", 30, false),
                new SupplyChainEvidence(Capability.SBOM, "Syft", ".gitlab-ci.yml", 33, false));
        assertThat(image.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("signing");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM.lower());
        });

        CheckResult app = run(List.of("package.json"), List.of(),
                new SupplyChainEvidence(Capability.VULNERABILITY_SCAN, "language audit", ".github/workflows/ci.yml",
                        20, false));
        assertThat(app.findings()).isEmpty();
        assertThat(app.status()).isEqualTo(CheckStatus.PASS);
        assertThat(app.summary()).isEqualTo("0 of 1 supplier-audit capability missing; found language audit"
                + " (.github/workflows/ci.yml:20); nothing published, so signing and SBOM not judged");
    }

    @Test
    void withoutAnyDependencyManifestTheCheckIsNotAssessed() throws Exception {
        CheckResult r = run(List.of(), List.of());
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).contains("no dependency manifest found");
    }
}
