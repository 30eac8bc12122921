package io.github.devopsassess.scan.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.EnvironmentMatrix;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.RuntimePins;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gradle builds, runtime.txt, system.properties and .travis.yml feed the runtime drift matrix with file and line. */
class BuildAndPlatformPinsTest {

    @Test
    void gradleToolchainsCompatibilityPlatformFilesAndTravis(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("build-pins", dir);
        List<RuntimePin> pins = facts.find(RuntimePins.class).orElseThrow().pins();

        assertThat(pins).extracting(RuntimePin::runtime, RuntimePin::version, RuntimePin::path, RuntimePin::line,
                RuntimePin::origin).containsExactlyInAnyOrder(
                        // the commented-out VERSION_11 is not a pin
                        tuple("java", "17", "app/build.gradle", 12, RuntimePin.BUILD),
                        tuple("java", "17", "app/build.gradle", 13, RuntimePin.BUILD),
                        // toolchain and Kotlin jvmToolchain; the block comment and the property are not pins
                        tuple("java", "21", "lib/build.gradle.kts", 8, RuntimePin.BUILD),
                        tuple("java", "21", "lib/build.gradle.kts", 13, RuntimePin.BUILD),
                        // 1.8 is Java 8
                        tuple("java", "8", "build.gradle", 3, RuntimePin.BUILD),
                        tuple("java", "8", "build.gradle", 4, RuntimePin.BUILD),
                        tuple("python", "3.11.4", "runtime.txt", 1, RuntimePin.TOOL_FILE),
                        tuple("java", "17", "system.properties", 1, RuntimePin.TOOL_FILE),
                        // a Travis matrix (two JDKs) and a job's node_js
                        tuple("java", "17", ".travis.yml", 4, RuntimePin.CI),
                        tuple("java", "21", ".travis.yml", 5, RuntimePin.CI),
                        tuple("node", "18", ".travis.yml", 13, RuntimePin.CI));
        assertThat(facts.problems()).isEmpty();

        EnvironmentMatrix.Row java = EnvironmentFixtures.environments(facts).matrix().rows().stream()
                .filter(r -> r.kind().equals("runtime") && r.name().equals("java")).findFirst().orElseThrow();
        assertThat(java.cells().keySet()).contains("build", "ci");
        assertThat(java.differs()).isTrue();
    }

    @Test
    void malformedGradleRuntimeTxtAndTravisAreOneProblemEachAndTheRestIsRead(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("build-pins-malformed", dir);

        assertThat(facts.problems()).extracting(ParseProblem::path).containsExactlyInAnyOrder("web/build.gradle",
                "runtime.txt", ".travis.yml");
        assertThat(facts.problems()).filteredOn(p -> !p.path().equals(".travis.yml"))
                .extracting(ParseProblem::path, ParseProblem::line)
                .containsExactlyInAnyOrder(tuple("web/build.gradle", 6), tuple("runtime.txt", 2));
        assertThat(facts.problems()).filteredOn(p -> p.path().equals("web/build.gradle"))
                .extracting(ParseProblem::message).singleElement().asString().contains("VERSION_SEVENTEEN");
        assertThat(facts.problems()).filteredOn(p -> p.path().equals(".travis.yml"))
                .extracting(ParseProblem::line).singleElement().isNotNull();

        assertThat(facts.find(RuntimePins.class).orElseThrow().pins()).extracting(RuntimePin::path,
                RuntimePin::version).containsExactlyInAnyOrder(tuple("web/build.gradle", "17"),
                        tuple(".python-version", "3.12.2"));
    }

    @Test
    void aRuntimeTxtOfOnlyAVersionIsNetlifysPythonPin(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("runtime.txt"), "3.8\n");
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());
        assertThat(facts.problems()).isEmpty();
        assertThat(facts.find(RuntimePins.class).orElseThrow().pins()).extracting(RuntimePin::runtime,
                RuntimePin::version, RuntimePin::path).containsExactly(tuple("python", "3.8", "runtime.txt"));
    }
}
