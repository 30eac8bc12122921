package io.github.devopsassess.check.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.build.ModuleTests;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.build.ModuleTestsScanner;
import io.github.devopsassess.scan.pipeline.PipelineScanner;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build modules with source files and no test at all, and the modules whose tests are elsewhere or in CI. */
class UntestedCodeCheckTest {

    private static void write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /**
     * A payments service: a tested Maven module, a tested npm front end, a tested Go worker, an untested Python
     * importer, and an example and generated code that are not judged.
     */
    private static void repository(Path dir) throws IOException {
        write(dir, "pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example.payments</groupId>
                  <artifactId>payments-api</artifactId>
                  <version>1.4.0-SNAPSHOT</version>
                </project>
                """);
        for (String c : new String[] {"PaymentController", "PaymentService", "LedgerClient", "Refunds"}) {
            write(dir, "src/main/java/com/example/payments/" + c + ".java",
                    "package com.example.payments;\n\npublic class " + c + " {\n}\n");
        }
        write(dir, "src/test/java/com/example/payments/RefundsTest.java",
                "package com.example.payments;\n\nclass RefundsTest {\n}\n");

        write(dir, "web/package.json", """
                {
                  "name": "payments-web",
                  "version": "0.3.0",
                  "scripts": { "build": "vite build", "test": "vitest run" }
                }
                """);
        write(dir, "web/vite.config.ts", "export default {}\n");
        for (String c : new String[] {"main", "api", "checkout"}) {
            write(dir, "web/src/" + c + ".ts", "export const " + c + " = 1;\n");
        }
        write(dir, "web/src/checkout.spec.ts", "import { checkout } from './checkout';\n");

        write(dir, "worker/go.mod", "module example.com/payments/worker\n\ngo 1.22\n");
        for (String c : new String[] {"main", "queue", "retry"}) {
            write(dir, "worker/" + c + ".go", "package main\n");
        }
        write(dir, "worker/retry_test.go", "package main\n");

        write(dir, "tools/importer/pyproject.toml", """
                [project]
                name = "ledger-importer"
                version = "0.1.0"
                """);
        write(dir, "tools/importer/importer/__init__.py", "");
        for (String c : new String[] {"cli", "csv_reader", "ledger", "mapping"}) {
            write(dir, "tools/importer/importer/" + c + ".py", "def run():\n    pass\n");
        }

        // not judged: the build's own logic, an example and generated client code
        write(dir, "buildSrc/build.gradle.kts", "plugins { `kotlin-dsl` }\n");
        for (String c : new String[] {"Conventions", "Publishing", "Versions"}) {
            write(dir, "buildSrc/src/main/kotlin/" + c + ".kt", "object " + c + "\n");
        }
        write(dir, "examples/checkout-demo/package.json", "{ \"name\": \"checkout-demo\" }\n");
        for (String c : new String[] {"a", "b", "c", "d"}) {
            write(dir, "examples/checkout-demo/" + c + ".js", "console.log(1)\n");
        }
        write(dir, "clients/generated/package.json", "{ \"name\": \"payments-client\" }\n");
        for (String c : new String[] {"a", "b", "c"}) {
            write(dir, "clients/generated/" + c + ".ts", "export {}\n");
        }

        write(dir, "admin/package.json", "{\n  \"name\": \"payments-admin\",\n  \"private\": true\n}\n");
        for (String c : new String[] {"users", "refunds", "audit"}) {
            write(dir, "admin/src/" + c + ".tsx", "export const " + c + " = () => null;\n");
        }
    }

    private static Facts scan(Path dir) {
        ScanOptions d = ScanOptions.defaults();
        ScanOptions options = new ScanOptions(d.botPatterns(), false, false, d.maxFileSize());
        ScanContext context = new ScanContext(new WorkingTree(dir, "", d.maxFileSize()), null, "no history", options,
                s -> { });
        Facts.Builder facts = Facts.builder();
        new PipelineScanner().scan(context, facts);
        new ModuleTestsScanner().scan(context, facts);
        return facts.build();
    }

    private static CheckResult run(Facts facts) throws Exception {
        CheckSettings settings = new CheckSettings(new RubricLoader(UntestedCodeCheckTest.class.getClassLoader())
                .loadDefault().checks().get(UntestedCodeCheck.ID));
        return CheckRunner.evaluate(new UntestedCodeCheck(), facts, settings);
    }

    @Test
    void aModuleWithSourcesAndNoTestAtAllIsReportedWithItsCount(@TempDir Path dir) throws Exception {
        repository(dir);
        Facts facts = scan(dir);

        assertThat(facts.get(ModuleTests.class).modules()).extracting(ModuleTests.Module::folder,
                ModuleTests.Module::kind, ModuleTests.Module::sources, ModuleTests.Module::tests).containsExactly(
                        tuple("", "maven", 4, 1),
                        tuple("admin", "npm", 3, 0),
                        tuple("tools/importer", "python", 4, 0),
                        tuple("web", "npm", 3, 1),
                        tuple("worker", "go", 3, 1));

        CheckResult r = run(facts);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("admin/ (npm, 3 source files), tools/importer/ (python,"
                    + " 4 source files) have no test file at all, and no pipeline step runs their kind of tests:"
                    + " code that no change is tested against.");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    tuple("admin/package.json", 1), tuple("tools/importer/pyproject.toml", 1));
        });
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void aPipelineStepThatRunsTheModulesKindOfTestsCountsAndSkippedTestsDoNot(@TempDir Path dir) throws Exception {
        repository(dir);
        write(dir, ".github/workflows/ci.yml", """
                name: ci
                on: [push, pull_request]
                jobs:
                  importer:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: importer checks
                        working-directory: tools/importer
                        run: |
                          pip install -e .[dev]
                          pytest -q
                  client:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: mvn -B -DskipTests package
                """);
        Facts facts = scan(dir);

        assertThat(facts.get(ModuleTests.class).modules()).filteredOn(m -> m.kind().equals("python"))
                .singleElement().satisfies(m -> assertThat(m.testedBy()).containsExactly(".github/workflows/ci.yml:8"));
        CheckResult r = run(facts);

        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("admin/ (npm, 3 source files) has no test file at all"));
    }

    @Test
    void aTestedRepositoryPassesAndTinyModulesAreNotJudged(@TempDir Path dir) throws Exception {
        repository(dir);
        write(dir, "tools/importer/tests/test_mapping.py", "def test_mapping():\n    assert True\n");
        write(dir, "admin/src/__tests__/refunds.test.tsx", "test('refunds', () => {})\n");
        write(dir, "scripts/release/package.json", "{ \"name\": \"release-scripts\" }\n");
        write(dir, "scripts/release/bump.js", "console.log('bump')\n");

        CheckResult r = run(scan(dir));

        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.summary()).startsWith("5 modules with source files; each has test files");
    }

    @Test
    void aMalformedPackageJsonIsOneProblemAndTheModuleIsStillCounted(@TempDir Path dir) throws Exception {
        repository(dir);
        write(dir, "admin/package.json", """
                {
                  "name": "payments-admin",
                  "version": "1.0.0"
                  "main": "index.js"
                }
                """);
        Facts facts = scan(dir);

        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("admin/package.json");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("not valid JSON");
        });
        assertThat(facts.get(ModuleTests.class).modules()).extracting(ModuleTests.Module::folder)
                .contains("admin");
    }

    @Test
    void noBuildModuleIsNotAssessed(@TempDir Path dir) throws Exception {
        write(dir, "main.tf", "terraform {}\n");

        CheckResult r = run(scan(dir));

        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
