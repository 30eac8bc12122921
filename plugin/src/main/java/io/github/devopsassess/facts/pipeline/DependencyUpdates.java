package io.github.devopsassess.facts.pipeline;

import java.util.List;

/**
 * What the dependency-update configurations cover, and what the tree holds that could be updated.
 *
 * @param configs every Dependabot and Renovate configuration found, sorted by path
 * @param manifests every dependency manifest of the tree, sorted by ecosystem and path
 * @param renovateComments files with {@code # renovate:} annotations (Renovate's custom managers), at most a few
 */
public record DependencyUpdates(List<Config> configs, List<Manifest> manifests, List<String> renovateComments) {

    /** Ecosystem ids, Dependabot's names: what is compared. */
    public static final List<String> ECOSYSTEMS = List.of("maven", "gradle", "npm", "pip", "gomod", "docker",
            "github-actions", "terraform", "helm", "bundler", "cargo", "composer", "nuget");

    public DependencyUpdates {
        configs = List.copyOf(configs);
        manifests = List.copyOf(manifests);
        renovateComments = List.copyOf(renovateComments);
    }

    /**
     * One configuration file.
     *
     * @param tool {@code dependabot} or {@code renovate}
     * @param path repository-relative path
     * @param line where it says what it says: the {@code enabled: false}, the empty {@code updates}, or 1
     * @param readable whether it could be parsed (a problem with its line was recorded when not)
     * @param enabled false when it turns updates off or configures nothing
     * @param allEcosystems true when every ecosystem in the tree is covered wherever it is (Renovate without
     *     {@code enabledManagers})
     * @param entries what it covers, in file order
     * @param extendsPresets Renovate's {@code extends} presets, as written
     */
    public record Config(String tool, String path, int line, boolean readable, boolean enabled,
            boolean allEcosystems, List<Entry> entries, List<String> extendsPresets) {

        public Config {
            entries = List.copyOf(entries);
            extendsPresets = List.copyOf(extendsPresets);
        }
    }

    /**
     * One ecosystem and directory a configuration covers.
     *
     * @param ecosystem one of {@link #ECOSYSTEMS}, or the name as written when it is none of them
     * @param directory repository-relative folder ({@code ""} for the root, may hold {@code *} globs); {@code null}
     *     when the entry covers the ecosystem everywhere (a Renovate manager)
     * @param line where it is written
     * @param exists whether the folder exists in the tree (always true for a glob that matches or a {@code null}
     *     directory)
     */
    public record Entry(String ecosystem, String directory, int line, boolean exists) {
    }

    /**
     * One dependency manifest.
     *
     * @param ecosystem one of {@link #ECOSYSTEMS}
     * @param path repository-relative path of the file
     */
    public record Manifest(String ecosystem, String path) {

        /** The folder Dependabot's {@code directory} must name: the file's folder. */
        public String folder() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? "" : path.substring(0, slash);
        }
    }
}
