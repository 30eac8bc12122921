package io.github.devopsassess.check.environment;

import io.github.devopsassess.engine.CheckRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
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
    void notAssessedWithoutPins() {
        assertThat(CheckRunner.evaluate(check, Facts.builder().build(), EnvironmentFixtures.settings(RuntimeDriftCheck.ID))
                .status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
