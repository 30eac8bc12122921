package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.DependencyUpdates;
import io.github.devopsassess.facts.pipeline.DependencyUpdates.Config;
import io.github.devopsassess.facts.pipeline.DependencyUpdates.Entry;
import io.github.devopsassess.facts.pipeline.DependencyUpdates.Exclusion;
import io.github.devopsassess.facts.pipeline.DependencyUpdates.Manifest;
import io.github.devopsassess.parse.Glob;
import io.github.devopsassess.parse.JsonComments;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads Dependabot ({@code .github/dependabot.yml}: {@code updates[].package-ecosystem} and {@code directory} or
 * {@code directories}, {@code ignore} of every dependency, {@code open-pull-requests-limit: 0}) and Renovate
 * ({@code renovate.json}, {@code renovate.json5}, {@code .github/renovate.json}, {@code .renovaterc}…: {@code enabled},
 * {@code enabledManagers}, {@code extends}, {@code ignorePaths}, {@code packageRules} with {@code enabled: false}, a
 * manager's own block such as {@code "terraform": {"ignorePaths": […]}} or {@code "maven": {"enabled": false}}, the
 * built-in presets {@code :disableRenovate} and {@code docker:disable}, and which presets are kept elsewhere
 * ({@code github>org/repo}, {@code local>…}, npm packages) and so cannot be read here) configurations, and lists the
 * dependency manifests of the tree by ecosystem, so that a check can compare what is covered with what is there.
 * Renovate's JSON5 is read after its comments are stripped (unquoted keys and trailing commas are YAML flow syntax).
 */
final class DependencyUpdateConfigs {

    /** Dependabot's ecosystem names (and their aliases) → the ecosystems compared. */
    private static final Map<String, String> DEPENDABOT = Map.ofEntries(Map.entry("maven", "maven"),
            Map.entry("gradle", "gradle"), Map.entry("npm", "npm"), Map.entry("yarn", "npm"),
            Map.entry("pnpm", "npm"), Map.entry("pip", "pip"), Map.entry("pipenv", "pip"),
            Map.entry("poetry", "pip"), Map.entry("uv", "pip"), Map.entry("gomod", "gomod"),
            Map.entry("docker", "docker"), Map.entry("docker-compose", "docker"),
            Map.entry("github-actions", "github-actions"), Map.entry("terraform", "terraform"),
            Map.entry("helm", "helm"), Map.entry("bundler", "bundler"), Map.entry("cargo", "cargo"),
            Map.entry("composer", "composer"), Map.entry("nuget", "nuget"));

    /** Renovate manager names → the ecosystems compared. */
    private static final Map<String, String> RENOVATE = Map.ofEntries(Map.entry("maven", "maven"),
            Map.entry("maven-wrapper", "maven"), Map.entry("gradle", "gradle"), Map.entry("gradle-wrapper", "gradle"),
            Map.entry("npm", "npm"), Map.entry("pip_requirements", "pip"), Map.entry("pip_setup", "pip"),
            Map.entry("pipenv", "pip"), Map.entry("poetry", "pip"), Map.entry("pep621", "pip"),
            Map.entry("setup-cfg", "pip"), Map.entry("gomod", "gomod"), Map.entry("dockerfile", "docker"),
            Map.entry("docker-compose", "docker"), Map.entry("github-actions", "github-actions"),
            Map.entry("terraform", "terraform"), Map.entry("terraform-version", "terraform"),
            Map.entry("helmv3", "helm"), Map.entry("helm-values", "helm"), Map.entry("helmfile", "helm"),
            Map.entry("bundler", "bundler"), Map.entry("cargo", "cargo"), Map.entry("composer", "composer"),
            Map.entry("nuget", "nuget"));

    /** Folders whose manifests are someone else's or test data. */
    private static final Pattern NOT_OURS = Pattern.compile(
            "(^|/)(node_modules|vendor|third_party|bower_components|\\.terraform|testdata|__fixtures__)/");
    private static final Pattern REQUIREMENTS = Pattern.compile("requirements([-_.][\\w.-]*)?\\.(txt|in)");
    private static final Pattern WORKFLOW = Pattern.compile("(.*/)?\\.github/workflows/[^/]+\\.ya?ml");
    private static final Pattern RENOVATE_COMMENT = Pattern.compile("(?m)#\\s*renovate:");

    private final ParseContext ctx;
    private final RepoTree tree;
    private final YamlReader yaml = new YamlReader();

