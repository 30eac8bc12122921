package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.RuntimePins;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.pipeline.CiRuntime;
import io.github.devopsassess.scan.pipeline.CiRuntimes;
import io.github.devopsassess.facts.pipeline.Location;

import java.util.List;

import org.junit.jupiter.api.Test;

class CiRuntimePinsScannerTest {

    @Test
    void setupVersionsAndJobImagesBecomeCiPinsNextToTheProjectsOwn() {
        Facts.Builder facts = Facts.builder();
        RuntimePins.add(facts, List.of(new RuntimePin("java", "17", "Dockerfile", 1, RuntimePin.IMAGE)));
        facts.put(CiRuntimes.class, new CiRuntimes(List.of(
                new CiRuntime("java", "21", "setup-java", new Location(".github/workflows/ci.yml", 12)),
                new CiRuntime("node", "file:.nvmrc", "setup-node", new Location(".github/workflows/ci.yml", 20)),
                new CiRuntime("maven", "3.9-eclipse-temurin-21", "image", new Location(".gitlab-ci.yml", 3)),
                new CiRuntime("alpine", "3.19", "image", new Location(".gitlab-ci.yml", 9)))));

        new CiRuntimePinsScanner().scan(null, facts);

        List<RuntimePin> ci = facts.find(RuntimePins.class).orElseThrow().pins().stream()
                .filter(p -> p.origin().equals(RuntimePin.CI)).toList();
        assertThat(ci).extracting(RuntimePin::runtime, RuntimePin::version, RuntimePin::path, RuntimePin::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("java", "21", ".github/workflows/ci.yml", 12),
                        org.assertj.core.groups.Tuple.tuple("maven", "3.9", ".gitlab-ci.yml", 3),
                        org.assertj.core.groups.Tuple.tuple("java", "21", ".gitlab-ci.yml", 3));
        assertThat(facts.find(RuntimePins.class).orElseThrow().pins()).anySatisfy(p ->
                assertThat(p.origin()).isEqualTo(RuntimePin.IMAGE));
    }
}
