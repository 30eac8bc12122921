package io.github.devopsassess.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsassess.model.ParseProblem;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricLoaderTest {

    private final RubricLoader loader = new RubricLoader(RubricLoaderTest.class.getClassLoader());

    @Test
    void defaultRubricHasTheNineAreasFiveLevelsAndEveryBuiltInCheck() throws Exception {
        Rubric rubric = loader.loadDefault();
        assertThat(rubric.areas().keySet()).containsExactly("incident-response", "process", "shared-responsibility",
                "blameless-culture", "knowledge-silos", "environment-parity", "access-control", "third-party",
                "delivery");
        assertThat(rubric.levels()).extracting(LevelDef::id)
                .containsExactly("initial", "managed", "defined", "measured", "optimizing");
        assertThat(io.github.devopsassess.engine.CheckRunner.builtIn(rubric))
                .extracting(io.github.devopsassess.check.Check::id)
                .containsExactlyElementsOf(rubric.checks().keySet()); // each entry's class implements that very id
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
    void aBuiltInCheckNamesTheClassThatImplementsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rubric.yaml");
        Files.writeString(file, """
                version: 1
                name: mine
                areas:
                  process: { title: Process, weight: 1, antiPattern: too much process }
                levels:
                  initial: { title: Initial, minScore: 0 }
                checks:
                  truck-factor: { area: process, input: history, severity: high, description: d, remediation: r }
                  pipeline-defined: { area: process, input: pipelines, severity: high, description: d, remediation: r }
                  no-input: { area: process, severity: high, description: d, remediation: r }
                """);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(RubricException.class)
                .hasMessageContaining(
                        ":9: check 'pipeline-defined': no class io.github.devopsassess.check.pipelines.PipelineDefinedCheck")
                .hasMessageContaining("check 'no-input' names no 'input'")
                .message().doesNotContain("'truck-factor'");
    }

    @Test
    void aTeamRubricMayTuneScoringButNotTheImplementation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rubric.yaml");
        Files.writeString(file, """
                extends: default
                checks:
                  truck-factor:
                    ladder: [ { atMost: fail, score: 0.1 }, { atMost: warn, score: 0.6 } ]
                  unpinned-actions: { scoring: worst-finding }
                  unpinned-images: { input: oncall }
                  pipeline-defined: { scoring: ladder }
                  skipped-tests: { scoring: fastest }
                """);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(RubricException.class)
                .hasMessageContaining(":6: the implementation of check 'unpinned-images' is fixed")
                .hasMessageContaining(":7: check 'pipeline-defined' is scored by a ladder but has no 'ladder'")
                .hasMessageContaining(":8: scoring 'fastest' of check 'skipped-tests' is not one of");
        Path ok = dir.resolve("ok.yaml");
        Files.writeString(ok, """
                extends: default
                checks:
                  truck-factor:
                    ladder: [ { atMost: fail, score: 0.1 }, { atMost: warn, score: 0.6 } ]
                  unpinned-actions: { scoring: worst-finding }
                """);
        Rubric rubric = loader.load(ok);
        assertThat(rubric.checks().get("truck-factor").scoring().steps()).extracting(Scoring.Step::score)
                .containsExactly(0.1, 0.6);
        assertThat(rubric.checks().get("unpinned-actions").scoring().policy())
                .isEqualTo(Scoring.Policy.WORST_FINDING);
    }

    // --- extends chains ---

    /** An organisation's rubric published as a jar: org.yaml extends default, strict.yaml extends org.yaml. */
    private static Path orgJar(Path dir) throws Exception {
        Path jar = dir.resolve("acme-devops-rubric-1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "acme/devops/org.yaml", """
                    version: 1
                    name: acme
                    extends: default
                    areas:
                      knowledge-silos:
                        weight: 4
                    checks:
                      truck-factor:
                        thresholds:
                          warn: 4
                        severity: critical
                      runbook-present:
                        area: incident-response
                        title: Runbook
                        type: file-exists
                        files: docs/runbook.md
                        remediation: Write a runbook.
                    """);
            put(out, "acme/devops/strict.yaml", """
                    extends: org.yaml
                    checks:
                      runbook-present:
                        level: managed
                        severity: high
                    """);
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void extendsARubricFromAJarOnThePluginClasspathAndLaterOnesWin(@TempDir Path dir) throws Exception {
        Path team = dir.resolve("team.yaml");
        Files.writeString(dir.resolve("local.yaml"), """
                extends: default
                checks:
                  truck-factor:
                    thresholds:
                      fail: 2
                  single-author-directories:
                    enabled: false
                """);
        Files.writeString(team, """
                extends:
                  - classpath:acme/devops/strict.yaml
                  - local.yaml
                checks:
                  truck-factor:
                    weight: 7
                """);
        try (URLClassLoader jar = new URLClassLoader(new URL[] {orgJar(dir).toUri().toURL()},
                RubricLoaderTest.class.getClassLoader())) {
            Rubric rubric = new RubricLoader(jar).load(team);
            // default -> org.yaml -> strict.yaml -> local.yaml (default already applied) -> team.yaml
            assertThat(rubric.sources()).containsExactly(RubricLoader.DEFAULT_RESOURCE.replaceFirst("^",
                    "classpath:"), "classpath:acme/devops/org.yaml", "classpath:acme/devops/strict.yaml",
                    dir.resolve("local.yaml").toString(), team.toString());
            CheckDef tf = rubric.checks().get("truck-factor");
            assertThat(tf.thresholds()).containsEntry("warn", 4.0).containsEntry("fail", 2.0);
            assertThat(tf.severity()).isEqualTo(io.github.devopsassess.model.Severity.CRITICAL);
            assertThat(tf.weight()).isEqualTo(7.0);
            assertThat(rubric.areas().get("knowledge-silos").weight()).isEqualTo(4.0);
            assertThat(rubric.checks().get("single-author-directories").enabled()).isFalse();
            CheckDef runbook = rubric.checks().get("runbook-present");
            assertThat(runbook.isCustom()).isTrue();
            assertThat(runbook.level()).isEqualTo("managed");
            assertThat(runbook.severity()).isEqualTo(io.github.devopsassess.model.Severity.HIGH);
            assertThat(rubric.ladderActive()).isTrue();
            assertThat(rubric.name()).isEqualTo(team.toString()); // the top file names the effective rubric
        }
    }

    @Test
    void aMissingClasspathRubricSaysWhichDependencyToAdd(@TempDir Path dir) throws Exception {
        Path team = dir.resolve("team.yaml");
        Files.writeString(team, "extends: classpath:acme/devops/org.yaml\n");
        assertThatThrownBy(() -> loader.load(team)).isInstanceOf(RubricException.class).satisfies(e -> {
            ParseProblem p = ((RubricException) e).problems().get(0);
            assertThat(p.path()).isEqualTo("classpath:acme/devops/org.yaml");
            assertThat(p.message()).contains("add the artifact that contains it as a <dependency> of the plugin");
        });
    }

    @Test
    void loadByReferenceAcceptsDefaultAndClasspath() throws Exception {
        assertThat(loader.load("default").checks()).containsKey("truck-factor");
        assertThat(loader.load("classpath:" + RubricLoader.DEFAULT_RESOURCE).name()).isEqualTo("default");
    }

    // --- profiles ---

    @Test
    void profilesLeaveOutAreasAndChecks(@TempDir Path dir) throws Exception {
        Rubric library = loader.loadDefault().forProfile("library");
        assertThat(library.areas()).doesNotContainKey("incident-response").containsKey("delivery");
        assertThat(library.profile()).isEqualTo("library");
        assertThat(loader.loadDefault().forProfile(null).areas()).containsKey("incident-response");

        Path file = dir.resolve("rubric.yaml");
        Files.writeString(file, """
                extends: default
                profiles:
                  silos-only:
                    description: only knowledge silos, without the folder check
                    include: [knowledge-silos]
                    exclude: [single-author-directories]
                """);
        Rubric silos = loader.load(file).forProfile("silos-only");
        assertThat(silos.areas().keySet()).containsExactly("knowledge-silos");
        assertThat(silos.checks().keySet()).contains("truck-factor").doesNotContain("single-author-directories");
        assertThat(silos.checks().values()).allSatisfy(c -> assertThat(c.area()).isEqualTo("knowledge-silos"));
    }

    @Test
    void anUnknownProfileIsNamedWithASuggestion() {
        assertThatThrownBy(() -> loader.loadDefault().forProfile("libary")).isInstanceOf(RubricException.class)
                .hasMessageContaining("devops.profile 'libary' is not a profile of the rubric")
                .hasMessageContaining("did you mean 'library'");
    }

    // --- validation: one error each, with file, line and a suggestion ---

    private List<ParseProblem> problems(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("team-rubric.yaml");
        Files.writeString(file, yaml);
        try {
            loader.load(file);
        } catch (RubricException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.path()).endsWith("team-rubric.yaml"));
            return e.problems();
        }
        throw new AssertionError("the rubric was accepted");
    }

    private void oneProblem(Path dir, String yaml, int line, String... fragments) throws Exception {
        List<ParseProblem> problems = problems(dir, yaml);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(line);
        for (String f : fragments) {
            assertThat(problems.get(0).message()).contains(f);
        }
    }

    @Test
    void docsGuardsAreReadAndATeamRubricReplacesOnlyTheDocsItNames(@TempDir Path dir) throws Exception {
        CheckDocs defaults = loader.loadDefault().checks().get("truck-factor").docs();
        Path file = dir.resolve("rubric.yaml");
        Files.writeString(file, """
                extends: default
                checks:
                  truck-factor:
                    docs:
                      guards: Our generated clients under gen/ are left out by .gitattributes.
                """);
        CheckDocs docs = loader.load(file).checks().get("truck-factor").docs();
        assertThat(docs.guards()).isEqualTo("Our generated clients under gen/ are left out by .gitattributes.");
        assertThat(docs.source()).isEqualTo(defaults.source());
        assertThat(docs.why()).isEqualTo(defaults.why());
        assertThat(docs.example()).isEqualTo(defaults.example());
    }

    @Test
    void unknownDocsKey(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  truck-factor:
                    docs:
                      guard: bots are left out
                """, 5, "unknown key of the docs of check 'truck-factor' 'guard'", "did you mean 'guards'");
    }

    @Test
    void thresholdOfTheWrongType(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  truck-factor:
                    thresholds:
                      warn: three
                """, 5, "'warn' must be a number, not 'three'");
    }

    @Test
    void thresholdGivenAsQuotedText(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  truck-factor:
                    thresholds:
                      fail: "1"
                """, 5, "'fail' must be a number, not '1'");
    }

    @Test
    void duplicateIds(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  truck-factor:
                    weight: 2
                  truck-factor:
                    weight: 3
                """, 5, "duplicate key 'truck-factor' (first at line 3)", "may appear only once");
    }

    @Test
    void extendsCycleNamesTheChainAndTheLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "version: 1\nextends: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "extends:\n  - default\n  - a.yaml\n");
        assertThatThrownBy(() -> loader.load(dir.resolve("a.yaml"))).isInstanceOf(RubricException.class)
                .satisfies(e -> {
                    List<ParseProblem> problems = ((RubricException) e).problems();
                    assertThat(problems).hasSize(1);
                    assertThat(problems.get(0).path()).endsWith("b.yaml");
                    assertThat(problems.get(0).line()).isEqualTo(3);
                    assertThat(problems.get(0).message()).isEqualTo("extends cycle: " + dir.resolve("a.yaml")
                            + " -> " + dir.resolve("b.yaml") + " -> " + dir.resolve("a.yaml"));
                });
    }

    @Test
    void unknownLevelOfACheck(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  pipeline-defined:
                    level: manged
                """, 4, "unknown level 'manged'", "did you mean 'managed'");
    }

    @Test
    void unknownSeverity(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  truck-factor:
                    severity: hgh
                """, 4, "severity 'hgh'", "did you mean 'high'");
    }

    @Test
    void unknownTopLevelKey(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                profile:
                  x: {}
                """, 2, "unknown top-level key 'profile'", "did you mean 'profiles'");
    }

    @Test
    void unsupportedLanguageVersion(@TempDir Path dir) throws Exception {
        oneProblem(dir, "version: 2\nextends: default\n", 1, "version '2' is not supported", "version 1");
    }

    @Test
    void unknownCustomType(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  replicas:
                    area: environment-parity
                    type: yaml-pth
                    files: k8s/*.yaml
                    require: spec.replicas >= 2
                """, 5, "type 'yaml-pth'", "did you mean 'yaml-path'");
    }

    @Test
    void unknownHistoryMetric(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  authors:
                    area: knowledge-silos
                    type: history
                    require: autors >= 3
                """, 6, "unknown history metric 'autors'", "did you mean 'authors'");
    }

    @Test
    void singleEqualsIsNotAnOperator(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  replicas:
                    area: environment-parity
                    type: yaml-path
                    files: k8s/*.yaml
                    require: spec.replicas = 2
                """, 7, "'=' in 'spec.replicas = 2' is not an operator; use '=='");
    }

    @Test
    void orderingNeedsANumber(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  replicas:
                    area: environment-parity
                    type: yaml-path
                    files: k8s/*.yaml
                    require: spec.replicas >= two
                """, 7, "'>=' compares numbers, but 'two' is not a number");
    }

    @Test
    void pathConditionWithoutFiles(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  replicas:
                    area: environment-parity
                    type: yaml-path
                    require: spec.replicas >= 2
                """, 4, "of type 'yaml-path' needs 'files'");
    }

    @Test
    void unknownPipelinePredicate(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  gitlab:
                    area: delivery
                    type: pipeline-job
                    require: sytem == gitlab-ci
                """, 6, "unknown pipeline predicate 'sytem'", "did you mean 'system'");
    }

    @Test
    void customChecksTakeNoThresholds(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  runbook:
                    area: incident-response
                    type: file-exists
                    files: docs/runbook.md
                    thresholds:
                      fail: 1
                """, 7, "custom check 'runbook' has no thresholds");
    }

    @Test
    void conditionKeysOnABuiltInCheck(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  truck-factor:
                    require: authors >= 2
                """, 4, "'require' applies only to custom checks", "'truck-factor' is built in");
    }

    @Test
    void aCustomCheckCannotReuseABuiltInId(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  truck-factor:
                    type: history
                    require: truck-factor >= 2
                """, 4, "'truck-factor' is a built-in check");
    }

    @Test
    void unknownIdInAProfile(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                profiles:
                  lib:
                    exclude:
                      - incident-respons
                """, 5, "profile 'lib' names unknown check or area 'incident-respons'",
                "did you mean 'incident-response'");
    }

    @Test
    void unknownAreaOfANewCheck(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  runbook:
                    area: incident-responce
                    type: file-exists
                    files: docs/runbook.md
                """, 4, "unknown area 'incident-responce'", "did you mean 'incident-response'");
    }

    @Test
    void aBadGlob(@TempDir Path dir) throws Exception {
        oneProblem(dir, """
                extends: default
                checks:
                  runbook:
                    area: incident-response
                    type: file-exists
                    files: "docs/{runbook.md"
                """, 6, "'{' without '}'");
    }

    @Test
    void everyProblemOfEveryDocumentIsReportedAtOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("org.yaml"), "extends: default\nchecks:\n  truck-factor:\n    wieght: 2\n");
        Path team = dir.resolve("team.yaml");
        Files.writeString(team, "extends: org.yaml\nchecks:\n  truck-factor:\n    enabled: maybe\n");
        assertThatThrownBy(() -> loader.load(team)).isInstanceOf(RubricException.class).satisfies(e -> {
            List<ParseProblem> problems = ((RubricException) e).problems();
            assertThat(problems).extracting(ParseProblem::label).containsExactly(
                    dir.resolve("org.yaml") + ":4: unknown key of check 'truck-factor' 'wieght' (did you mean"
                            + " 'weight'?)",
                    team + ":4: 'enabled' must be true or false, not 'maybe'");
        });
    }

    // --- the effective rubric as YAML ---

    @Test
    void effectiveRubricYamlLoadsBackToTheSameRubric(@TempDir Path dir) throws Exception {
        Path team = dir.resolve("team.yaml");
        try (var in = RubricLoaderTest.class.getResourceAsStream("/custom/rubrics/team.yaml")) {
            Files.write(team, in.readAllBytes());
        }
        Rubric rubric = loader.load(team);
        String yaml = RubricYaml.write(rubric);
        assertThat(yaml).startsWith("# Effective rubric, from: classpath:" + RubricLoader.DEFAULT_RESOURCE + " -> ")
                .contains("  two-replicas:\n").contains("require: spec.replicas >= 2");
        Path effective = dir.resolve("effective.yaml");
        Files.writeString(effective, yaml);
        Rubric back = loader.load(effective);
        assertThat(back.checks()).isEqualTo(rubric.checks());
        assertThat(back.areas()).isEqualTo(rubric.areas());
        assertThat(back.levels()).isEqualTo(rubric.levels());
        assertThat(back.profiles()).isEqualTo(rubric.profiles());
        assertThat(RubricYaml.write(back).lines().skip(1).toList())
                .isEqualTo(yaml.lines().skip(1).toList());
    }
}
