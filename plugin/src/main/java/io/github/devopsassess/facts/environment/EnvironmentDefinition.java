package io.github.devopsassess.facts.environment;

import java.util.List;

/**
 * What one system says about one environment (or about what all environments share, the base).
 *
 * @param system the mechanism: {@code spring}, {@code compose}, {@code kustomize}, {@code helm}, {@code terraform},
 *     {@code manifests}, {@code dotenv}, {@code catalogue}
 * @param family what is compared across environments: the folder of a Spring config, a kustomize component, a
 *     Helm chart, a Terraform root, a Terraform component below per-environment folders
 *     ({@code root#component}, see {@link #familyOf(String, String)}); definitions of one system and family are the same thing in different environments
 * @param name the environment name as written ({@code prod}, {@code values-stg.yaml}'s {@code stg})
 * @param environment the normalised name (see {@link EnvironmentNames}), or {@link #BASE} for shared defaults
 * @param path repository-relative path of the main file
 * @param line 1-based line where the definition starts (a YAML document's first line, else 1)
 * @param settings configuration keys, sorted by key
 * @param images images and charts it runs
 * @param remotes remote bases it builds on
 */
public record EnvironmentDefinition(String system, String family, String name, String environment, String path,
        int line, List<Setting> settings, List<ImageRef> images, List<RemoteRef> remotes) {

    /** The environment of a base definition (application.yml, values.yaml, kustomize base/). */
    public static final String BASE = "";

    public EnvironmentDefinition {
        settings = List.copyOf(settings);
        images = List.copyOf(images);
        remotes = List.copyOf(remotes);
    }

    /**
     * The family of a component below the environment folders of {@code root} ({@code infra/us-east-1} and the
     * Terragrunt unit of module {@code infra/modules/honeycomb}): {@code root#component}, or {@code root} alone.
     */
    public static String familyOf(String root, String component) {
        return component == null || component.isEmpty() ? root : root + COMPONENT + component;
    }

    /** Separates a family's root from its component. */
    public static final String COMPONENT = "#";

    /** The component of this definition's family, or {@code ""}. */
    public String component() {
        int hash = family.indexOf(COMPONENT);
        return hash < 0 ? "" : family.substring(hash + 1);
    }

    /** The family without its component: the folder that holds the environments. */
    public String root() {
        int hash = family.indexOf(COMPONENT);
        return hash < 0 ? family : family.substring(0, hash);
    }

    public boolean isBase() {
        return BASE.equals(environment);
    }

    /** {@code system:family}, the group in which environments are compared. */
    public String group() {
        return system + ":" + family;
    }
}