    DependencyUpdateConfigs(ParseContext ctx) {
        this.ctx = ctx;
        this.tree = ctx.tree;
    }

    DependencyUpdates read(Collection<String> configPaths) {
        List<Config> configs = new ArrayList<>();
        for (String path : configPaths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            configs.add(name.startsWith("dependabot") ? dependabot(path) : renovate(path));
        }
        configs.sort(Comparator.comparing(Config::path));
        List<Manifest> manifests = manifests();
        List<String> comments = configs.stream().anyMatch(c -> c.tool().equals("renovate")) ? List.of()
                : renovateComments();
        return new DependencyUpdates(configs, manifests, comments);
    }

    private Optional<YamlNode.Mapping> root(String path, String text, String what) {
        YamlReader.Result result = yaml.read(path, text);
        result.problem().ifPresent(ctx.facts::problem);
        if (!result.complete()) {
            return Optional.empty();
        }
        Optional<YamlNode> first = result.first();
        if (first.isPresent() && first.get().asMapping().isEmpty()) {
            ctx.problem(path, first.get().line(), "a " + what + " must be a mapping, found " + first.get().kind());
            return Optional.empty();
        }
        // a file of comments only configures nothing: an empty mapping
        return Optional.of(first.flatMap(YamlNode::asMapping).orElseGet(() -> new YamlNode.Mapping(Map.of(), Map.of(),
                1, null)));
    }

    private Config dependabot(String path) {
        Optional<String> text = text(path);
        if (text.isEmpty()) {
            return new Config("dependabot", path, 1, false, false, false, List.of(), List.of());
        }
        Optional<YamlNode.Mapping> root = root(path, text.get(), "Dependabot configuration");
        if (root.isEmpty()) {
            return new Config("dependabot", path, 1, false, false, false, List.of(), List.of());
        }
        YamlNode.Mapping m = root.get();
        List<Entry> entries = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        for (YamlNode item : m.list("updates")) {
            Optional<YamlNode.Mapping> u = item.asMapping();
            if (u.isEmpty() || u.get().string("package-ecosystem").isEmpty()) {
                ctx.problem(path, item.line(), "an updates entry without package-ecosystem is ignored by Dependabot");
                continue;
            }
            String written = u.get().string("package-ecosystem").get().strip().toLowerCase(Locale.ROOT);
            String ecosystem = DEPENDABOT.getOrDefault(written, written);
            List<YamlNode> dirs = new ArrayList<>(u.get().get("directory").stream().toList());
            dirs.addAll(u.get().list("directories"));
            if (dirs.isEmpty()) {
                ctx.problem(path, u.get().lineOf("package-ecosystem"), "the '" + written
                        + "' update has no directory");
            }
            List<String> folders = new ArrayList<>();
            for (YamlNode d : dirs) {
                if (d.text() == null) {
                    continue;
                }
                String dir = folder(d.text());
                folders.add(dir);
                entries.add(new Entry(ecosystem, dir, d.line(), ecosystem.equals("github-actions") || exists(dir)));
            }
            dependabotExclusions(u.get(), ecosystem, folders, exclusions);
        }
        int line = m.get("updates").isPresent() ? m.lineOf("updates") : m.line();
        return new Config("dependabot", path, line, true, !entries.isEmpty(), false, entries, List.of(), exclusions);
    }

    /**
     * An update that ignores every dependency ({@code ignore: - dependency-name: "*"} without versions or update
     * types) or opens no pull request ({@code open-pull-requests-limit: 0}, security updates only) leaves its
     * ecosystem and directories out; ignoring named dependencies or major updates does not.
     */
    private static void dependabotExclusions(YamlNode.Mapping u, String ecosystem, List<String> folders,
            List<Exclusion> out) {
        List<String> paths = folders.stream().map(f -> f.isEmpty() ? "**" : f).toList();
        for (YamlNode i : u.list("ignore")) {
            Optional<YamlNode.Mapping> im = i.asMapping();
            if (im.isPresent() && "*".equals(im.get().string("dependency-name").map(String::strip).orElse(null))
                    && im.get().get("versions").isEmpty() && im.get().get("update-types").isEmpty()) {
                out.add(new Exclusion(ecosystem, paths, im.get().lineOf("dependency-name"),
                        "ignore: dependency-name: \"*\""));
            }
        }
        if ("0".equals(u.string("open-pull-requests-limit").map(String::strip).orElse(null))) {
            out.add(new Exclusion(ecosystem, paths, u.lineOf("open-pull-requests-limit"),
                    "open-pull-requests-limit: 0"));
        }
    }

