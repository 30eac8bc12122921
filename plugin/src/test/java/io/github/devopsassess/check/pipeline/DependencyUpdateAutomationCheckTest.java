package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.DependencyUpdates;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependabot and Renovate configurations read, and compared with the ecosystems in the tree. */
class DependencyUpdateAutomationCheckTest {

    private static final String WORKFLOW = """
            name: ci
            on: [push]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: mvn -B verify
              deploy:
                needs: build
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: ./deploy.sh production
            """;

    private static CheckResult run(Facts facts) throws Exception {
        CheckSettings settings = new CheckSettings(new RubricLoader(DependencyUpdateAutomationCheckTest.class
                .getClassLoader()).loadDefault().checks().get(DependencyUpdateAutomationCheck.ID));
        return CheckRunner.evaluate(new DependencyUpdateAutomationCheck(), facts, settings);
    }

    private static void write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A Maven service with a web front end, a Go tool, Terraform, a Dockerfile and a workflow. */
    private static void tree(Path dir) throws IOException {
        write(dir, "pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>\n");
        write(dir, "web/package.json", "{ \"name\": \"web\", \"dependencies\": { \"react\": \"18.2.0\" } }\n");
        write(dir, "tools/migrate/go.mod", "module example.com/migrate\n\ngo 1.22\n");
        write(dir, "infra/main.tf", "terraform {\n  required_version = \">= 1.6\"\n}\n");
        write(dir, "infra/variables.tf", "variable \"region\" {}\n");
        write(dir, "Dockerfile", "FROM eclipse-temurin:21-jre\n");
        write(dir, ".github/workflows/ci.yml", WORKFLOW);
    }

    @Test
    void dependabotWithAMissingDirectoryAndUncoveredEcosystems(@TempDir Path dir) throws Exception {
        tree(dir);
        write(dir, ".github/dependabot.yml", """
                version: 2
                updates:
                  - package-ecosystem: "maven"
                    directory: "/"
                    schedule:
                      interval: "weekly"
                  - package-ecosystem: "npm"
                    directory: "/frontend"
                    schedule:
                      interval: "weekly"
                  - package-ecosystem: "docker"
                    directories:
                      - "/"
                    schedule:
                      interval: "weekly"
                  - package-ecosystem: "github-actions"
                    directory: "/"
                    schedule:
                      interval: "monthly"
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        DependencyUpdates updates = facts.find(DependencyUpdates.class).orElseThrow();
        assertThat(updates.configs()).singleElement().satisfies(c -> assertThat(c.entries())
                .extracting(DependencyUpdates.Entry::ecosystem, DependencyUpdates.Entry::directory,
                        DependencyUpdates.Entry::line, DependencyUpdates.Entry::exists)
                .containsExactly(tuple("maven", "", 4, true), tuple("npm", "frontend", 8, false),
                        tuple("docker", "", 13, true), tuple("github-actions", "", 17, true)));
        assertThat(updates.manifests()).extracting(DependencyUpdates.Manifest::ecosystem).containsExactly(
                "docker", "github-actions", "gomod", "maven", "npm", "terraform");

        CheckResult r = run(facts);

        // the directory that does not exist is a finding; the ecosystems left out are stated, not reported (teams
        // restrict the bot on purpose, and on real repositories the rest was updated anyway or a test harness)
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("dependency-updates:missing-directory");
        assertThat(r.findings().get(0).evidence()).containsExactly(Evidence.line(".github/dependabot.yml", 8)
                .withNote("npm /frontend"));
        assertThat(r.summary()).contains("not in the configuration: gomod (1 manifest, e.g. tools/migrate/go.mod),"
                + " npm (1 manifest, e.g. web/package.json), terraform (1 manifest, e.g. infra/main.tf)")
                .doesNotContain("maven (");
        assertThat(r.summary()).contains("cover 3 of 6 ecosystems");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void renovateJson5DisabledIsAFindingAtItsLine(@TempDir Path dir) throws Exception {
        tree(dir);
        write(dir, "renovate.json5", """
                {
                  $schema: 'https://docs.renovatebot.com/renovate-schema.json',
                  // paused while we migrate to the monorepo
                  extends: ['config:recommended'],
                  enabled: false,
                }
                """);
        CheckResult r = run(PipelineFixtures.scanFolder(dir, List.of()));

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("dependency-updates:disabled");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine)
                    .containsExactly(tuple("renovate.json5", 5));
        });
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void renovateWithoutEnabledManagersCoversEverythingAndWithThemOnlyThose(@TempDir Path dir) throws Exception {
        tree(dir);
        write(dir, ".github/renovate.json", """
                {
                  "extends": ["config:recommended", ":dependencyDashboard"],
                  "labels": ["dependencies"]
                }
                """);
        CheckResult all = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(all.status()).isEqualTo(CheckStatus.PASS);
        assertThat(all.summary()).contains("cover 6 of 6 ecosystems");

        write(dir, ".github/renovate.json", """
                {
                  "extends": ["config:recommended"],
                  "enabledManagers": ["maven", "dockerfile", "github-actions", "npm", "gomod"]
                }
                """);
        CheckResult some = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(some.findings()).isEmpty();
        assertThat(some.summary()).contains("not in the configuration: terraform (1 manifest, e.g. infra/main.tf)")
                .doesNotContain("npm (");
    }

    @Test
    void aPresetFromAnotherRepositoryMakesCoverageUnknownNotUncovered(@TempDir Path dir) throws Exception {
        tree(dir);
        write(dir, "renovate.json", """
                {
                  "$schema": "https://docs.renovatebot.com/renovate-schema.json",
                  "extends": [
                    "config:recommended",
                    "github>example-org/renovate-config",
                    "local>example-org/.github:renovate-config"
                  ]
                }
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        DependencyUpdates.Config config = facts.find(DependencyUpdates.class).orElseThrow().configs().get(0);
        assertThat(config.unreadablePresets()).containsExactly("github>example-org/renovate-config",
                "local>example-org/.github:renovate-config");

        CheckResult r = run(facts);

        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).startsWith("unknown, because the presets github>example-org/renovate-config,"
                + " local>example-org/.github:renovate-config are not in this repository")
                .contains("cover 6 of 6 ecosystems");

        // with enabledManagers of its own, a preset cannot widen or narrow the managers: coverage is known
        write(dir, "renovate.json", """
                {
                  "extends": ["github>example-org/renovate-config"],
                  "enabledManagers": ["maven", "dockerfile", "github-actions", "npm", "gomod", "terraform"]
                }
                """);
        CheckResult known = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(known.status()).isEqualTo(CheckStatus.PASS);
        assertThat(known.summary()).contains("cover 6 of 6 ecosystems").doesNotContain("unknown");
    }

