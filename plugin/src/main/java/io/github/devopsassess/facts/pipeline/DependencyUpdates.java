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
     * @param unreadablePresets the presets of {@code extendsPresets} that are not in this repository and not built
     *     into Renovate ({@code github>org/renovate-config}, {@code local>org/repo}, an npm package): what they set
     *     (managers, paths, {@code enabled}) cannot be known here
     * @param exclusions what it leaves out although it would cover it: Renovate {@code ignorePaths} and
     *     {@code packageRules} with {@code enabled: false}, Dependabot {@code ignore} of every dependency
     *     ({@code dependency-name: "*"}) and {@code open-pull-requests-limit: 0}
     */
    public record Config(String tool, String path, int line, boolean readable, boolean enabled,
            boolean allEcosystems, List<Entry> entries, List<String> extendsPresets, List<Exclusion> exclusions,
            List<String> unreadablePresets) {

        public Config {
            entries = List.copyOf(entries);
            extendsPresets = List.copyOf(extendsPresets);
            exclusions = List.copyOf(exclusions);
            unreadablePresets = List.copyOf(unreadablePresets);
        }

        /** A configuration whose presets are all known. */
        public Config(String tool, String path, int line, boolean readable, boolean enabled, boolean allEcosystems,
                List<Entry> entries, List<String> extendsPresets, List<Exclusion> exclusions) {
            this(tool, path, line, readable, enabled, allEcosystems, entries, extendsPresets, exclusions, List.of());
        }

        /** A configuration that excludes nothing. */
        public Config(String tool, String path, int line, boolean readable, boolean enabled, boolean allEcosystems,
                List<Entry> entries, List<String> extendsPresets) {
            this(tool, path, line, readable, enabled, allEcosystems, entries, extendsPresets, List.of());
        }

        /** The first exclusion that leaves this manifest out, if any. */
        public java.util.Optional<Exclusion> excluding(Manifest m) {
            return exclusions.stream().filter(x -> x.excludes(m)).findFirst();
        }
    }

    /**
     * Something a configuration leaves out.
     *
     * @param ecosystem one of {@link #ECOSYSTEMS}, or {@code null} for every ecosystem
     * @param paths globs (or path prefixes, as Renovate reads a pattern without {@code *}) of the manifests left
     *     out; empty for every path
     * @param line where it is written
     * @param written how it reads, for messages: {@code ignorePaths: charts/app-config/**},
     *     {@code packageRules enabled: false (matchManagers: dockerfile)}
     */
    public record Exclusion(String ecosystem, List<String> paths, int line, String written) {

        public Exclusion {
            paths = List.copyOf(paths);
        }

        /** Whether this leaves the manifest out. */
        public boolean excludes(Manifest m) {
            if (ecosystem != null && !ecosystem.equals(m.ecosystem())) {
                return false;
            }
            return paths.isEmpty() || paths.stream().anyMatch(p -> matches(p, m.path()) || matches(p, m.folder()));
        }

        private static boolean matches(String pattern, String path) {
            String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
            if (p.isEmpty()) {
                return true;
            }
            if (!p.contains("*") && !p.contains("?") && !p.contains("{")) {
                String prefix = p.endsWith("/") ? p : p + "/";
                return path.equals(p) || path.startsWith(prefix);
            }
            try {
                return io.github.devopsassess.parse.Glob.of(p).matches(path);
            } catch (IllegalArgumentException malformed) {
                return false;
            }
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
