package io.github.devopsassess.check.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.build.BuildModule;
import io.github.devopsassess.facts.build.BuildModuleFacts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.build.BuildModuleScanner;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven and Gradle module folders that the build leaves out, and the folders that only look like modules. */
class ModulesOutsideBuildCheckTest {

    private static final String PARENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example.billing</groupId>
              <artifactId>billing-parent</artifactId>
              <version>3.2.0-SNAPSHOT</version>
              <packaging>pom</packaging>

              <modules>
                <module>billing-core</module>
                <module>billing-web</module>
                <!-- <module>billing-soap</module> replaced by billing-web, kept until the last client moves -->
              </modules>

              <profiles>
                <profile>
                  <id>tools</id>
                  <modules>
                    <module>tools/codegen</module>
                  </modules>
                </profile>
              </profiles>
            </project>
            """;

    private static String module(String artifactId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>com.example.billing</groupId>
                    <artifactId>billing-parent</artifactId>
                    <version>3.2.0-SNAPSHOT</version>
                  </parent>
                  <artifactId>%s</artifactId>
                </project>
                """.formatted(artifactId);
    }

    private static void write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A billing system: two listed modules, a profile module, one commented out, one forgotten, and look-alikes. */
    private static void maven(Path dir) throws IOException {
        write(dir, "pom.xml", PARENT);
        write(dir, "billing-core/pom.xml", module("billing-core"));
        write(dir, "billing-web/pom.xml", module("billing-web"));
        write(dir, "tools/codegen/pom.xml", module("codegen"));
        write(dir, "billing-soap/pom.xml", module("billing-soap"));
        write(dir, "legacy-importer/pom.xml", module("legacy-importer"));
        // not modules: an integration-test project, a test fixture, an archetype and a sample
        write(dir, "billing-core/src/it/smoke/pom.xml", module("smoke"));
        write(dir, "billing-core/src/test/resources/projects/broken/pom.xml", module("broken"));
        write(dir, "billing-archetype/src/main/resources/archetype-resources/pom.xml", module("${artifactId}"));
        write(dir, "samples/quickstart/pom.xml", module("quickstart"));
    }

    private static Facts scan(Path dir) {
        ScanOptions d = ScanOptions.defaults();
        ScanOptions options = new ScanOptions(d.botPatterns(), false, false, d.maxFileSize());
        Facts.Builder facts = Facts.builder();
        new BuildModuleScanner().scan(new ScanContext(new WorkingTree(dir, "", d.maxFileSize()), null, "no history",
                options, s -> { }), facts);
        return facts.build();
    }

    private static CheckResult run(Facts facts) throws Exception {
        CheckSettings settings = new CheckSettings(new RubricLoader(ModulesOutsideBuildCheckTest.class
                .getClassLoader()).loadDefault().checks().get(ModulesOutsideBuildCheck.ID));
        return CheckRunner.evaluate(new ModulesOutsideBuildCheck(), facts, settings);
    }

    @Test
    void mavenModulesTheParentDoesNotListAreOneFinding(@TempDir Path dir) throws Exception {
        maven(dir);
        Facts facts = scan(dir);

        assertThat(facts.get(BuildModuleFacts.class).unlisted()).extracting(BuildModule::buildFile,
                BuildModule::line, BuildModule::aggregator, BuildModule::aggregatorLine, BuildModule::commentedOut)
                .containsExactly(tuple("billing-soap/pom.xml", 9, "pom.xml", 9, 12),
                        tuple("legacy-importer/pom.xml", 9, "pom.xml", 9, 0));

        CheckResult r = run(facts);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("billing-soap/, legacy-importer/ have build files of their own"
                    + " that the project's build does not list, and no CI definition or build script builds them:"
                    + " code outside the build, that nobody compiles or tests when the rest changes.");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    tuple("pom.xml", 12), tuple("billing-soap/pom.xml", 9),
                    tuple("pom.xml", 9), tuple("legacy-importer/pom.xml", 9));
            assertThat(f.evidence().get(0).note()).contains("commented out");
        });
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void aModuleThatCiBuildsByNameIsNotOutsideTheBuild(@TempDir Path dir) throws Exception {
        maven(dir);
        write(dir, ".github/workflows/ci.yml", """
                name: ci
                on: [push, pull_request]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: mvn -B verify
                      - name: legacy importer
                        run: mvn -B -f legacy-importer/pom.xml verify
                """);
        write(dir, "eng/build-soap.sh", "#!/bin/sh\nset -e\ncd ./billing-soap\nmvn -B package\n");
        Facts facts = scan(dir);

        assertThat(facts.get(BuildModuleFacts.class).unlisted()).extracting(BuildModule::buildFile,
                BuildModule::builtBy).containsExactly(
                        tuple("billing-soap/pom.xml", java.util.List.of("eng/build-soap.sh:3")),
                        tuple("legacy-importer/pom.xml", java.util.List.of(".github/workflows/ci.yml:10")));
        CheckResult r = run(facts);
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void gradleProjectsTheSettingsDoNotInclude(@TempDir Path dir) throws Exception {
        write(dir, "settings.gradle.kts", """
                rootProject.name = "shop"

                include(
                    ":app",
                    ":lib:core",
                )
                includeBuild("build-logic")
                """);
        write(dir, "build.gradle.kts", "plugins { base }\n");
        write(dir, "app/build.gradle.kts", "plugins { application }\n");
        write(dir, "lib/core/build.gradle.kts", "plugins { `java-library` }\n");
        write(dir, "build-logic/build.gradle.kts", "plugins { `kotlin-dsl` }\n");
        write(dir, "lib/old-payments/build.gradle", "apply plugin: 'java'\n");
        // Gradle builds buildSrc without an include
        write(dir, "buildSrc/build.gradle.kts", "plugins { `kotlin-dsl` }\n");

        CheckResult r = run(scan(dir));

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("lib/old-payments/ has a build file of its own that the project's"
                    + " build does not list");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    tuple("settings.gradle.kts", 3), tuple("lib/old-payments/build.gradle", 1));
        });
    }

    @Test
    void aStandaloneBuildNothingBuildsIsReportedAndSamplesAreNot(@TempDir Path dir) throws Exception {
        write(dir, "pom.xml", module("worker"));
        write(dir, "warmup-function/pom.xml", module("warmup"));
        // the module's own script names it, but builds nothing from outside
        write(dir, "warmup-function/tools/package.sh", "#!/bin/sh\necho 'run me from warmup-function'\n");
        write(dir, "samples/spring-example/pom.xml", module("spring-example"));
        write(dir, "endtoendtests/pom.xml", module("e2e"));
        write(dir, "eng/ci/templates/jobs/run-e2e-tests.yml", """
                steps:
                  - pwsh: |
                      cd ./endtoendtests
                      mvn clean package
                    displayName: 'Build end-to-end tests'
                """);

        CheckResult r = run(scan(dir));

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("warmup-function/ is a build of its own, and no CI definition or build"
                    + " script builds it");
            assertThat(f.evidence()).extracting(Evidence::path).containsExactly("warmup-function/pom.xml");
        });
    }

    @Test
    void anUnclosedModulesBlockIsOneProblemAndTheRestIsRead(@TempDir Path dir) throws Exception {
        maven(dir);
        write(dir, "billing-web/pom.xml", """
                <project>
                  <artifactId>billing-web</artifactId>
                  <modules>
                    <module>web-admin</module>
                </project>
                """);
        write(dir, "billing-web/web-admin/pom.xml", module("web-admin"));
        Facts facts = scan(dir);

        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("billing-web/pom.xml");
            assertThat(p.line()).isEqualTo(3);
        });
        assertThat(facts.get(BuildModuleFacts.class).unlisted()).extracting(BuildModule::buildFile)
                .contains("legacy-importer/pom.xml", "billing-web/web-admin/pom.xml");
    }

    @Test
    void noBuildFileIsNotAssessed(@TempDir Path dir) throws Exception {
        write(dir, "main.tf", "terraform {}\n");

        CheckResult r = run(scan(dir));

        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.findings()).isEmpty();
    }
}
