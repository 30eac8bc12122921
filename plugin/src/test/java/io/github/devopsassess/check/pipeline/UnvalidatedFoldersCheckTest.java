package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.PathFilter;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.TreeScanner;
import io.github.devopsassess.scan.pipeline.PipelineScanner;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path filters of GitHub workflows that leave code folders out of every build on the default branch. */
class UnvalidatedFoldersCheckTest {

    /** A Terraform module's branch workflow in the shape many module repositories use. */
    private static final String BRANCH = """
            ---
            name: Branch
            on:
              pull_request:
                branches:
                  - main
                  - release/**
                types: [opened, synchronize, reopened, labeled, unlabeled]
              push:
                branches:
                  - main
                  - release/v*
                paths-ignore:
                  - '.github/**'
                  - 'docs/**'
                  - 'examples/**'
                  - 'test/**'
                  - 'README.md'

            permissions: {}

            jobs:
              terraform-module:
                uses: acme/.github/.github/workflows/shared-terraform-module.yml@main
                secrets: inherit
            """;

    private static void write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A module with examples, Go tests and docs. */
    private static void module(Path dir) throws IOException {
        write(dir, "main.tf", "resource \"aws_eks_cluster\" \"default\" {\n  name = var.name\n}\n");
        write(dir, "modules/node-group/main.tf", "resource \"aws_eks_node_group\" \"default\" {}\n");
        write(dir, "examples/complete/main.tf", "module \"eks\" {\n  source = \"../../\"\n}\n");
        write(dir, "examples/obsolete-version2/main.tf", "module \"eks\" {\n  source = \"../../\"\n}\n");
        write(dir, "test/src/examples_complete_test.go", "package test\n\nfunc TestExamplesComplete() {}\n");
        write(dir, "docs/migration.md", "# Migration\n");
        write(dir, "docs/img/arch.png", "png");
    }

    private static Facts scan(Path dir) {
        ScanOptions d = ScanOptions.defaults();
        ScanOptions options = new ScanOptions(d.botPatterns(), false, false, d.maxFileSize());
        Facts.Builder facts = Facts.builder();
        ScanContext context = new ScanContext(new WorkingTree(dir, "", d.maxFileSize()), null, "no history", options,
                s -> { });
        new TreeScanner().scan(context, facts);
        new PipelineScanner().scan(context, facts);
        return facts.build();
    }

    private static CheckResult run(Facts facts) throws Exception {
        CheckSettings settings = new CheckSettings(new RubricLoader(UnvalidatedFoldersCheckTest.class
                .getClassLoader()).loadDefault().checks().get(UnvalidatedFoldersCheck.ID));
        return CheckRunner.evaluate(new UnvalidatedFoldersCheck(), facts, settings);
    }

    @Test
    void pushFiltersAreReadWithTheirLines(@TempDir Path dir) throws Exception {
        module(dir);
        write(dir, ".github/workflows/branch.yml", BRANCH);
        Facts facts = scan(dir);

        Trigger push = facts.get(PipelineFacts.class).workflow(".github/workflows/branch.yml").orElseThrow()
                .triggers().stream().filter(t -> t.event().equals("push")).findFirst().orElseThrow();
        PathFilter filter = push.filter();
        assertThat(filter.branches()).containsExactly("main", "release/v*");
        assertThat(filter.pathsIgnore()).containsExactly(".github/**", "docs/**", "examples/**", "test/**",
                "README.md");
        assertThat(filter.at().line()).isEqualTo(13);
        assertThat(filter.runsOn("main")).isTrue();
        assertThat(filter.runsOn("feature/x")).isFalse();
        assertThat(filter.admits("main.tf")).isTrue();
        assertThat(filter.admits("examples/complete/main.tf")).isFalse();
        assertThat(filter.admits("README.md")).isFalse();
        assertThat(filter.admits("modules/README.md")).isTrue(); // 'README.md' names the top-level file only
    }

