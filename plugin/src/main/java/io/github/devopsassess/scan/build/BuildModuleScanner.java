package io.github.devopsassess.scan.build;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.build.BuildModule;
import io.github.devopsassess.facts.build.BuildModuleFacts;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;
import io.github.devopsassess.parse.LineIndex;
import io.github.devopsassess.parse.XmlComments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds module folders that the build leaves out: a folder with its own {@code pom.xml} or
 * {@code build.gradle[.kts]} that no {@code <module>} of an aggregating pom above it and no {@code include} of a
 * Gradle settings file above it lists, and which no CI definition or build script names. Samples, examples and test
 * fixtures are not modules. A pom whose {@code <modules>} block is never closed is one problem at its line.
 */
public final class BuildModuleScanner implements Scanner {

    private static final Pattern BUILD = Pattern.compile("(^|/)(pom\\.xml|build\\.gradle(\\.kts)?"
            + "|settings\\.gradle(\\.kts)?)$");
    private static final Pattern SETTINGS = Pattern.compile("(^|/)settings\\.gradle(\\.kts)?$");
    /**
     * Folders whose build files are test fixtures, samples or generated output, not modules of the product, and
     * Gradle's {@code buildSrc}, which Gradle builds without being included.
     */
    private static final Pattern NOT_MODULE = Pattern.compile("(?i)(^|/)(src/(test|it)|archetype-resources|buildSrc"
            + "|__fixtures__|fixtures?|test-?data|test-?projects?|samples?|examples?|demos?|node_modules|target"
            + "|build|\\.[^/]+)(/|$)");
    /** CI definitions and build scripts, where a folder built outside the aggregator is named. */
    private static final Pattern BUILDER = Pattern.compile("(^|/)(\\.github/workflows/[^/]+\\.ya?ml"
            + "|\\.gitlab-ci\\.yml|\\.gitlab/.+\\.ya?ml|Jenkinsfile[^/]*|[^/]*pipelines?[^/]*\\.ya?ml"
            + "|\\.circleci/config\\.ya?ml|bitbucket-pipelines\\.yml|\\.travis\\.yml|eng/.+\\.ya?ml|\\.ci/.+"
            + "|[^/]+\\.(sh|ps1|cmd|bat)|Makefile|Taskfile\\.ya?ml|justfile)$");
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<]+?)\\s*</module>");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*(include|includeFlat|includeBuild)\\b");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"'$]+)[\"']");

    /** What one aggregating build file lists. */
    private static final class Aggregator {
        final String path;
        final boolean gradle;
        int line;
        boolean custom;
        final Map<String, Integer> listed = new LinkedHashMap<>();
        final Map<String, Integer> commented = new HashMap<>();

        Aggregator(String path, boolean gradle) {
            this.path = path;
            this.gradle = gradle;
        }
    }

    @Override
    public String id() {
        return "build";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        String root = tree.subtree();
        List<String> buildFiles = new ArrayList<>();
        Map<String, Aggregator> aggregators = new LinkedHashMap<>();
        Map<String, Integer> nameLines = new HashMap<>();
        for (String path : tree.files()) {
            if (!BUILD.matcher(path).find()) {
                continue;
            }
            RepoTree.TextRead text = tree.readText(path);
            if (!text.ok()) {
                continue;
            }
            buildFiles.add(path);
            if (path.endsWith("pom.xml")) {
                pom(path, text.text(), aggregators, nameLines, facts);
            } else if (SETTINGS.matcher(path).find()) {
                settings(path, text.text(), aggregators);
            }
        }
        List<String> candidates = new ArrayList<>();
        for (String path : buildFiles) {
            String folder = folderOf(path);
            if (SETTINGS.matcher(path).find() || folder.equals(root) || NOT_MODULE.matcher(folder).find()
                    || listed(folder, aggregators)) {
                continue;
            }
            if (path.contains("build.gradle") && buildFiles.contains(folder + "/pom.xml")) {
                continue; // one module, two build files: judged once, by its pom
            }
            candidates.add(path);
        }
        Map<String, List<String>> builtBy = mentions(tree, candidates);
        List<BuildModule> unlisted = new ArrayList<>();
        for (String path : candidates) {
            String folder = folderOf(path);
            Aggregator above = nearest(folder, root, !path.endsWith("pom.xml"), aggregators);
            if (above != null && above.custom) {
                continue; // settings that set projectDir: where its projects live is not read here
            }
            unlisted.add(new BuildModule(path, nameLines.getOrDefault(path, 1), above == null ? null : above.path,
                    above == null ? 0 : above.line, above == null ? 0 : above.commented.getOrDefault(folder, 0),
                    builtBy.getOrDefault(path, List.of())));
        }
        facts.put(BuildModuleFacts.class, new BuildModuleFacts(buildFiles.stream().sorted().toList(),
                aggregators.values().stream().map(a -> a.path).sorted().toList(), unlisted));
    }

    private static void pom(String path, String text, Map<String, Aggregator> aggregators,
            Map<String, Integer> nameLines, Facts.Builder facts) {
        String folder = folderOf(path);
        // comments blanked with their line breaks kept, so that offsets still give lines
        LineIndex lines = LineIndex.of(text);
        Matcher c = XmlComments.COMMENT.matcher(text);
        Aggregator agg = new Aggregator(path, false);
        while (c.find()) {
            Matcher m = MODULE.matcher(c.group());
            while (m.find()) {
                agg.commented.put(resolve(folder, m.group(1)), lines.lineAt(c.start() + m.start()));
            }
        }
        String body = XmlComments.blank(text);
        int open = body.indexOf("<modules>");
        if (open >= 0) {
            if (body.indexOf("</modules>", open) < 0) {
                facts.problem(path, lines.lineAt(open), "<modules> is never closed: the modules of this pom are"
                        + " not read");
            } else {
                agg.line = lines.lineAt(open);
                Matcher m = MODULE.matcher(body);
                while (m.find()) {
                    agg.listed.put(resolve(folder, m.group(1)), lines.lineAt(m.start()));
                }
            }
        }
        if (agg.line > 0 || !agg.commented.isEmpty()) {
            aggregators.put(path, agg);
        }
        int parentEnd = body.indexOf("</parent>");
        int artifact = body.indexOf("<artifactId>", Math.max(parentEnd, 0));
        if (artifact >= 0) {
            nameLines.put(path, lines.lineAt(artifact));
        }
    }

    private static void settings(String path, String text, Map<String, Aggregator> aggregators) {
        String folder = folderOf(path);
        Aggregator agg = new Aggregator(path, true);
        String[] lines = text.split("\\R", -1);
        boolean open = false;
        String kind = "include";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf("//");
            String code = comment >= 0 ? line.substring(0, comment) : line;
            if (code.contains("projectDir")) {
                agg.custom = true;
            }
            Matcher inc = INCLUDE.matcher(code);
            if (inc.find()) {
                kind = inc.group(1);
                open = code.contains("(") && !code.contains(")");
                agg.line = agg.line == 0 ? i + 1 : agg.line;
            } else if (!open) {
                continue;
            } else if (code.contains(")")) {
                open = false;
            }
            Matcher q = QUOTED.matcher(code);
            while (q.find()) {
                String name = q.group(1).strip();
                String relative = switch (kind) {
                    case "includeFlat" -> "../" + name;
                    case "includeBuild" -> name;
                    default -> name.replaceAll("^:", "").replace(':', '/');
                };
                agg.listed.put(resolve(folder, relative), i + 1);
            }
        }
        if (agg.line > 0) {
            aggregators.put(path, agg);
        }
    }

    /** Lines of CI definitions and build scripts that name each candidate's folder. */
    private static Map<String, List<String>> mentions(RepoTree tree, List<String> candidates) {
        Map<String, List<String>> out = new HashMap<>();
        if (candidates.isEmpty()) {
            return out;
        }
        Map<String, Pattern> names = new LinkedHashMap<>();
        for (String path : candidates) {
            String folder = folderOf(path);
            String relative = tree.relativeToSubtree(folder);
            names.put(path, Pattern.compile("(?<![\\w.-])(\\./)?(" + Pattern.quote(folder)
                    + (relative.equals(folder) ? "" : "|" + Pattern.quote(relative)) + ")(?![\\w.-])"));
        }
        List<String> builders = new ArrayList<>(tree.files().stream().filter(f -> BUILDER.matcher(f).find()).toList());
        if (!tree.subtree().isEmpty()) {
            tree.filesUnder("").stream().filter(f -> f.startsWith(".github/") || f.startsWith(".gitlab")
                    || f.equals("Jenkinsfile")).filter(f -> BUILDER.matcher(f).find() && !builders.contains(f))
                    .forEach(builders::add);
        }
        for (String file : builders) {
            RepoTree.TextRead text = tree.readText(file);
            if (!text.ok()) {
                continue;
            }
            String[] lines = text.text().split("\\R", -1);
            for (Map.Entry<String, Pattern> e : names.entrySet()) {
                if (file.startsWith(folderOf(e.getKey()) + "/")) {
                    continue; // a module's own scripts do not build it from outside
                }
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].length() < 2000 && e.getValue().matcher(lines[i]).find()) {
                        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(file + ":" + (i + 1));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean listed(String folder, Map<String, Aggregator> aggregators) {
        return aggregators.values().stream().anyMatch(a -> a.listed.containsKey(folder));
    }

    /** The closest aggregator of the same build tool in a folder above (not in the folder itself). */
    private static Aggregator nearest(String folder, String root, boolean gradle, Map<String, Aggregator> all) {
        String f = folder;
        while (!f.equals(root) && !f.isEmpty()) {
            f = folderOf(f);
            for (Aggregator a : all.values()) {
                if (a.gradle == gradle && folderOf(a.path).equals(f) && (!a.listed.isEmpty()
                        || a.commented.containsKey(folder))) {
                    return a;
                }
            }
        }
        return null;
    }

    /** A module path as written, relative to its aggregator's folder, made repository-relative. */
    static String resolve(String folder, String relative) {
        String target = relative.replace('\\', '/');
        if (target.endsWith(".xml") || target.endsWith(".gradle") || target.endsWith(".kts")) {
            target = target.contains("/") ? target.substring(0, target.lastIndexOf('/')) : "";
        }
        List<String> parts = new ArrayList<>(folder.isEmpty() ? List.of() : List.of(folder.split("/")));
        for (String p : target.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
