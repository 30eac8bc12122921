package io.github.devopsassess.check.environment;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.environment.CiRuntimePinsScanner;
import io.github.devopsassess.scan.environment.EnvironmentFixtures;
import io.github.devopsassess.scan.pipeline.PipelineScanner;
import io.github.devopsassess.source.WorkingTree;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The Node.js version frontend-maven-plugin installs for a Maven build, and a workflow's {@code NODE_VERSION}
 * variable, are runtime pins compared like the others: CI on Node 20 while the build installs Node 24 is drift.
 */
class RuntimeDriftBuildNodeTest {

    private static final String WORKFLOW = """
            name: Application CI
            on: [push, pull_request]
            jobs:
                pipeline:
                    name: sample pipeline
                    runs-on: ubuntu-latest
                    timeout-minutes: 40
                    env:
                        NODE_VERSION: 20.15.0
                        SPRING_OUTPUT_ANSI_ENABLED: DETECT
                    steps:
                        - uses: actions/checkout@v4
                        - uses: actions/setup-node@v4
                          with:
                              node-version: 20.15.0
                        - name: Install node.js packages
                          run: npm install
                        - name: Run backend test
                          run: npm run ci:backend:test
            """;

    private static String pom(String nodeVersion) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>com.example</groupId>
                    <artifactId>sample</artifactId>
                    <version>0.0.1-SNAPSHOT</version>
                    <properties>
                        <node.version>%s</node.version>
                        <npm.version>11.18.0</npm.version>
                    </properties>
                    <build>
                        <plugins>
                            <plugin>
                                <groupId>com.github.eirslett</groupId>
                                <artifactId>frontend-maven-plugin</artifactId>
                                <configuration>
                                    <installDirectory>target</installDirectory>
                                    <nodeVersion>${node.version}</nodeVersion>
                                    <npmVersion>${npm.version}</npmVersion>
                                </configuration>
                            </plugin>
                        </plugins>
                    </build>
                </project>
                """.formatted(nodeVersion);
    }

    private static CheckResult judge(Path dir, String nodeVersion) throws Exception {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/github-actions.yml"), WORKFLOW);
        Files.writeString(dir.resolve("pom.xml"), pom(nodeVersion));
        Facts.Builder builder = Facts.builder();
        ScanOptions options = ScanOptions.defaults();
        ScanContext context = new ScanContext(new WorkingTree(dir, "", options.maxFileSize()), null, "no history",
                options, s -> { });
        new PipelineScanner().scan(context, builder);
        new CiRuntimePinsScanner().scan(context, builder);
        Facts facts = EnvironmentFixtures.scanFolder(dir, builder);
        return CheckRunner.evaluate(new RuntimeDriftCheck(), facts,
                EnvironmentFixtures.settings(RuntimeDriftCheck.ID));
    }

    @Test
    void ciOnNode20WhileTheMavenBuildInstallsNode24IsMajorDrift(@TempDir Path dir) throws Exception {
        CheckResult r = judge(dir, "v24.18.0");

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("runtime node");
            assertThat(f.message()).startsWith("Node is pinned at different major versions")
                    .contains("20.15.0 (ci .github/workflows/github-actions.yml)").contains("24.18.0 (build pom.xml)");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).contains(
                    tuple(".github/workflows/github-actions.yml", 9), tuple(".github/workflows/github-actions.yml", 15),
                    tuple("pom.xml", 8));
        });
    }

    @Test
    void theSameNodeInCiAndBuildIsNotDrift(@TempDir Path dir) throws Exception {
        CheckResult r = judge(dir, "v20.15.0");

        assertThat(r.findings()).extracting(Finding::subject).isEmpty();
        assertThat(r.summary()).isEqualTo("0 of 1 runtime pinned in several places disagree");
    }

    @Test
    void aDocsJobsNodeVariableIsNoPinOfTheProduct(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/generate-docs.yml"), """
                name: Generate documentation
                on:
                  push:
                    branches:
                      - main
                env:
                  NODE_VERSION: 18
                jobs:
                  publish-docs:
                    runs-on: ubuntu-24.04
                    steps:
                      - uses: actions/checkout@v4
                      - uses: actions/setup-node@v4
                        with:
                          node-version: ${{ env.NODE_VERSION }}
                      - name: Generate documentation
                        run: npm run docs:build
                """);

        CheckResult r = judge(dir, "v20.15.0");

        // the documentation is built on Node 18; the product's tests and build agree on Node 20
        assertThat(r.findings()).extracting(Finding::subject).isEmpty();
    }
}