    @Test
    void foldersLeftOutOfThePushButCheckedOnEveryPullRequestAreADeliberateChoice(@TempDir Path dir) throws Exception {
        module(dir);
        write(dir, ".github/workflows/branch.yml", BRANCH);

        CheckResult r = run(scan(dir));

        // test/ is checked before every merge; examples/ holds no product code: neither is exempt legacy code
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.summary()).isEqualTo("2 code folders, each built on the default branch or on every pull"
                + " request; not judged: test/ (left out of the push build, but checked on every pull request before"
                + " merge)");
    }

    @Test
    void examplesFixturesAndGeneratedCodeAreNotJudgedButProductCodeIs(@TempDir Path dir) throws Exception {
        write(dir, "go.mod", "module example.com/svc\n");
        write(dir, "cmd/svc/main.go", "package main\n\nfunc main() {}\n");
        write(dir, "samples/client/main.go", "package main\n");
        write(dir, "fixtures/db/seed.sql", "insert into t values (1);\n");
        write(dir, "generated/api/client.go", "package api\n");
        write(dir, "tools/migrate/main.go", "package main\n");
        write(dir, ".github/workflows/ci.yml", """
                name: ci
                on:
                  push:
                    branches: [main]
                    paths: ['cmd/**', 'go.mod']
                  pull_request:
                    paths: ['cmd/**', 'go.mod']
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: go test ./...
                """);

        CheckResult r = run(scan(dir));

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).contains("a change only to tools/ starts no pipeline at all")
                    .doesNotContain("samples/").doesNotContain("fixtures/").doesNotContain("generated/");
        });
    }

    @Test
    void aFolderNoPipelineBuildsAtAllFails(@TempDir Path dir) throws Exception {
        write(dir, "pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>\n");
        write(dir, "service/src/main/java/App.java", "class App {}\n");
        write(dir, "legacy-batch/src/main/java/Batch.java", "class Batch {}\n");
        write(dir, ".github/workflows/ci.yml", """
                name: CI
                on:
                  push:
                    branches: [ master ]
                    paths:
                      - 'service/**'
                      - 'pom.xml'
                  pull_request:
                    paths:
                      - 'service/**'
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: mvn -B verify -pl service
                """);

        CheckResult r = run(scan(dir));

        // one of two code folders is never built: the finding has the check's full severity, the score halves
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).contains("a change only to legacy-batch/ starts no pipeline at all, not even"
                    + " on a pull request").doesNotContain("service/,").doesNotContain("to service/");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(5);
        });
    }

    @Test
    void aFolderAnotherWorkflowBuildsIsCovered(@TempDir Path dir) throws Exception {
        module(dir);
        write(dir, ".github/workflows/branch.yml", BRANCH);
        write(dir, ".github/workflows/examples.yml", """
                name: examples
                on:
                  push:
                    branches: [main]
                    paths: ['examples/**', 'test/**', '!examples/**/*.md']
                jobs:
                  terratest:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: make -C test/src
                """);

        CheckResult r = run(scan(dir));

        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void ignoringOnlyDocumentsIsFine(@TempDir Path dir) throws Exception {
        module(dir);
        write(dir, ".github/workflows/ci.yml", """
                name: ci
                on:
                  push:
                    branches: [main]
                    paths-ignore: ['docs/**', '**.md']
                  pull_request:
                jobs:
                  validate:
                    runs-on: ubuntu-latest
                    steps:
                      - run: terraform validate
                """);

        CheckResult r = run(scan(dir));

        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aMalformedPatternIsOneProblemAtItsLineAndTheRestIsRead(@TempDir Path dir) throws Exception {
        module(dir);
        write(dir, ".github/workflows/ci.yml", """
                name: ci
                on:
                  push:
                    branches: [main]
                    paths-ignore:
                      - 'examples/{complete'
                      - 'test/**'
                jobs:
                  validate:
                    runs-on: ubuntu-latest
                    steps:
                      - run: terraform validate
                """);
        Facts facts = scan(dir);

        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(".github/workflows/ci.yml");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("examples/{complete");
        });
        CheckResult r = run(facts);
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("a change only to test/ starts no pipeline").doesNotContain("examples/"));
    }
}
