package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.ImageUse;
import io.github.devopsassess.facts.environment.ImageUses;
import io.github.devopsassess.facts.pipeline.Pinning;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every image reference, in CI and outside it, judged once per image with all its places. */
class UnpinnedImagesCheckTest {

    private static CheckResult run(Facts facts) throws Exception {
        CheckSettings settings = new CheckSettings(new RubricLoader(UnpinnedImagesCheckTest.class.getClassLoader())
                .loadDefault().checks().get(UnpinnedImagesCheck.ID));
        return CheckRunner.evaluate(new UnpinnedImagesCheck(), facts, settings);
    }

    private static ImageUse use(String source, String image, Pinning pinning, String path, int line, String unknown) {
        return new ImageUse(source, ImageRef.parse("x", image, path, line), pinning, unknown);
    }

    /** Eight GitLab jobs on docker:stable with a docker:dind service, and a macOS runner job. */
    private static String gitlab() {
        String jobs = IntStream.rangeClosed(1, 8).mapToObj(i -> """
                build:image-%d:
                  stage: build
                  image: docker:stable
                  services:
                    - docker:dind
                  script:
                    - docker build -t registry.example.com/app-%d:$CI_COMMIT_SHA services/app-%d
                    - docker push registry.example.com/app-%d:$CI_COMMIT_SHA
                """.formatted(i, i, i, i)).collect(Collectors.joining("\n"));
        return """
                stages: [build, test]

                """ + jobs + """

                test:integration:
                  stage: test
                  image: docker:latest
                  services:
                    - docker:dind
                  script:
                    - docker run --rm registry.example.com/app-1:$CI_COMMIT_SHA ./run-tests.sh

                test:ios:
                  stage: test
                  image: macos-14-xcode-15
                  tags:
                    - saas-macos-medium-m1
                  script:
                    - xcodebuild test -scheme App
                """;
    }

