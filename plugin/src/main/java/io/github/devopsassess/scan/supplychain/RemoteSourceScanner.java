package io.github.devopsassess.scan.supplychain;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.supplychain.RemoteSource;
import io.github.devopsassess.facts.supplychain.RemoteSource.Kind;
import io.github.devopsassess.facts.supplychain.RemoteSource.RefKind;
import io.github.devopsassess.facts.supplychain.RemoteSources;
import io.github.devopsassess.parse.HclAttribute;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclBody;
import io.github.devopsassess.parse.HclReader;
import io.github.devopsassess.parse.HclValue;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds code of other repositories taken at a reference: Terraform {@code module} sources and versions, Terragrunt
 * {@code terraform { source }}, kustomize remote {@code resources}/{@code bases}/{@code components}, pip requirements
 * and pyproject/setup dependencies from git, npm dependencies from git or GitHub shorthands, Dockerfile
 * {@code RUN git clone} and {@code ADD} of a repository, and {@code git clone} or {@code curl … | sh} in CI
 * definitions, Makefiles and shell scripts. A reference given by a variable is looked up where the repository sets
 * it ({@code ARG}, {@code NAME=value}, {@code NAME ?= value}, {@code name: value} in a workflow, {@code ${NAME:-x}}).
 * GitHub actions, reusable workflows, orbs, GitLab includes and Jenkins libraries are the pipeline scanner's; go.mod
 * is pinned by go.sum. Test, example, fixture, vendored and build folders are not read.
 */
public final class RemoteSourceScanner implements Scanner {

    private enum Type { TERRAFORM, TERRAGRUNT, KUSTOMIZE, REQUIREMENTS, PYTHON, NPM, DOCKERFILE, CI, SHELL, NONE }

