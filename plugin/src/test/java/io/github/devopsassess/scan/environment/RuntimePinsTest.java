package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.*;

import io.github.devopsassess.parse.JsonComments;
import io.github.devopsassess.scan.environment.EnvironmentFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimePinsTest {

    @Test
    void toolFilesPomsDockerfilesAndDevContainers(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("runtimes", dir);
        List<RuntimePin> pins = facts.find(RuntimePins.class).orElseThrow().pins();

        assertThat(pins).extracting(RuntimePin::runtime, RuntimePin::version, RuntimePin::path, RuntimePin::line,
                RuntimePin::origin).containsExactlyInAnyOrder(
                        tuple("java", "21.0.2", ".tool-versions", 2, RuntimePin.TOOL_FILE),
                        tuple("node", "20.11.1", ".tool-versions", 3, RuntimePin.TOOL_FILE),
                        tuple("terraform", "1.7.4", ".tool-versions", 4, RuntimePin.TOOL_FILE),
                        tuple("java", "21", ".java-version", 1, RuntimePin.TOOL_FILE),
                        tuple("java", "21.0.2", ".sdkmanrc", 2, RuntimePin.TOOL_FILE),
                        tuple("maven", "3.9.6", ".sdkmanrc", 3, RuntimePin.TOOL_FILE),
                        tuple("node", "18.19.0", ".nvmrc", 1, RuntimePin.TOOL_FILE),
                        tuple("python", "3.12.2", ".python-version", 1, RuntimePin.TOOL_FILE),
                        tuple("terraform", "1.7.4", ".terraform-version", 1, RuntimePin.TOOL_FILE),
                        // ${java.version} resolved within the pom
                        tuple("java", "17", "pom.xml", 9, RuntimePin.BUILD),
                        // multi-stage: the build stage's JDK, Maven, and the runtime stage with an ARG default;
                        // "FROM runtime" names a stage, not an image
                        tuple("maven", "3.9.6", "Dockerfile", 2, RuntimePin.IMAGE),
                        tuple("java", "21", "Dockerfile", 2, RuntimePin.IMAGE),
                        tuple("java", "17", "Dockerfile", 7, RuntimePin.IMAGE),
                        // devcontainers image tag 1-21-bookworm is Java 21; features with comments stripped
                        tuple("java", "21", ".devcontainer/devcontainer.json", 6, RuntimePin.DEV_CONTAINER),
                        tuple("node", "20.11", ".devcontainer/devcontainer.json", 8, RuntimePin.DEV_CONTAINER),
                        tuple("java", "21", ".devcontainer/devcontainer.json", 10, RuntimePin.DEV_CONTAINER));
        assertThat(EnvironmentFixtures.environments(facts).devSetups()).extracting(DevSetup::kind)
                .containsExactly("devcontainer");
    }

    @Test
    void pomWithExternalEntityIsRefusedNotRead(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("runtimes", dir);
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("service/pom.xml");
            assertThat(p.message()).contains("DOCTYPE");
        });
        assertThat(facts.find(RuntimePins.class).orElseThrow().pins()).extracting(RuntimePin::path)
                .doesNotContain("service/pom.xml");
    }

    @Test
    void pinsFromAnotherScannerAreMergedWhateverTheOrder(@TempDir Path dir) {
        Facts.Builder builder = Facts.builder();
        RuntimePins.add(builder, List.of(new RuntimePin("java", "21", ".github/workflows/release.yml", 24,
                RuntimePin.CI)));
        Facts facts = EnvironmentFixtures.scan("runtimes", dir, builder);

        assertThat(facts.find(RuntimePins.class).orElseThrow().pins()).extracting(RuntimePin::origin)
                .contains(RuntimePin.CI, RuntimePin.IMAGE);
        EnvironmentMatrix.Row java = EnvironmentFixtures.environments(facts).matrix().rows().stream()
                .filter(r -> r.kind().equals("runtime") && r.name().equals("java")).findFirst().orElseThrow();
        assertThat(java.cells().keySet()).containsExactly("development", "build", "ci", "image");
        assertThat(java.cells().get("ci").path()).isEqualTo(".github/workflows/release.yml");
        assertThat(java.cells().get("image").value()).isEqualTo("21 / 17");
        assertThat(java.differs()).isTrue();
    }

    @Test
    void jsonCommentsAreStrippedOutsideStringsKeepingLines() {
        String json = "{\n  // comment\n  \"url\": \"http://x//y\", /* a\n b */ \"n\": 1,\n}";
        assertThat(JsonComments.strip(json)).isEqualTo("{\n  \n  \"url\": \"http://x//y\", \n \"n\": 1 \n}");
    }
}