    @Test
    void dockerInDockerInEightJobsIsOneFindingWithItsPlacesAndMacOsRunnersAreNoImages(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve(".gitlab-ci.yml"), gitlab());
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());

        CheckResult r = run(facts);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("images:floating");
            assertThat(f.message()).contains("docker:stable", "docker:dind");
            // 8 image lines and 8 service lines, one finding; the test job's docker:latest is a test tool
            assertThat(f.evidence()).hasSize(16).extracting(Evidence::path).containsOnly(".gitlab-ci.yml");
            assertThat(f.message()).doesNotContain("docker:latest");
        });
        assertThat(r.summary()).contains("images of CI jobs that neither deploy nor publish are not judged (2)");
        assertThat(r.findings()).flatExtracting(Finding::evidence).extracting(Evidence::note)
                .noneMatch(n -> n.contains("macos"));
    }

    @Test
    void imagesOutsideThePipelinesAndUnknownTags(@TempDir Path dir) throws Exception {
        Facts facts = Facts.builder().put(PipelineFacts.class, composeDeploy(dir))
                .put(ImageUses.class, new ImageUses(List.of(
                use(ImageUse.COMPOSE, "postgres:latest", Pinning.MUTABLE, "docker-compose.yml", 3, ""),
                use(ImageUse.KUBERNETES, "docker.io/library/postgres:latest", Pinning.MUTABLE, "k8s/db.yaml", 20, ""),
                use(ImageUse.COMPOSE, "jdoe42/mailcatcher", Pinning.UNTAGGED, "docker-compose.yml", 7, ""),
                use(ImageUse.DOCKERFILE, "jdoe42/build-tools:1.4", Pinning.TAG, "Dockerfile", 1, ""),
                use(ImageUse.COMPOSE, "redis:7.2.4", Pinning.TAG, "docker-compose.yml", 11, ""),
                use(ImageUse.HELM, "ghcr.io/acme/api", Pinning.VARIABLE, "charts/api/values.yaml", 7,
                        "no tag: the chart's appVersion"),
                use(ImageUse.DEV_CONTAINER_FEATURE, "ghcr.io/devcontainers/features/node", Pinning.UNTAGGED,
                        ".devcontainer/devcontainer.json", 7, "")))).build();

        CheckResult r = run(facts);

        // one finding for the images that float; the dev container feature is a developer's tooling, and whether
        // jdoe42 is one person or an organisation cannot be told offline, so build-tools:1.4 passes on its tag
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("images:floating");
        Finding floating = r.findings().get(0);
        assertThat(floating.message()).startsWith("2 images have no tag or a floating tag").contains(
                "jdoe42/mailcatcher (1 place: compose)", "postgres:latest (2 places: compose, kubernetes)");
        assertThat(floating.evidence()).extracting(Evidence::path).containsExactly("docker-compose.yml",
                "docker-compose.yml", "k8s/db.yaml");
        // redis is pinned; the Helm image's tag is the chart's appVersion: unknown, not judged
        assertThat(r.summary()).startsWith("2 of 4 images").contains("1 unknown", "appVersion");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN); // two of four images lose their points
    }

    /** A workflow whose production job deploys with docker compose: the compose files are what runs. */
    private static PipelineFacts composeDeploy(Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/deploy.yml"), """
                name: deploy
                on:
                  push:
                    tags: ['v*']
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    environment: production
                    steps:
                      - run: ssh deploy@app.example.org 'cd /srv/app && docker compose pull && docker compose up -d'
                """);
        return PipelineFixtures.scanFolder(dir, List.of()).get(PipelineFacts.class);
    }

    @Test
    void composeFilesNoDeployingJobRunsAreLocalAndKustomizePlaceholdersAreReplaced() throws Exception {
        Facts facts = Facts.builder().put(ImageUses.class, new ImageUses(List.of(
                use(ImageUse.COMPOSE, "ghcr.io/acme/auth:latest", Pinning.MUTABLE, "docker-compose.yml", 32, ""),
                // kustomize gives the placeholder 'shield' its real image and tag in the overlays
                use(ImageUse.KUBERNETES, "shield:latest", Pinning.MUTABLE, "components/shield/base/deploy.yaml", 41,
                        ""),
                new ImageUse(ImageUse.KUSTOMIZE, new ImageRef("shield", "quay.io/acme/shield",
                        "94885d051db284f214f43d76df2f9bd4c9fe993f", "", "components/shield/prod/kustomization.yaml",
                        8), Pinning.TAG, ""),
                use(ImageUse.KUBERNETES, "busybox:latest", Pinning.MUTABLE, "components/debug/pod.yaml", 12, ""))))
                .build();

        CheckResult r = run(facts);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Image busybox:latest uses a floating tag");
            assertThat(f.evidence()).extracting(Evidence::path).containsExactly("components/debug/pod.yaml");
        });
        assertThat(r.summary()).contains("compose files are not judged: no deploying job runs docker compose");
    }

    @Test
    void onlyUnknownReferencesAreNotAssessedWithTheReason() throws Exception {
        Facts facts = Facts.builder().put(ImageUses.class, new ImageUses(List.of(use(ImageUse.DOCKERFILE,
                "node:20", Pinning.VARIABLE, "Dockerfile", 2, "the tag comes from a build argument")))).build();

        CheckResult r = run(facts);

        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary() + r.findings()).contains("build argument");
    }

    @Test
    void imagesSetAtDeployTimeAndOfTestsOrLocalRunsAreNotJudged() throws Exception {
        Facts facts = Facts.builder().put(ImageUses.class, new ImageUses(List.of(
                use(ImageUse.HELM, "ghcr.io/acme/api:latest", Pinning.MUTABLE, "charts/api/values.yaml", 7, ""),
                use(ImageUse.KUSTOMIZE, "nginx", Pinning.UNTAGGED, "base/kustomization.yaml", 4, ""),
                use(ImageUse.KUBERNETES, "busybox", Pinning.UNTAGGED, "test/fixtures/pod.yaml", 9, ""),
                use(ImageUse.KUBERNETES, "nginx:latest", Pinning.MUTABLE,
                        "components/policies/.chainsaw-test/resources/pod.yaml", 10, ""),
                use(ImageUse.COMPOSE, "localstack/localstack", Pinning.UNTAGGED, "docker-compose-test.yml", 3, ""),
                use(ImageUse.DEV_CONTAINER, "mcr.microsoft.com/devcontainers/base", Pinning.UNTAGGED,
                        ".devcontainer/devcontainer.json", 2, ""),
                use(ImageUse.DOCKERFILE, "alpine:latest", Pinning.MUTABLE, "Dockerfile", 10, "")))).build();

        CheckResult r = run(facts);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Image alpine:latest uses a floating tag");
            assertThat(f.evidence()).extracting(Evidence::path).containsExactly("Dockerfile");
        });
    }
}
