package io.github.devopsassess.scan.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.ImageUse;
import io.github.devopsassess.facts.environment.ImageUses;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every image named outside the pipelines, with its place and how firmly it is pinned. */
class ImageUsesTest {

    private static List<ImageUse> uses(Facts facts) {
        return facts.find(ImageUses.class).orElseThrow().uses();
    }

    @Test
    void dockerfilesComposeKubernetesHelmKustomizeAndDevContainers(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("images", dir);

        assertThat(uses(facts)).extracting(ImageUse::source, u -> u.image().reference(), ImageUse::pinning,
                u -> u.image().path(), u -> u.image().line()).containsExactlyInAnyOrder(
                        // the tag comes from a build argument: unknown; "FROM builder" is a stage, not an image
                        tuple(ImageUse.DOCKERFILE, "node:20.11-alpine", Pinning.VARIABLE, "Dockerfile", 2),
                        tuple(ImageUse.DOCKERFILE, "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
                                Pinning.IMMUTABLE, "Dockerfile", 10),
                        tuple(ImageUse.DOCKERFILE, "python", Pinning.UNTAGGED, "web/Dockerfile", 2),
                        tuple(ImageUse.COMPOSE, "postgres:latest", Pinning.MUTABLE, "docker-compose.yml", 3),
                        tuple(ImageUse.COMPOSE, "jdoe42/mailcatcher", Pinning.UNTAGGED, "docker-compose.yml", 7),
                        tuple(ImageUse.COMPOSE, "redis:7.2.4", Pinning.TAG, "docker-compose.yml", 11),
                        tuple(ImageUse.COMPOSE, "${REGISTRY:-ghcr.io/acme}/shop:${TAG:-dev}", Pinning.VARIABLE,
                                "docker-compose.yml", 14),
                        tuple(ImageUse.KUBERNETES, "busybox", Pinning.UNTAGGED, "k8s/worker.yaml", 19),
                        tuple(ImageUse.KUBERNETES, "ghcr.io/acme/worker@sha256:9b2a1d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c",
                                Pinning.IMMUTABLE, "k8s/worker.yaml", 23),
                        // an empty tag is the chart's appVersion: unknown, not latest
                        tuple(ImageUse.HELM, "ghcr.io/acme/api", Pinning.VARIABLE, "charts/api/values.yaml", 7),
                        tuple(ImageUse.HELM, "nginx:latest", Pinning.MUTABLE, "charts/api/values.yaml", 12),
                        // newName without newTag keeps the base's tag: unknown
                        tuple(ImageUse.KUSTOMIZE, "registry.acme.io/shop", Pinning.VARIABLE,
                                "deploy/overlays/prod/kustomization.yaml", 6),
                        tuple(ImageUse.KUSTOMIZE, "nginx:latest", Pinning.MUTABLE,
                                "deploy/overlays/prod/kustomization.yaml", 9),
                        tuple(ImageUse.KUSTOMIZE, "redis:7.2.4", Pinning.TAG,
                                "deploy/overlays/prod/kustomization.yaml", 11),
                        tuple(ImageUse.DEV_CONTAINER, "mcr.microsoft.com/devcontainers/base", Pinning.UNTAGGED,
                                ".devcontainer/devcontainer.json", 4),
                        // the feature's :1 is accepted as a major pin; Node at the feature's default floats
                        tuple(ImageUse.DEV_CONTAINER_FEATURE, "ghcr.io/devcontainers/features/node", Pinning.UNTAGGED,
                                ".devcontainer/devcontainer.json", 7),
                        tuple(ImageUse.DEV_CONTAINER_FEATURE, "ghcr.io/devcontainers/features/java:latest",
                                Pinning.MUTABLE, ".devcontainer/devcontainer.json", 9),
                        tuple(ImageUse.DEV_CONTAINER_FEATURE, "ghcr.io/devcontainers/features/python:1", Pinning.TAG,
                                ".devcontainer/devcontainer.json", 11),
                        tuple(ImageUse.DEV_CONTAINER_FEATURE, "ghcr.io/devcontainers/features/docker-in-docker:2",
                                Pinning.TAG, ".devcontainer/devcontainer.json", 12),
                        tuple(ImageUse.DEV_CONTAINER_FEATURE, "ghcr.io/devcontainers-contrib/features/act",
                                Pinning.UNTAGGED, ".devcontainer/devcontainer.json", 13));
        assertThat(uses(facts)).filteredOn(u -> u.pinning() == Pinning.VARIABLE).extracting(ImageUse::unknown)
                .allMatch(reason -> !reason.isBlank())
                .anyMatch(reason -> reason.contains("appVersion"))
                .anyMatch(reason -> reason.contains("build argument"));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void aBrokenManifestIsOneProblemWithItsLineAndTheOthersAreRead(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("images-malformed", dir);

        assertThat(facts.problems()).extracting(ParseProblem::path).containsExactly("k8s/api.yaml");
        assertThat(facts.problems().get(0).line()).isBetween(10, 11);
        assertThat(uses(facts)).extracting(u -> u.image().reference(), u -> u.image().path())
                .containsExactly(tuple("nginx:stable", "k8s/web.yaml"));
    }

    @Test
    void tektonStepsAndSidecarsAreContainersButStepsOfOtherKindsAreNot(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("images-tekton", dir);

        assertThat(uses(facts)).extracting(ImageUse::source, u -> u.image().reference(), ImageUse::pinning,
                u -> u.image().path(), u -> u.image().line()).containsExactlyInAnyOrder(
                        tuple(ImageUse.KUBERNETES, "registry.example.com/ubi9/python-312:latest", Pinning.MUTABLE,
                                "pipelines/tasks/report-metrics.yaml", 11),
                        // a Tekton parameter is set by whoever runs the task: unknown
                        tuple(ImageUse.KUBERNETES, "$(params.runner-image)", Pinning.VARIABLE,
                                "pipelines/tasks/report-metrics.yaml", 16),
                        tuple(ImageUse.KUBERNETES, "ghcr.io/acme/proxy@sha256:9b2a1d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c",
                                Pinning.IMMUTABLE, "pipelines/tasks/report-metrics.yaml", 23),
                        // an inline task spec of a Pipeline
                        tuple(ImageUse.KUBERNETES, "quay.io/acme/loadtest", Pinning.UNTAGGED,
                                "pipelines/tasks/report-metrics.yaml", 35));
        assertThat(facts.problems()).isEmpty();
    }
}
