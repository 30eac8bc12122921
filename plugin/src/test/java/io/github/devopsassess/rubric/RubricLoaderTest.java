package io.github.devopsassess.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsassess.check.BuiltInChecks;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricLoaderTest {

    private final RubricLoader loader = new RubricLoader(BuiltInChecks.byId().keySet(),
            RubricLoaderTest.class.getClassLoader());

    @Test
    void defaultRubricHasTheNineAreasFiveLevelsAndEveryBuiltInCheck() throws Exception {
        Rubric rubric = loader.loadDefault();
        assertThat(rubric.areas().keySet()).containsExactly("incident-response", "process", "shared-responsibility",
                "blameless-culture", "knowledge-silos", "environment-parity", "access-control", "third-party",
                "delivery");
        assertThat(rubric.levels()).extracting(LevelDef::id)
                .containsExactly("initial", "managed", "defined", "measured", "optimizing");
        assertThat(rubric.checks().keySet()).containsExactlyInAnyOrderElementsOf(BuiltInChecks.byId().keySet());
        rubric.checks().values().forEach(c -> {
            assertThat(c.remediation()).as(c.id()).isNotBlank();
            assertThat(c.description()).as(c.id()).isNotBlank();
        });
    }

    @Test
    void userRubricOverridesThresholdsWeightsAndDisablesChecks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rubric.yaml");
        Files.writeString(file, """
                extends: default
                areas:
                  knowledge-silos:
                    weight: 5
                checks:
                  truck-factor:
                    thresholds:
                      warn: 3
                  single-author-directories:
                    enabled: false
                levels:
                  managed:
                    minScore: 50
                """);
        Rubric rubric = loader.load(file);
        assertThat(rubric.areas().get("knowledge-silos").weight()).isEqualTo(5.0);
        assertThat(rubric.checks().get("truck-factor").thresholds()).containsEntry("warn", 3.0)
                .containsEntry("fail", 1.0);
        assertThat(rubric.checks().get("single-author-directories").enabled()).isFalse();
        assertThat(rubric.levelFor(45)).get().extracting(LevelDef::id).isEqualTo("initial");
    }

    @Test
    void unknownKeysAndCheckIdsAreReportedWithFileLineAndSuggestion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("team-rubric.yaml");
        Files.writeString(file, """
                extends: default
                checks:
                  truck-factor:
                    treshold:
                      warn: 3
                  truck-factr:
                    enabled: false
                  pipeline-defined:
                    thresholds:
                      fail: many
                """);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(RubricException.class).satisfies(e -> {
            List<ParseProblem> problems = ((RubricException) e).problems();
            assertThat(problems).extracting(ParseProblem::line).containsExactly(4, 6, 10);
            assertThat(problems).allSatisfy(p -> assertThat(p.path()).endsWith("team-rubric.yaml"));
            assertThat(problems.get(0).message()).contains("unknown key of check 'truck-factor' 'treshold'")
                    .contains("did you mean 'thresholds'");
            assertThat(problems.get(1).message()).contains("unknown check id 'truck-factr'")
                    .contains("did you mean 'truck-factor'");
            assertThat(problems.get(2).message()).contains("no threshold 'fail'");
            assertThat(e.getMessage()).contains("team-rubric.yaml:4");
        });
    }

    @Test
    void malformedYamlNamesTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "extends: default\nchecks:\n  truck-factor: [unclosed\n  x: 1\n");
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(RubricException.class)
                .hasMessageContaining("broken.yaml:").hasMessageContaining("malformed YAML");
    }

    @Test
    void extendsCyclesAreDetected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\n");
        assertThatThrownBy(() -> loader.load(dir.resolve("a.yaml"))).isInstanceOf(RubricException.class)
                .hasMessageContaining("extends cycle");
    }

    @Test
    void defaultRubricMayNotConfigureUnimplementedChecks() {
        RubricLoader strict = new RubricLoader(Set.of("truck-factor"), RubricLoaderTest.class.getClassLoader());
        assertThatThrownBy(strict::loadDefault).isInstanceOf(RubricException.class)
                .hasMessageContaining("'pipeline-defined' is not implemented");
    }
}
