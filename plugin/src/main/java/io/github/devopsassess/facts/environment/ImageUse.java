package io.github.devopsassess.facts.environment;

import io.github.devopsassess.facts.pipeline.Pinning;

/**
 * One place outside the pipelines that names a container image (or a dev container feature, also pulled from an OCI
 * registry), with how firmly it is pinned.
 *
 * @param source where it is named: {@link #DOCKERFILE}, {@link #COMPOSE}, {@link #KUBERNETES}, {@link #HELM},
 *     {@link #KUSTOMIZE}, {@link #DEV_CONTAINER}, {@link #DEV_CONTAINER_FEATURE}
 * @param image the reference, with its file and line
 * @param pinning how firmly it is pinned; {@link Pinning#VARIABLE} when it cannot be known from the file
 * @param unknown why the version cannot be known here ({@code ""} when it can): a build argument, a Helm chart's
 *     {@code appVersion}, a kustomize base's tag
 */
public record ImageUse(String source, ImageRef image, Pinning pinning, String unknown) {

    public static final String DOCKERFILE = "dockerfile";
    public static final String COMPOSE = "compose";
    public static final String KUBERNETES = "kubernetes";
    public static final String HELM = "helm";
    public static final String KUSTOMIZE = "kustomize";
    public static final String DEV_CONTAINER = "dev-container";
    public static final String DEV_CONTAINER_FEATURE = "dev-container-feature";

    public ImageUse {
        unknown = unknown == null ? "" : unknown;
    }

    /** Whether what runs can change without a change here: no tag, {@code latest} or another floating name. */
    public boolean floating() {
        return pinning == Pinning.MUTABLE || pinning == Pinning.UNTAGGED;
    }
}
