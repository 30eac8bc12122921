package io.github.devopsassess.check.environment;

import io.github.devopsassess.engine.CheckRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.environment.EnvironmentFixtures;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.RuntimePins;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeDriftCheckTest {

    private final RuntimeDriftCheck check = new RuntimeDriftCheck();

    @Test
    void javaAndNodeDisagreeAcrossDevContainerToolFilesPomAndImage(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("runtimes", dir);
        CheckResult result = CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(RuntimeDriftCheck.ID));

        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.summary()).isEqualTo("2 of 4 runtimes pinned in several places disagree");
        assertThat(result.findings()).extracting(f -> f.subject()).containsExactly("runtime java", "runtime node");
        assertThat(result.findings().get(0).evidence()).extracting(Evidence::label).contains(
                "pom.xml:9 — java 17 — build", "Dockerfile:7 — java 17 — image",
                ".java-version:1 — java 21 — tool-file", ".devcontainer/devcontainer.json:6 — java 21 — dev-container");
    }

    /** Another scanner (CI) only has to add its pins to the facts. */
    @Test
    void ciPinsAddedAsFactsAreCompared() {
        Facts.Builder builder = Facts.builder();
        RuntimePins.add(builder, List.of(new RuntimePin("java", "17", "Dockerfile", 1, RuntimePin.IMAGE)));
        RuntimePins.add(builder, List.of(new RuntimePin("java", "21", ".github/workflows/release.yml", 24,
                RuntimePin.CI)));
        CheckResult result = CheckRunner.evaluate(check, builder.build(), EnvironmentFixtures.settings(RuntimeDriftCheck.ID));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("17 (image Dockerfile)").contains("21 (ci .github/workflows/release.yml)");
            assertThat(f.evidence()).extracting(Evidence::label).containsExactly(
                    ".github/workflows/release.yml:24 — java 21 — ci", "Dockerfile:1 — java 17 — image");
        });
    }

    @Test
    void minorDriftWarnsAndPatchOrUnpinnedMinorAgree() {
        Facts.Builder builder = Facts.builder();
        RuntimePins.add(builder, List.of(
                new RuntimePin("python", "3.11.4", ".python-version", 1, RuntimePin.TOOL_FILE),
                new RuntimePin("python", "3.12", "Dockerfile", 1, RuntimePin.IMAGE),
                new RuntimePin("java", "1.8", "pom.xml", 3, RuntimePin.BUILD),
                new RuntimePin("java", "8", "Dockerfile", 2, RuntimePin.IMAGE),
                new RuntimePin("node", "20", ".nvmrc", 1, RuntimePin.TOOL_FILE),
                new RuntimePin("node", "20.11.1", "Dockerfile", 3, RuntimePin.IMAGE),
                new RuntimePin("node", "lts/iron", ".node-version", 1, RuntimePin.TOOL_FILE)));
        CheckResult result = CheckRunner.evaluate(check, builder.build(), EnvironmentFixtures.settings(RuntimeDriftCheck.ID));
        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("runtime python");
            assertThat(f.severity().id()).isEqualTo("medium");
        });
    }

    @Test
    void versionsOnlyCiSetsUpAndProviderPinsOfSeparateRootsAreNotDrift() {
        Facts.Builder builder = Facts.builder();
        RuntimePins.add(builder, List.of(
                // independent utility workflows, each on its own Python: nothing the product runs on
                new RuntimePin("python", "3.10", ".github/workflows/access-keys-monitoring.yml", 46, RuntimePin.CI),
                new RuntimePin("python", "3.11", ".github/workflows/nuke.yml", 31, RuntimePin.CI),
                // two Terraform roots, each applied with its own provider
                new RuntimePin("terraform provider hashicorp/kubernetes", "2.36.0", "airbyte/terraform/terraform.tf",
                        18, RuntimePin.INFRASTRUCTURE),
                new RuntimePin("terraform provider hashicorp/kubernetes", "2.32.0",
                        "cluster/terraform_kubernetes/terraform.tf", 12, RuntimePin.INFRASTRUCTURE),
                // the product's Java: CI tests on 17, the build targets 21 — that is drift
                new RuntimePin("java", "21", "pom.xml", 26, RuntimePin.BUILD),
                new RuntimePin("java", "17", ".github/workflows/build.yml", 23, RuntimePin.CI)));
        CheckResult result = CheckRunner.evaluate(check, builder.build(),
                EnvironmentFixtures.settings(RuntimeDriftCheck.ID));
        assertThat(result.findings()).extracting(Finding::subject).containsExactly("runtime java");
        assertThat(result.summary()).isEqualTo("1 of 1 runtime pinned in several places disagrees; not compared,"
                + " because only CI workflows pin them: python; not compared, because each Terraform root pins its"
                + " own minor version: terraform provider hashicorp/kubernetes");

        Facts.Builder sameRoot = Facts.builder();
        RuntimePins.add(sameRoot, List.of(
                new RuntimePin("terraform provider hashicorp/aws", "5.40.0", "infra/versions.tf", 8,
                        RuntimePin.INFRASTRUCTURE),
                new RuntimePin("terraform provider hashicorp/aws", "4.67.0", "infra/.terraform.lock.hcl", 3,
                        RuntimePin.INFRASTRUCTURE)));
        assertThat(CheckRunner.evaluate(check, sameRoot.build(), EnvironmentFixtures.settings(RuntimeDriftCheck.ID))
                .findings()).extracting(Finding::subject).containsExactly("runtime terraform provider hashicorp/aws");
    }

    @Test
    void notAssessedWithoutPins() {
        assertThat(CheckRunner.evaluate(check, Facts.builder().build(), EnvironmentFixtures.settings(RuntimeDriftCheck.ID))
                .status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