    @Test
    void builtInPresetsAreKnownAndDisableRenovateOrDockerWhereTheySaySo(@TempDir Path dir) throws Exception {
        tree(dir);
        write(dir, "renovate.json", """
                {
                  "extends": ["config:base", ":semanticCommits", "docker:disable", "schedule:weekly"]
                }
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        DependencyUpdates.Config config = facts.find(DependencyUpdates.class).orElseThrow().configs().get(0);
        assertThat(config.unreadablePresets()).isEmpty();
        assertThat(config.exclusions()).extracting(DependencyUpdates.Exclusion::ecosystem,
                DependencyUpdates.Exclusion::line, DependencyUpdates.Exclusion::written)
                .containsExactly(tuple("docker", 2, "extends: docker:disable"));
        CheckResult r = run(facts);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("dependency-updates:excluded:docker");

        write(dir, "renovate.json", """
                {
                  "extends": [
                    "config:recommended",
                    ":disableRenovate"
                  ]
                }
                """);
        CheckResult off = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(off.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("dependency-updates:disabled");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine)
                    .containsExactly(tuple("renovate.json", 4));
        });
    }

    @Test
    void perManagerIgnorePathsAndEnabledFalseAreExclusionsOfThatEcosystem(@TempDir Path dir) throws Exception {
        tree(dir);
        // a generated context.tf beside main.tf: ignoring it leaves the module covered
        write(dir, "infra/context.tf", "variable \"context\" {}\n");
        write(dir, "examples/obsolete-v1/main.tf", "module \"x\" {\n  source = \"../..\"\n}\n");
        write(dir, ".github/renovate.json", """
                {
                  "extends": ["config:recommended"],
                  "terraform": {
                    "ignorePaths": ["**/context.tf", "**/examples/obsolete*/**"]
                  },
                  "maven": {
                    "enabled": false
                  },
                  "docker-compose": {
                    "enabled": false
                  }
                }
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        DependencyUpdates.Config config = facts.find(DependencyUpdates.class).orElseThrow().configs().get(0);
        // docker-compose is one of docker's managers: switching it off does not leave Dockerfiles out
        assertThat(config.exclusions()).extracting(DependencyUpdates.Exclusion::ecosystem,
                DependencyUpdates.Exclusion::paths, DependencyUpdates.Exclusion::line).containsExactly(
                        tuple("terraform", List.of("**/context.tf"), 4),
                        tuple("terraform", List.of("**/examples/obsolete*/**"), 4),
                        tuple("maven", List.of(), 7));

        CheckResult r = run(facts);

        assertThat(r.findings()).extracting(Finding::subject).containsExactly("dependency-updates:excluded:maven");
        assertThat(r.findings().get(0).message()).contains("maven.enabled: false at .github/renovate.json:7");
        assertThat(r.summary()).contains("terraform (1 manifest, e.g. examples/obsolete-v1/main.tf, by"
                + " terraform.ignorePaths: **/examples/obsolete*/** at .github/renovate.json:4)");
        assertThat(facts.find(DependencyUpdates.class).orElseThrow().manifests())
                .contains(new DependencyUpdates.Manifest("terraform", "infra/main.tf"));
    }

    @Test
    void aMalformedDependabotFileIsOneProblemWithItsLineAndCoverageIsUnknown(@TempDir Path dir) throws Exception {
        tree(dir);
        write(dir, ".github/dependabot.yml", """
                version: 2
                updates:
                  - package-ecosystem: "maven"
                    directory: "/"
                   schedule:
                      interval: "weekly"
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());

        assertThat(facts.problems()).extracting(ParseProblem::path).containsExactly(".github/dependabot.yml");
        assertThat(facts.problems().get(0).line()).isBetween(4, 6);
        CheckResult r = run(facts);
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).contains("unknown, because", ".github/dependabot.yml");
    }

    @Test
    void aMalformedRenovateFileIsOneProblemWithItsLineAndADependabotFileBesideItStillCounts(@TempDir Path dir)
            throws Exception {
        tree(dir);
        write(dir, "renovate.json", """
                {
                  "extends": ["config:recommended"]
                  "enabledManagers": ["maven"]
                }
                """);
        write(dir, ".github/dependabot.yml", """
                version: 2
                updates:
                  - package-ecosystem: "maven"
                    directory: "/"
                    schedule:
                      interval: "daily"
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());

        assertThat(facts.problems()).extracting(ParseProblem::path).containsExactly("renovate.json");
        assertThat(facts.problems().get(0).line()).isBetween(2, 3);
        CheckResult r = run(facts);
        // the readable Dependabot file is judged: maven only
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).contains("npm (", "terraform (").doesNotContain("maven (");
    }