    private Config renovate(String path) {
        Optional<String> text = text(path);
        if (text.isEmpty()) {
            return new Config("renovate", path, 1, false, false, false, List.of(), List.of());
        }
        Optional<YamlNode.Mapping> root = root(path, JsonComments.strip(text.get()), "Renovate configuration");
        if (root.isEmpty()) {
            return new Config("renovate", path, 1, false, false, false, List.of(), List.of());
        }
        YamlNode.Mapping m = root.get();
        List<YamlNode> extended = m.get("extends").filter(n -> n.text() != null).map(List::of)
                .orElse(m.list("extends")); // "extends": "config:recommended" is one preset too
        List<String> presets = extended.stream().map(YamlNode::text).filter(s -> s != null).map(String::strip)
                .toList();
        List<String> unreadable = presets.stream().filter(p -> !builtIn(p)).toList();
        if (m.string("enabled").map(v -> v.equalsIgnoreCase("false")).orElse(false)) {
            return new Config("renovate", path, m.lineOf("enabled"), true, false, false, List.of(), presets);
        }
        Optional<YamlNode> disabling = extended.stream().filter(n -> DISABLE_RENOVATE.equals(n.text().strip()))
                .findFirst();
        if (disabling.isPresent()) {
            return new Config("renovate", path, disabling.get().line(), true, false, false, List.of(), presets);
        }
        List<Exclusion> exclusions = renovateExclusions(m);
        for (YamlNode n : extended) {
            String preset = n.text().strip();
            if (preset.equals("docker:disable")) {
                exclusions.add(new Exclusion("docker", List.of(), n.line(), "extends: docker:disable"));
            }
        }
        if (m.get("enabledManagers").isEmpty()) {
            return new Config("renovate", path, m.line(), true, true, true, List.of(), presets, exclusions,
                    unreadable);
        }
        List<Entry> entries = new ArrayList<>();
        for (YamlNode manager : m.list("enabledManagers")) {
            if (manager.text() != null) {
                String name = manager.text().strip().toLowerCase(Locale.ROOT);
                entries.add(new Entry(RENOVATE.getOrDefault(name, name), null, manager.line(), true));
            }
        }
        // a local enabledManagers replaces whatever a preset says of it: what is covered is known
        return new Config("renovate", path, m.lineOf("enabledManagers"), true, !entries.isEmpty(), false, entries,
                presets, exclusions);
    }

    /** Renovate's own preset groups ({@code config:recommended}, {@code :semanticCommits}, {@code docker:pinDigests}). */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("config", "default", "group", "schedule", "helpers",
            "docker", "workarounds", "npm", "packages", "monorepo", "regexManagers", "customManagers", "replacements",
            "security", "abandonments", "mergeConfidence", "preview", "compatibility", "github-actions");
    private static final String DISABLE_RENOVATE = ":disableRenovate";

    /**
     * Whether a preset is built into Renovate, so known here: {@code :name} or {@code group:name} of Renovate's own
     * groups. {@code github>org/repo}, {@code gitlab>…}, {@code local>…}, a URL or an npm package
     * ({@code @org/renovate-config}, {@code org:preset} of {@code renovate-config-org}) are read from elsewhere.
     */
    static boolean builtIn(String preset) {
        String p = preset.replaceFirst("\\(.*\\)$", "");
        if (p.contains(">") || p.contains("/") || p.startsWith("@")) {
            return false;
        }
        int colon = p.indexOf(':');
        return colon == 0 || colon > 0 && BUILT_IN_GROUPS.contains(p.substring(0, colon));
    }

    /** Renovate's managers whose switch ({@code "maven": {"enabled": false}}) stands for their whole ecosystem. */
    private static final Set<String> PRIMARY_MANAGERS = Set.of("maven", "gradle", "npm", "gomod", "dockerfile",
            "github-actions", "terraform", "helmv3", "bundler", "cargo", "composer", "nuget");

    /** Package-rule keys that narrow a rule to some packages or updates: such a rule leaves no ecosystem out. */
    private static final Set<String> PACKAGE_MATCHERS = Set.of("matchPackageNames", "matchPackagePatterns",
            "matchPackagePrefixes", "matchDepNames", "matchDepPatterns", "matchDepPrefixes", "matchDepTypes",
            "matchUpdateTypes", "matchCurrentVersion", "matchCurrentValue", "matchNewValue", "matchSourceUrls",
            "matchSourceUrlPrefixes", "matchPackageTags", "matchCategories", "matchBaseBranches",
            "excludePackageNames", "excludePackagePatterns", "excludePackagePrefixes", "excludeDepNames",
            "matchJsonata", "matchRepositories", "matchConfidence");

