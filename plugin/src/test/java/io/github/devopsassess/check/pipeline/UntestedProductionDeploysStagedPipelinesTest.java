package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitLab CI files (with local includes and extends) and declarative Jenkinsfiles, scanned and judged. */
class UntestedProductionDeploysStagedPipelinesTest {

    private static CheckResult run(Path dir) throws Exception {
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        CheckSettings settings = new CheckSettings(new RubricLoader(UntestedProductionDeploysStagedPipelinesTest.class
                .getClassLoader()).loadDefault().checks().get(UntestedProductionDeploysCheck.ID));
        return CheckRunner.evaluate(new UntestedProductionDeploysCheck(), facts, settings);
    }

    private static void write(Path dir, String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static final String DEPLOY_INCLUDE = """
            .deploy:prod:
              stage: deploy
              image: alpine/helm:3.14.0
              only:
                - stable
              environment:
                name: production
                url: https://app.example.org

            deploy:api:
              extends:
                - .deploy:prod
              needs: ["build:api"]
              script:
                - helm upgrade --install --wait api deploy/helm/api --set image.tag=${CI_COMMIT_SHORT_SHA}
            """;

    private static final String BUILD_INCLUDE = """
            build:api:
              stage: build
              image: docker:24
              services:
                - docker:24-dind
              only:
                - stable
              script:
                - docker build -t registry.example.org/api:${CI_COMMIT_SHORT_SHA} .
                - docker push registry.example.org/api:${CI_COMMIT_SHORT_SHA}
            """;

    @Test
    void aGitLabPipelineOfBuildAndDeployStagesOnlyDeploysUntested(@TempDir Path dir) throws Exception {
        write(dir, ".gitlab-ci.yml", """
                stages:
                  - build
                  - deploy

                include:
                  - local: /ci/build.gitlab-ci.yml
                  - local: /ci/deploy.gitlab-ci.yml
                """);
        write(dir, "ci/build.gitlab-ci.yml", BUILD_INCLUDE);
        write(dir, "ci/deploy.gitlab-ci.yml", DEPLOY_INCLUDE);
        CheckResult r = run(dir);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".gitlab-ci.yml");
            assertThat(f.message()).contains("deploys to production in 1 job (deploy:api) with no job before it that"
                    + " runs tests");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine, Evidence::note).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("ci/deploy.gitlab-ci.yml", 10,
                            "deploy:api (stage deploy) needs: build:api"));
        });
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aTestStageBeforeTheDeployPassesUnlessNeedsSkipIt(@TempDir Path dir, @TempDir Path skipping)
            throws Exception {
        String root = """
                stages:
                  - build
                  - test
                  - deploy

                include:
                  - local: /ci/build.gitlab-ci.yml
                  - local: /ci/deploy.gitlab-ci.yml

                unit-tests:
                  stage: test
                  image: golang:1.22
                  script:
                    - go test ./...
                """;
        write(dir, ".gitlab-ci.yml", root);
        write(dir, "ci/build.gitlab-ci.yml", BUILD_INCLUDE);
        write(dir, "ci/deploy.gitlab-ci.yml", DEPLOY_INCLUDE.replace("  needs: [\"build:api\"]\n", ""));
        CheckResult tested = run(dir);
        assertThat(tested.findings()).isEmpty();
        assertThat(tested.status()).isEqualTo(CheckStatus.PASS);

        // needs: replaces the stage order, so the deploy starts as soon as the build is done
        write(skipping, ".gitlab-ci.yml", root);
        write(skipping, "ci/build.gitlab-ci.yml", BUILD_INCLUDE);
        write(skipping, "ci/deploy.gitlab-ci.yml", DEPLOY_INCLUDE);
        assertThat(run(skipping).findings()).extracting(Finding::subject).containsExactly(".gitlab-ci.yml");
    }

    @Test
    void aJenkinsDeployAfterATestStageWhoseTestsAreCommentedOutIsUntested(@TempDir Path dir, @TempDir Path tested)
            throws Exception {
        String jenkinsfile = """
                pipeline {
                    agent none
                    stages {
                        stage('Build and test') {
                            agent {
                                dockerfile {
                                    filename 'Dockerfile.build'
                                }
                            }
                            steps {
                                // Build
                                sh "echo skipping"
                                %s
                            }
                        }
                        stage('Image') {
                            agent any
                            steps {
                                sh "docker build -t example/orders:latest ."
                                sh "docker push example/orders:latest"
                            }
                        }
                        stage('Deploy production') {
                            agent any
                            steps {
                                // TODO: uncomment the tests above when they pass again
                                sh './ci/deploy-production.sh'
                            }
                        }
                    }
                }
                """;
        write(dir, "Jenkinsfile", jenkinsfile.formatted("//sh \"./ci/build.sh && mvn -B test\""));
        CheckResult r = run(dir);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("Jenkinsfile");
            assertThat(f.message()).startsWith("The Jenkinsfile Jenkinsfile deploys to production in 1 stage"
                    + " (Deploy production) with no stage before it that runs tests");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(23);
        });

        write(tested, "Jenkinsfile", jenkinsfile.formatted("sh \"./ci/build.sh && mvn -B test\""));
        assertThat(run(tested).findings()).isEmpty();
    }
}
