package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.RuntimePins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedEnvironmentFilesTest {

    @Test
    void everyBrokenFileBecomesAProblemWithPathAndLineAndTheScanGoesOn(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("malformed", dir);

        assertThat(facts.problems()).extracting(ParseProblem::path, ParseProblem::line).contains(
                tuple("charts/web/values-prod.yaml", 4),
                tuple("application-prod.yml", 5),
                tuple("tf/prod.tfvars", 3),
                tuple("kustomization.yaml", 1),
                tuple("Dockerfile", 2));
        assertThat(facts.problems()).extracting(ParseProblem::path)
                .contains("pom.xml", ".devcontainer/devcontainer.json");
        assertThat(facts.problems()).filteredOn(p -> p.path().equals("tf/prod.tfvars"))
                .extracting(ParseProblem::message)
                .as("one problem for the file, at the brace that is never closed")
                .containsExactly("malformed HCL: '{' opened here is never closed");

        // what could be read is still there
        EnvironmentFacts env = EnvironmentFixtures.environments(facts);
        assertThat(env.definitions()).extracting(EnvironmentDefinition::path)
                .contains("charts/web/values.yaml")
                .as("like a malformed values-prod.yaml, a malformed tfvars file defines no settings by halves")
                .doesNotContain("tf/prod.tfvars", "charts/web/values-prod.yaml");
        assertThat(facts.find(RuntimePins.class).orElseThrow().pins()).extracting(RuntimePin::path,
                RuntimePin::version).containsExactly(tuple("Dockerfile", "17"));
    }
}