    /** Renovate datasources → the ecosystems compared. */
    private static final Map<String, String> DATASOURCES = Map.ofEntries(Map.entry("maven", "maven"),
            Map.entry("gradle-version", "gradle"), Map.entry("npm", "npm"), Map.entry("pypi", "pip"),
            Map.entry("go", "gomod"), Map.entry("docker", "docker"), Map.entry("github-actions", "github-actions"),
            Map.entry("github-tags", "github-actions"), Map.entry("terraform-provider", "terraform"),
            Map.entry("terraform-module", "terraform"), Map.entry("helm", "helm"), Map.entry("rubygems", "bundler"),
            Map.entry("crate", "cargo"), Map.entry("packagist", "composer"), Map.entry("nuget", "nuget"));

    /**
     * {@code ignorePaths} and the {@code packageRules} that switch updates off ({@code enabled: false}) for whole
     * managers, datasources or paths; a rule that also names packages or update types leaves only those out.
     */
    private static List<Exclusion> renovateExclusions(YamlNode.Mapping m) {
        List<Exclusion> out = new ArrayList<>();
        for (YamlNode p : m.list("ignorePaths")) {
            if (p.text() != null && !p.text().isBlank()) {
                out.add(new Exclusion(null, List.of(p.text().strip()), p.line(), "ignorePaths: " + p.text().strip()));
            }
        }
        // a manager's own block: "terraform": {"ignorePaths": [...]}, "maven": {"enabled": false}
        for (String key : m.keys()) {
            String manager = key.toLowerCase(Locale.ROOT);
            Optional<YamlNode.Mapping> block = m.mapping(key);
            if (!RENOVATE.containsKey(manager) || block.isEmpty()) {
                continue;
            }
            String ecosystem = RENOVATE.get(manager);
            for (YamlNode p : block.get().list("ignorePaths")) {
                if (p.text() != null && !p.text().isBlank()) {
                    out.add(new Exclusion(ecosystem, List.of(p.text().strip()), p.line(), key + ".ignorePaths: "
                            + p.text().strip()));
                }
            }
            if (PRIMARY_MANAGERS.contains(manager) && block.get().string("enabled")
                    .map(v -> v.equalsIgnoreCase("false")).orElse(false)) {
                out.add(new Exclusion(ecosystem, List.of(), block.get().lineOf("enabled"), key + ".enabled: false"));
            }
        }
        for (YamlNode rule : m.list("packageRules")) {
            Optional<YamlNode.Mapping> r = rule.asMapping();
            if (r.isEmpty() || !r.get().string("enabled").map(v -> v.equalsIgnoreCase("false")).orElse(false)
                    || r.get().keys().stream().anyMatch(PACKAGE_MATCHERS::contains)) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            List<String> said = new ArrayList<>();
            for (String key : List.of("matchFileNames", "matchPaths")) {
                List<String> globs = r.get().list(key).stream().map(YamlNode::text).filter(t -> t != null).toList();
                paths.addAll(globs);
                if (!globs.isEmpty()) {
                    said.add(key + ": " + String.join(", ", globs));
                }
            }
            List<String> ecosystems = new ArrayList<>();
            for (String key : List.of("matchManagers", "matchDatasources")) {
                List<String> names = r.get().list(key).stream().map(YamlNode::text).filter(t -> t != null)
                        .map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
                Map<String, String> map = key.equals("matchManagers") ? RENOVATE : DATASOURCES;
                names.forEach(n -> ecosystems.add(map.getOrDefault(n, n)));
                if (!names.isEmpty()) {
                    said.add(key + ": " + String.join(", ", names));
                }
            }
            String written = "packageRules enabled: false" + (said.isEmpty() ? "" : " (" + String.join("; ", said)
                    + ")");
            int line = r.get().lineOf("enabled");
            if (ecosystems.isEmpty()) {
                out.add(new Exclusion(null, paths, line, written));
            } else {
                ecosystems.stream().distinct().forEach(e -> out.add(new Exclusion(e, paths, line, written)));
            }
        }
        return out;
    }

