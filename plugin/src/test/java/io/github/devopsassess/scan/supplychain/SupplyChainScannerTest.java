package io.github.devopsassess.scan.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.supplychain.Capability;
import io.github.devopsassess.facts.supplychain.SupplyChainEvidence;
import io.github.devopsassess.facts.supplychain.SupplyChainFacts;
import io.github.devopsassess.facts.supplychain.WrapperFile;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.testing.FixtureScan;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library published to Maven Central, and an application that builds, signs and attests an image. */
class SupplyChainScannerTest {

    @Test
    void aLibraryThatPublishesToCentralWithAnSbomAndSigningOnlyInAComment(@TempDir Path dir) {
        Facts facts = FixtureScan.scan("/supplychain/library", dir, new SupplyChainScanner());
        SupplyChainFacts chain = facts.find(SupplyChainFacts.class).orElseThrow();

        assertThat(chain.manifests()).as("the POM of a test project is not how this repository builds")
                .containsExactly("pom.xml");
        assertThat(chain.evidence()).extracting(SupplyChainEvidence::capability, SupplyChainEvidence::tool,
                SupplyChainEvidence::path, SupplyChainEvidence::line, SupplyChainEvidence::central).containsExactly(
                tuple(Capability.PUBLISHING, "build tool deploy", ".github/workflows/release.yml", 19, false),
                tuple(Capability.SBOM, "cyclonedx-maven-plugin", "pom.xml", 24, false),
                tuple(Capability.PUBLISHING, "Maven Central", "pom.xml", 35, true));
        assertThat(chain.of(Capability.SIGNING)).as("maven-gpg-plugin is commented out").isEmpty();
        assertThat(chain.of(Capability.VULNERABILITY_SCAN)).as("CodeQL scans code, not dependencies; the"
                + " osv-scanner line is a comment").isEmpty();
        assertThat(chain.wrappers()).containsExactly(new WrapperFile(".mvn/wrapper/maven-wrapper.properties", 5,
                false));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void anApplicationImageWithScanningSbomAndCosignAndAMalformedWrapperChecksum(@TempDir Path dir) {
        Facts facts = FixtureScan.scan("/supplychain/app", dir, new SupplyChainScanner());
        SupplyChainFacts chain = facts.find(SupplyChainFacts.class).orElseThrow();

        assertThat(chain.manifests()).containsExactly("build.gradle.kts");
        assertThat(chain.evidence()).extracting(SupplyChainEvidence::capability, SupplyChainEvidence::tool,
                SupplyChainEvidence::line).containsExactly(
                tuple(Capability.VULNERABILITY_SCAN, "dependency-review-action", 16),
                tuple(Capability.SIGNING, "cosign", 18),
                tuple(Capability.PUBLISHING, "container image", 25),
                tuple(Capability.SBOM, "Syft", 29));
        assertThat(facts.problems()).extracting(ParseProblem::path, ParseProblem::line)
                .containsExactly(tuple("cli/gradle/wrapper/gradle-wrapper.properties", 3));
        assertThat(chain.wrappers()).extracting(WrapperFile::path, WrapperFile::checksum).containsExactly(
                tuple("cli/gradle/wrapper/gradle-wrapper.properties", false),
                tuple("gradle/wrapper/gradle-wrapper.properties", true));
    }
}
