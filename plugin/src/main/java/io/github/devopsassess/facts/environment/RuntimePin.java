package io.github.devopsassess.facts.environment;

/**
 * One place that pins a runtime or tool version. Runtime drift is decided over a list of these, whoever found them:
 * a CI scanner adds its {@code setup-java} versions with {@link RuntimePins#add} and they are compared like the rest.
 *
 * @param runtime normalised runtime id: {@code java}, {@code node}, {@code python}, {@code terraform}, {@code go},
 *     {@code maven}, {@code ruby}…
 * @param version the version as pinned ({@code 17}, {@code 21.0.2}, {@code 3.11}); may be a non-numeric alias
 *     such as {@code lts/hydrogen}, which is shown but not compared
 * @param path repository-relative path
 * @param line 1-based line
 * @param origin where it applies: {@link #DEV_CONTAINER}, {@link #TOOL_FILE}, {@link #BUILD}, {@link #IMAGE},
 *     {@link #CI}, {@link #INFRASTRUCTURE}
 * @param environment the normalised environment whose files pin it ({@code envs/prod/versions.tf}), or {@code ""}
 *     when the file is not an environment's
 */
public record RuntimePin(String runtime, String version, String path, int line, String origin, String environment) {

    public RuntimePin {
        environment = environment == null ? "" : environment;
    }

    /** A pin that belongs to no environment in particular. */
    public RuntimePin(String runtime, String version, String path, int line, String origin) {
        this(runtime, version, path, line, origin, "");
    }

    /** A devcontainer.json image or feature: what a new developer gets. */
    public static final String DEV_CONTAINER = "dev-container";
    /** A version-manager file ({@code .tool-versions}, {@code .java-version}, {@code .nvmrc}…): developer machines. */
    public static final String TOOL_FILE = "tool-file";
    /** A build descriptor such as {@code maven.compiler.release} in a pom. */
    public static final String BUILD = "build";
    /** A Dockerfile base image: what runs in the deployed environments. */
    public static final String IMAGE = "image";
    /** A CI setup step ({@code actions/setup-java} and the like). */
    public static final String CI = "ci";
    /**
     * Infrastructure code: Terraform's {@code required_version}, {@code required_providers} and
     * {@code .terraform.lock.hcl} ({@code terraform provider hashicorp/aws} is a runtime of its own).
     */
    public static final String INFRASTRUCTURE = "infrastructure";
}