    private Optional<String> text(String path) {
        RepoTree.TextRead read = tree.readText(path);
        if (!read.ok()) {
            ctx.problem(path, null, "file skipped: " + read.skipped());
            return Optional.empty();
        }
        return Optional.of(read.text());
    }

    /** Dependabot's {@code /}, {@code /web/}, {@code web} → {@code ""}, {@code web}, {@code web}. */
    private static String folder(String directory) {
        String d = directory.strip();
        while (d.startsWith("/") || d.startsWith("./")) {
            d = d.startsWith("/") ? d.substring(1) : d.substring(2);
        }
        while (d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    private boolean exists(String dir) {
        if (dir.isEmpty()) {
            return true;
        }
        if (dir.contains("*")) {
            Glob glob = Glob.of(dir);
            return tree.filesUnder("").stream().anyMatch(f -> folders(f).stream().anyMatch(glob::matches));
        }
        return !tree.filesUnder(dir).isEmpty();
    }

    private static List<String> folders(String file) {
        List<String> out = new ArrayList<>();
        int slash = file.indexOf('/');
        while (slash >= 0) {
            out.add(file.substring(0, slash));
            slash = file.indexOf('/', slash + 1);
        }
        return out;
    }

    private List<Manifest> manifests() {
        List<Manifest> out = new ArrayList<>();
        Set<String> terraformFolders = new TreeSet<>();
        for (String path : tree.files()) {
            if (NOT_OURS.matcher(path).find()) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            String ecosystem = ecosystem(path, name);
            if (ecosystem == null) {
                continue;
            }
            if (ecosystem.equals("terraform")) {
                String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                if (!terraformFolders.add(folder)) {
                    // one root module per folder, named by its main.tf where it has one: an ignorePaths of a
                    // generated file ("**/context.tf") leaves that file out, not the module
                    if (name.equals("main.tf") || name.equals("main.tf.json")) {
                        out.removeIf(m -> m.ecosystem().equals("terraform") && m.folder().equals(folder));
                        out.add(new Manifest(ecosystem, path));
                    }
                    continue;
                }
            }
            out.add(new Manifest(ecosystem, path));
        }
        out.sort(Comparator.comparing(Manifest::ecosystem).thenComparing(Manifest::path));
        return out;
    }

    private static String ecosystem(String path, String name) {
        if (name.equals("pom.xml")) {
            return "maven";
        }
        if (name.equals("build.gradle") || name.equals("build.gradle.kts") || name.equals("libs.versions.toml")) {
            return "gradle";
        }
        if (name.equals("package.json")) {
            return "npm";
        }
        if (REQUIREMENTS.matcher(name).matches() || name.equals("pyproject.toml") || name.equals("Pipfile")
                || name.equals("setup.py")) {
            return "pip";
        }
        if (name.equals("go.mod")) {
            return "gomod";
        }
        if (name.equals("Dockerfile") || name.startsWith("Dockerfile.") || name.endsWith(".Dockerfile")
                || name.equals("Containerfile")) {
            return "docker";
        }
        if (WORKFLOW.matcher(path).matches()) {
            return "github-actions";
        }
        if (name.endsWith(".tf") || name.endsWith(".tf.json")) {
            return "terraform";
        }
        if (name.equals("Chart.yaml")) {
            return "helm";
        }
        if (name.equals("Gemfile")) {
            return "bundler";
        }
        if (name.equals("Cargo.toml")) {
            return "cargo";
        }
        if (name.equals("composer.json")) {
            return "composer";
        }
        if (name.endsWith(".csproj") || name.equals("packages.config")) {
            return "nuget";
        }
        return null;
    }

    /** Files whose {@code # renovate:} comments show Renovate's custom managers at work (a few, not all). */
    private List<String> renovateComments() {
        List<String> out = new ArrayList<>();
        int read = 0;
        for (String path : tree.files()) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            boolean candidate = name.startsWith("Dockerfile") || name.endsWith(".yml") || name.endsWith(".yaml")
                    || name.equals(".tool-versions") || name.endsWith(".tf") || name.endsWith(".toml")
                    || name.endsWith(".properties") || name.endsWith(".env") || name.equals("Makefile")
                    || name.endsWith(".sh");
            if (!candidate || NOT_OURS.matcher(path).find() || read++ > 2000) {
                continue;
            }
            RepoTree.TextRead text = tree.readText(path);
            if (text.ok() && RENOVATE_COMMENT.matcher(text.text()).find()) {
                out.add(path);
                if (out.size() >= 3) {
                    break;
                }
            }
        }
        return out;
    }
}