    /**
     * The type of each path seen, for as long as this scanner lives (one assessment with its trend points, which ask
     * about the same paths at every point): seven patterns per file of a large tree at every point were most of this
     * scanner's time. The trend's workers share it, hence a concurrent map.
     */
    private final Map<String, Type> types = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Pattern NOT_OURS = Pattern.compile("(^|/)(node_modules|vendor|target|build|dist|\\.terraform"
            + "|src/test|src/it|testdata|fixtures?|test|tests|e2e|examples?|__tests__|spec|test-fixtures)/");
    private static final Pattern CI = Pattern.compile("(^|/)(\\.github/workflows/[^/]+\\.ya?ml|\\.github/actions/.+"
            + "/action\\.ya?ml|action\\.ya?ml|\\.gitlab-ci\\.yml|\\.gitlab/.+\\.ya?ml|Jenkinsfile[^/]*"
            + "|azure-pipelines[^/]*\\.ya?ml|\\.circleci/config\\.ya?ml|\\.travis\\.yml|bitbucket-pipelines\\.yml)$");
    private static final Pattern DOCKERFILE = Pattern.compile("(^|/)((Dockerfile|Containerfile)[^/]*|[^/]+\\."
            + "(dockerfile|Dockerfile))$");
    private static final Pattern SHELL = Pattern.compile("(^|/)(Makefile|GNUmakefile|[^/]+\\.mk|[^/]+\\.(sh|bash|env))$");
    private static final Pattern REQUIREMENTS = Pattern.compile("(^|/)(requirements[^/]*\\.(txt|in)|requirements/[^/]+"
            + "\\.(txt|in)|constraints[^/]*\\.txt)$");
    private static final Pattern PYTHON = Pattern.compile("(^|/)(pyproject\\.toml|setup\\.py|setup\\.cfg|Pipfile)$");
    private static final Pattern KUSTOMIZATION = Pattern.compile("(^|/)(kustomization\\.ya?ml|Kustomization)$");
    /** A VCS URL in a requirement or Python build file. */
    private static final Pattern VCS_URL = Pattern.compile("\\b(?:git|hg)\\+(?:https?|ssh|git|file)://[^\\s'\",\\]]+");
    /** Poetry: {@code name = { git = "url", branch|rev|tag = "x" }}. */
    private static final Pattern POETRY_GIT = Pattern.compile("\\bgit\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern POETRY_REF = Pattern.compile("\\b(branch|rev|tag)\\s*=\\s*\"([^\"]+)\"");
    /** An archive on a forge named directly as a requirement ({@code https://github.com/o/r/archive/main.zip}). */
    private static final Pattern FORGE_ARCHIVE = Pattern.compile("https?://(?:github\\.com|codeload\\.github\\.com"
            + "|gitlab\\.com)/[^\\s'\"]+");
    /** A registry module address: {@code [host/]namespace/name/provider}. */
    private static final Pattern REGISTRY = Pattern.compile("(?:[\\w.-]+\\.[a-z]{2,}/)?[\\w-]+/[\\w-]+/[\\w-]+");
    private static final Pattern NPM_SHORTHAND = Pattern.compile("(?:(github|gitlab|bitbucket):)?([\\w.-]+)/([\\w.-]+)"
            + "(?:#(.*))?");
    /** {@code ${NAME}}, {@code $NAME}, {@code $(NAME)}, {@code ${{ inputs.NAME }}}, {@code ${NAME:-default}}. */
    private static final Pattern ONE_VARIABLE = Pattern.compile("\\$\\{\\{\\s*(?:inputs|env|vars|matrix)\\.([\\w-]+)"
            + "\\s*}}|\\$\\{([A-Za-z_]\\w*)(?::?-([^}]*))?}|\\$\\(([A-Za-z_]\\w*)\\)|\\$([A-Za-z_]\\w*)");
    private static final Pattern SHELL_ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+|readonly\\s+|ARG\\s+|ENV\\s+)?"
            + "([A-Za-z_]\\w*)\\s*[:?+]?=\\s*[\"']?([^\\s\"'#;]+)|^\\s*ENV\\s+([A-Za-z_]\\w*)\\s+[\"']?([^\\s\"'#;=]+)");
    private static final Pattern YAML_ASSIGNMENT = Pattern.compile("^\\s*-?\\s*([A-Za-z_][\\w-]*)\\s*:\\s*[\"']?"
            + "([^\\s\"'#{}\\[\\],]+)[\"']?\\s*(?:#.*)?$");
    private static final int FOLLOWING = 5;

    /** A fetch whose reference is a variable, resolved once every file has been read. */
    private record Pending(Kind kind, RemoteRefs.Location at, String ref, String path, int line) {
    }

    /** Where a variable is set. */
    private record Assignment(String value, String path, int line) {
    }

    @Override
    public String id() {
        return "remote-sources";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        List<String> files = new ArrayList<>(tree.files());
        if (!tree.subtree().isEmpty()) {
            tree.filesUnder("").stream().filter(f -> CI.matcher(f).find() && !files.contains(f)).forEach(files::add);
        }
        List<RemoteSource> out = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Map<String, List<Assignment>> assignments = new LinkedHashMap<>();
        Map<String, List<Assignment>> yaml = new LinkedHashMap<>();
        int read = 0;
        for (String path : files) {
            Type type = types.computeIfAbsent(path, f -> {
                Type t = type(f);
                return t == null || NOT_OURS.matcher(f).find() ? Type.NONE : t;
            });
            if (type == Type.NONE) {
                continue;
            }
            RepoTree.TextRead text = tree.readText(path);
            if (!text.ok()) {
                facts.problem(path, null, "file skipped: " + text.skipped());
                continue;
            }
            read++;
            String t = text.text();
            switch (type) {
                case TERRAFORM, TERRAGRUNT -> {
                    if (t.contains("source")) {
                        terraform(path, t, type, out, facts);
                    }
                }
                case KUSTOMIZE -> kustomize(path, t, out, facts);
                case REQUIREMENTS, PYTHON -> python(path, t, out);
                case NPM -> npm(path, t, out, facts);
                case DOCKERFILE, CI, SHELL -> shell(path, t, type, out, pending, type == Type.CI ? yaml : assignments);
                default -> { }
            }
        }
        resolve(pending, assignments, yaml, out);
        out.sort(Comparator.comparing(RemoteSource::path).thenComparingInt(RemoteSource::line)
                .thenComparing(RemoteSource::target));
        facts.put(RemoteSources.class, new RemoteSources(out, read));
    }

    private static Type type(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.endsWith(".tf") || name.endsWith(".tf.json")) {
            return Type.TERRAFORM;
        }
        if (name.equals("terragrunt.hcl")) {
            return Type.TERRAGRUNT;
        }
        if (KUSTOMIZATION.matcher(path).find()) {
            return Type.KUSTOMIZE;
        }
        if (REQUIREMENTS.matcher(path).find()) {
            return Type.REQUIREMENTS;
        }
        if (PYTHON.matcher(path).find()) {
            return Type.PYTHON;
        }
        if (name.equals("package.json")) {
            return Type.NPM;
        }
        if (DOCKERFILE.matcher(path).find()) {
            return Type.DOCKERFILE;
        }
        if (CI.matcher(path).find()) {
            return Type.CI;
        }
        return SHELL.matcher(path).find() ? Type.SHELL : null;
    }

    // ---- Terraform and Terragrunt

    private static void terraform(String path, String text, Type type, List<RemoteSource> out, Facts.Builder facts) {
        HclReader.Result result = new HclReader().read(path, text);
        result.problem().ifPresent(facts::problem);
        if (result.body().isEmpty()) {
            return;
        }
        HclBody body = result.body().get();
        if (type == Type.TERRAFORM) {
            for (HclBlock module : body.blocks("module")) {
                module.attribute("source").ifPresent(source -> {
                    String version = module.attribute("version").map(v -> v.value().text()).orElse(null);
                    terraformSource(Kind.TERRAFORM_MODULE, path, source, version, out);
                });
            }
        } else {
            body.block("terraform").flatMap(b -> b.attribute("source"))
                    .ifPresent(source -> terraformSource(Kind.TERRAGRUNT_SOURCE, path, source, null, out));
        }
    }

    private static void terraformSource(Kind kind, String path, HclAttribute attribute, String version,
            List<RemoteSource> out) {
        HclValue value = attribute.value();
        String source = value instanceof HclValue.Literal l ? l.text() : unquoted(value.source());
        if (source == null || source.isBlank() || source.startsWith("./") || source.startsWith("../")
                || source.startsWith("/")) {
            return;
        }
        String tfr = source.startsWith("tfr://") ? source.replaceFirst("^tfr:/*", "") : null;
        String withoutSubdir = source.replaceFirst("//.*$", "");
        if (tfr != null || (REGISTRY.matcher(withoutSubdir).matches() && !source.contains("::")
                && !source.startsWith("github.com/") && !source.startsWith("bitbucket.org/"))) {
            String address = tfr != null ? tfr.replaceFirst("\\?.*$", "").replaceFirst("//.*$", "") : withoutSubdir;
            String constraint = tfr != null && tfr.contains("?version=") ? tfr.substring(tfr.indexOf("?version=") + 9)
                    : version;
            out.add(new RemoteSource(kind, address, constraint, RemoteRefs.constraint(constraint),
                    address.split("/")[address.split("/").length - 3], path, attribute.line(), null));
            return;
        }
        RemoteRefs.Location at = RemoteRefs.url(source);
        if (variableTarget(at.target())) {
            return; // the source's address is set elsewhere (a Terragrunt local): nothing to name here
        }
        out.add(new RemoteSource(kind, at.target(), at.ref(), at.kind(), at.owner(), path, attribute.line(), null));
    }

    private static String unquoted(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    // ---- kustomize

    private static void kustomize(String path, String text, List<RemoteSource> out, Facts.Builder facts) {
        YamlReader.Result result = new YamlReader().read(path, text);
        if (!text.contains("{{") && !text.contains("{%")) { // a template to be rendered is not YAML yet
            result.problem().ifPresent(facts::problem);
        }
        result.first().flatMap(YamlNode::asMapping).ifPresent(root -> {
            for (String key : List.of("resources", "bases", "components")) {
                for (YamlNode item : root.list(key)) {
                    String entry = item.text();
                    if (entry == null || !remoteEntry(entry)) {
                        continue;
                    }
                    RemoteRefs.Location at = RemoteRefs.url(entry);
                    if (!variableTarget(at.target())) {
                        out.add(new RemoteSource(Kind.KUSTOMIZE, at.target(), at.ref(), at.kind(), at.owner(), path,
                                item.line(), null));
                    }
                }
            }
        });
    }

    private static boolean remoteEntry(String entry) {
        String e = entry.strip().toLowerCase(Locale.ROOT);
        return e.startsWith("http://") || e.startsWith("https://") || e.startsWith("git@") || e.startsWith("git::")
                || e.startsWith("ssh://") || e.startsWith("github.com/") || e.startsWith("gitlab.com/")
                || e.startsWith("bitbucket.org/");
    }

    // ---- pip, pyproject, setup, Pipfile

    private static void python(String path, String text, List<RemoteSource> out) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                continue;
            }
            Matcher vcs = VCS_URL.matcher(line);
            boolean found = false;
            while (vcs.find()) {
                found = true;
                add(Kind.PIP, RemoteRefs.url(vcs.group()), path, i + 1, out);
            }
            Matcher poetry = POETRY_GIT.matcher(line);
            if (!found && poetry.find()) {
                found = true;
                Matcher ref = POETRY_REF.matcher(line);
                RemoteRefs.Location at = RemoteRefs.url(poetry.group(1));
                String r = ref.find() ? ref.group(2) : null;
                RefKind kind = r == null ? RefKind.NONE : "branch".equals(ref.group(1))
                        && RemoteRefs.classify(r) != RefKind.COMMIT ? RefKind.BRANCH : RemoteRefs.classify(r);
                add(Kind.PIP, new RemoteRefs.Location(at.target(), at.owner(), r, kind), path, i + 1, out);
            }
            Matcher archive = FORGE_ARCHIVE.matcher(line);
            if (!found && archive.find() && (stripped.startsWith("http") || stripped.matches("[\\w.\\[\\],-]+\\s*@\\s*"
                    + "https?://.*") || stripped.startsWith("\"") && stripped.contains("@ http"))) {
                RemoteRefs.Location at = RemoteRefs.url(archive.group());
                if (at.owner() != null && !at.target().equals(archive.group())) {
                    add(Kind.PIP, at, path, i + 1, out);
                }
            }
        }
    }

    // ---- npm

    private static void npm(String path, String text, List<RemoteSource> out, Facts.Builder facts) {
        YamlReader.Result result = new YamlReader().read(path, text);
        result.problem().ifPresent(facts::problem);
        result.first().flatMap(YamlNode::asMapping).ifPresent(root -> {
            for (String key : List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")) {
                root.mapping(key).ifPresent(deps -> {
                    for (String name : deps.keys()) {
                        YamlNode node = deps.get(name).orElseThrow();
                        String spec = node.text();
                        if (spec != null) {
                            npmSpec(spec.strip(), path, node.line(), out);
                        }
                    }
                });
            }
        });
    }

    private static void npmSpec(String spec, String path, int line, List<RemoteSource> out) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("git+") || lower.startsWith("git://") || lower.startsWith("git@")
                || (lower.startsWith("http") && (lower.contains(".git") || lower.contains("/archive/")
                        || lower.contains("codeload.github.com")))) {
            add(Kind.NPM, RemoteRefs.url(spec), path, line, out);
            return;
        }
        Matcher m = NPM_SHORTHAND.matcher(spec);
        if (m.matches() && !lower.startsWith("npm:") && !lower.startsWith("file:") && !lower.startsWith("link:")
                && !lower.startsWith("workspace:") && !lower.startsWith("portal:") && !spec.startsWith("@")) {
            String host = m.group(1) == null || m.group(1).equals("github") ? "github.com" : m.group(1)
                    + (m.group(1).equals("bitbucket") ? ".org" : ".com");
            String ref = m.group(4);
            RemoteRefs.Location at = ref != null && ref.startsWith("semver:")
                    ? new RemoteRefs.Location(host + "/" + m.group(2) + "/" + m.group(3).replaceFirst("\\.git$", ""),
                            m.group(2), ref.substring(7), RemoteRefs.constraint(ref.substring(7)))
                    : new RemoteRefs.Location(host + "/" + m.group(2) + "/" + m.group(3).replaceFirst("\\.git$", ""),
                            m.group(2), ref, RemoteRefs.classify(ref));
            add(Kind.NPM, at, path, line, out);
        }
    }

    // ---- Dockerfiles, CI, Makefiles, shell scripts

    private static void shell(String path, String text, Type type, List<RemoteSource> out, List<Pending> pending,
            Map<String, List<Assignment>> assignments) {
        String[] raw = text.split("\\R", -1);
        List<String> logical = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        StringBuilder cur = null;
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i];
            String s = l.strip();
            if (cur == null && (s.startsWith("#") || s.startsWith("//"))) {
                continue;
            }
            if (cur == null) {
                cur = new StringBuilder();
                start = i + 1;
            }
            if (s.endsWith("\\")) {
                cur.append(s, 0, s.length() - 1).append(' ');
                continue;
            }
            cur.append(s.startsWith("#") ? "" : s);
            logical.add(cur.toString());
            starts.add(start);
            cur = null;
        }
        if (cur != null) {
            logical.add(cur.toString());
            starts.add(start);
        }
        for (int i = 0; i < logical.size(); i++) {
            String line = logical.get(i);
            int lineNo = starts.get(i);
            Matcher a = (type == Type.CI ? YAML_ASSIGNMENT : SHELL_ASSIGNMENT).matcher(line);
            if (a.find()) {
                boolean spaced = type != Type.CI && a.group(1) == null;
                assignments.computeIfAbsent((spaced ? a.group(3) : a.group(1)).toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(new Assignment(spaced ? a.group(4) : a.group(2), path, lineNo));
            }
            if (type == Type.CI && !line.contains("git") && !line.contains("curl") && !line.contains("wget")) {
                continue;
            }
            String command = line;
            if (type == Type.DOCKERFILE) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("ADD ")) {
                    dockerAdd(path, lineNo, line, out);
                    continue;
                }
                if (!upper.startsWith("RUN ")) {
                    continue;
                }
                command = line.substring(4);
            }
            List<String> following = logical.subList(i + 1, Math.min(logical.size(), i + 1 + FOLLOWING));
            if (type == Type.DOCKERFILE) {
                following = following.stream().filter(f -> f.toUpperCase(Locale.ROOT).startsWith("RUN "))
                        .toList();
            }
            for (ShellFetches.Fetch f : ShellFetches.find(command, following)) {
                RemoteRefs.Location at = RemoteRefs.url(f.url());
                if (variableTarget(at.target()) || (f.kind() == Kind.PIPED_SCRIPT && at.owner() == null)) {
                    continue; // a URL made of variables, or a vendor's install script that is not on a forge
                }
                if (f.kind() == Kind.GIT_CLONE) {
                    at = new RemoteRefs.Location(at.target(), at.owner(), f.ref() != null ? f.ref() : at.ref(),
                            f.ref() != null ? RemoteRefs.classify(f.ref()) : at.kind());
                }
                if (at.kind() == RefKind.VARIABLE) {
                    pending.add(new Pending(f.kind(), at, at.ref(), path, lineNo));
                } else {
                    add(f.kind(), at, path, lineNo, out);
                }
            }
        }
    }

    /** {@code ADD [--checksum=…] https://github.com/o/r.git#ref dest}: BuildKit's git source. */
    private static void dockerAdd(String path, int line, String instruction, List<RemoteSource> out) {
        List<String> words = ShellFetches.words(instruction.substring(4));
        boolean checksum = words.stream().anyMatch(w -> w.startsWith("--checksum="));
        for (String w : words) {
            if (w.startsWith("-")) {
                continue;
            }
            String base = w.replaceFirst("[#?].*$", "");
            if (base.endsWith(".git") || w.startsWith("git@")) {
                RemoteRefs.Location at = RemoteRefs.url(w);
                if (checksum) {
                    at = new RemoteRefs.Location(at.target(), at.owner(), at.ref(), RefKind.COMMIT);
                }
                add(Kind.DOCKER_ADD, at, path, line, out);
            }
            break; // the first source only; the rest are more sources or the destination
        }
    }

    /** Each value the repository sets a variable reference to; a variable set nowhere stays unknown. */
    private static void resolve(List<Pending> pending, Map<String, List<Assignment>> shell,
            Map<String, List<Assignment>> yaml, List<RemoteSource> out) {
        for (Pending p : pending) {
            Matcher v = ONE_VARIABLE.matcher(p.ref().strip());
            List<Assignment> values = new ArrayList<>();
            String name = null;
            if (v.matches()) {
                name = firstNonNull(v.group(1), v.group(2), v.group(4), v.group(5));
                String key = name.toLowerCase(Locale.ROOT);
                // a GitHub expression is set in workflow YAML; a shell variable in scripts, Makefiles and
                // Dockerfiles, else in a workflow's or job's env:
                List<Assignment> all = v.group(1) != null ? yaml.getOrDefault(key, List.of())
                        : shell.getOrDefault(key, yaml.getOrDefault(key, List.of()));
                List<Assignment> here = all.stream().filter(a -> a.path().equals(p.path())
                        && !a.value().contains("$")).toList();
                values.addAll(here.isEmpty() ? all.stream().filter(a -> !a.value().contains("$")).toList() : here);
                if (values.isEmpty() && v.group(3) != null && !v.group(3).isBlank()) {
                    values.add(new Assignment(v.group(3), p.path(), p.line()));
                }
            }
            if (values.isEmpty()) {
                out.add(new RemoteSource(p.kind(), p.at().target(), p.ref(), RefKind.VARIABLE, p.at().owner(),
                        p.path(), p.line(), null));
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Assignment a : values) {
                if (seen.add(a.value())) {
                    out.add(new RemoteSource(p.kind(), p.at().target(), a.value(), RemoteRefs.classify(a.value()),
                            p.at().owner(), p.path(), p.line(), name + "=" + a.value() + " (" + a.path() + ":"
                                    + a.line() + ")"));
                }
            }
        }
    }

    private static void add(Kind kind, RemoteRefs.Location at, String path, int line, List<RemoteSource> out) {
        out.add(new RemoteSource(kind, at.target(), at.ref(), at.kind(), at.owner(), path, line, null));
    }

    private static boolean variableTarget(String target) {
        return target.contains("$") || target.contains("{") || target.isBlank() || !target.contains("/");
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return "";
    }
}