    @Test
    void withoutConfigurationRenovateAnnotationsCountAndOneManifestIsOnlyAWarning(@TempDir Path dir)
            throws Exception {
        write(dir, "Dockerfile", """
                # renovate: datasource=docker depName=eclipse-temurin
                ARG JAVA_IMAGE=eclipse-temurin:21.0.2_13-jre
                FROM ${JAVA_IMAGE}
                """);
        CheckResult annotated = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(annotated.status()).isEqualTo(CheckStatus.PASS);
        assertThat(annotated.summary()).contains("Renovate", "Dockerfile");

        write(dir, "Dockerfile", "FROM eclipse-temurin:21.0.2_13-jre\n");
        CheckResult nothingDeployed = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(nothingDeployed.assessed()).isFalse();
        assertThat(nothingDeployed.summary()).contains("no pipeline here deploys to production");

        write(dir, ".gitlab-ci.yml", """
                deploy-production:
                  stage: deploy
                  environment: production
                  script: ./deploy.sh
                """);
        CheckResult one = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(one.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("1 manifest of docker is updated"));
        assertThat(one.status()).isEqualTo(CheckStatus.WARN);

        tree(dir);
        CheckResult many = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(many.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(many.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("docker, github-actions, gomod, maven, npm, terraform"));
    }

    @Test
    void renovateIgnorePathsAndDisabledPackageRulesAreExcludedWithTheirLines(@TempDir Path dir) throws Exception {
        tree(dir);
        write(dir, "charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n");
        write(dir, "charts/app-config/image-tags/Dockerfile", "FROM busybox:1.36\n");
        write(dir, "renovate.json", """
                {
                  "$schema": "https://docs.renovatebot.com/renovate-schema.json",
                  "extends": ["config:recommended"],
                  "ignorePaths": [
                    "charts/app-config/image-tags/**"
                  ],
                  "packageRules": [
                    {
                      "matchManagers": ["terraform"],
                      "enabled": false
                    },
                    {
                      "matchFileNames": ["tools/**"],
                      "enabled": false
                    },
                    {
                      "matchPackageNames": ["react"],
                      "matchUpdateTypes": ["major"],
                      "enabled": false
                    }
                  ]
                }
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        DependencyUpdates.Config config = facts.find(DependencyUpdates.class).orElseThrow().configs().get(0);
        // the rule on one package and its major updates leaves no ecosystem out
        assertThat(config.exclusions()).extracting(DependencyUpdates.Exclusion::ecosystem,
                DependencyUpdates.Exclusion::paths, DependencyUpdates.Exclusion::line).containsExactly(
                        tuple(null, List.of("charts/app-config/image-tags/**"), 5),
                        tuple("terraform", List.of(), 10),
                        tuple(null, List.of("tools/**"), 14));

        CheckResult r = run(facts);

        // Terraform, which provisions production, and the Go tool are left out entirely: a finding each, at the
        // line of what leaves them out
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("dependency-updates:excluded:gomod",
                "dependency-updates:excluded:terraform");
        assertThat(r.findings().get(1)).satisfies(f -> {
            assertThat(f.subject()).isEqualTo("dependency-updates:excluded:terraform");
            assertThat(f.message()).contains("leaves every terraform manifest out (1 manifest, e.g. infra/main.tf)")
                    .contains("packageRules enabled: false (matchManagers: terraform) at renovate.json:10");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine)
                    .containsExactly(tuple("renovate.json", 10), tuple("infra/main.tf", null));
        });
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        // one Dockerfile of two: excluded, said where, not reported
        assertThat(r.summary()).contains("excluded by the configuration: docker (1 manifest, e.g."
                + " charts/app-config/image-tags/Dockerfile, by ignorePaths: charts/app-config/image-tags/** at"
                + " renovate.json:5)")
                .contains("gomod (1 manifest, e.g. tools/migrate/go.mod, by packageRules enabled: false"
                        + " (matchFileNames: tools/**) at renovate.json:14)");
    }

    @Test
    void dependabotIgnoringEveryDependencyOrOpeningNoPullRequestExcludesItsEcosystem(@TempDir Path dir)
            throws Exception {
        tree(dir);
        write(dir, ".github/dependabot.yml", """
                version: 2
                updates:
                  - package-ecosystem: "maven"
                    directory: "/"
                    schedule:
                      interval: "weekly"
                    ignore:
                      - dependency-name: "org.springframework.boot:*"
                        update-types: ["version-update:semver-major"]
                  - package-ecosystem: "docker"
                    directory: "/"
                    schedule:
                      interval: "weekly"
                    ignore:
                      - dependency-name: "*"
                  - package-ecosystem: "npm"
                    directory: "/web"
                    open-pull-requests-limit: 0
                    schedule:
                      interval: "daily"
                  - package-ecosystem: "github-actions"
                    directory: "/"
                    schedule:
                      interval: "weekly"
                    ignore:
                      - dependency-name: "*"
                        update-types: ["version-update:semver-patch"]
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        assertThat(facts.find(DependencyUpdates.class).orElseThrow().configs().get(0).exclusions())
                .extracting(DependencyUpdates.Exclusion::ecosystem, DependencyUpdates.Exclusion::line,
                        DependencyUpdates.Exclusion::written)
                .containsExactly(tuple("docker", 15, "ignore: dependency-name: \"*\""),
                        tuple("npm", 18, "open-pull-requests-limit: 0"));

        CheckResult r = run(facts);

        assertThat(r.findings()).extracting(Finding::subject).containsExactly("dependency-updates:excluded:docker",
                "dependency-updates:excluded:npm");
        assertThat(r.findings().get(0).evidence()).extracting(Evidence::path, Evidence::startLine)
                .startsWith(tuple(".github/dependabot.yml", 15));
        // Maven keeps its updates (only Spring Boot majors are ignored): covered
        assertThat(r.summary()).doesNotContain("maven (");
    }
}
