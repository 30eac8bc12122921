package io.github.devopsassess.scan.build;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.build.ModuleTests;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The build modules of the assessed folder — Maven ({@code pom.xml}), Gradle ({@code build.gradle[.kts]}), npm
 * ({@code package.json}), Python ({@code pyproject.toml}, {@code setup.py}) and Go ({@code go.mod}) — with the count
 * of their source and test files, and the pipeline steps that run that kind of module's tests. A file belongs to the
 * deepest module folder above it. Generated, example, documentation and fixture folders are neither modules nor
 * sources. It reads the pipeline scanner's facts for the test steps rather than the pipeline files. A
 * {@code package.json} that is not valid JSON is one problem at its line; the module is still counted.
 */
public final class ModuleTestsScanner implements Scanner {

    private static final Pattern MANIFEST = Pattern.compile("(^|/)(pom\\.xml|build\\.gradle(\\.kts)?|package\\.json"
            + "|pyproject\\.toml|setup\\.py|go\\.mod)$");
    /** Folders whose files are not the product's code: generated, vendored, examples, docs, fixtures, output. */
    private static final Pattern NOT_CODE = Pattern.compile("(?i)(^|/)(archetype-resources|__fixtures__|fixtures?"
            + "|test-?data|test-?projects?|samples?|examples?|demos?|docs?|documentation|site|node_modules|vendor"
            + "|third[_-]?party|target|build|dist|out|coverage|generated|gen|__generated__|\\.[^/]+)(/|$)");
    /** The build's own logic (Gradle buildSrc and included build-logic builds): tooling, not the product. */
    private static final Pattern BUILD_LOGIC = Pattern.compile("(^|/)(buildSrc|build-?logic|gradle/plugins?)(/|$)");
    /** Test files and folders of every ecosystem read here. */
    private static final Pattern TEST_FILE = Pattern.compile("(^|/)(src/(test|it|[A-Za-z]*[Tt]est[A-Za-z]*)/"
            + "|(tests?|__tests__|spec|specs|e2e|testing|integration[_-]?tests?)/)"
            + "|_test\\.go$|(^|/)test_[^/]*\\.py$|_test\\.py$|(^|/)conftest\\.py$|\\.(spec|test)\\.[cm]?[jt]sx?$"
            + "|(Test|Tests|IT|Spec)\\.(java|kt|scala|groovy)$");
    private static final Pattern JVM_SOURCE = Pattern.compile("(^|/)src/main/.+\\.(java|kt|scala|groovy|clj)$");
    private static final Pattern JS_SOURCE = Pattern.compile("\\.([cm]?[jt]sx?|vue|svelte)$");
    private static final Pattern JS_NOT_SOURCE = Pattern.compile("(\\.d\\.ts$|(^|/)[^/]*\\.config\\.[cm]?[jt]s$"
            + "|(^|/)\\.[^/]*$|(^|/)(Gruntfile|Gulpfile|gulpfile|webpack[^/]*|rollup[^/]*)\\.[cm]?js$"
            + "|(^|/)(public|static|assets)/|\\.min\\.js$)");
    private static final Pattern PY_NOT_SOURCE = Pattern.compile("(^|/)(setup\\.py|__init__\\.py|noxfile\\.py"
            + "|fabfile\\.py|manage\\.py)$");

    /** The commands that run each kind of module's tests. */
    private static final Map<String, Pattern> TEST_COMMANDS = Map.of(
            "maven", Pattern.compile("\\b(mvnw?|maven)\\b[^\\n]*\\b(test|verify|install|package|deploy)\\b"),
            "gradle", Pattern.compile("\\bgradlew?\\b[^\\n]*\\b(test\\w*|check|build)\\b"),
            "npm", Pattern.compile("\\b(npm|yarn|pnpm)\\s+(run\\s+)?(test|ci|cover\\w*)\\b|\\b(jest|vitest|mocha|karma"
                    + "|ava|playwright|cypress)\\b|\\bnpm\\s+(run\\s+)?[\\w:-]*test"),
            "python", Pattern.compile("\\b(pytest|py\\.test|tox|nox|unittest|nosetests|hatch\\s+(run\\s+)?test)\\b"),
            "go", Pattern.compile("\\bgo\\s+test\\b|\\bginkgo\\b|\\bgotestsum\\b"));
    private static final Pattern MAKE_TEST = Pattern.compile("\\bmake\\s+([\\w-]*\\s+)*[\\w-]*(test|check)\\b");
    private static final Pattern SKIPS = Pattern.compile("(?i)-DskipTests(?!=false)\\b|-Dmaven\\.test\\.skip(?!=false)"
            + "\\b|-x\\s+test\\b");

    @Override
    public String id() {
        return "module-tests";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        // folder → kind → build file
        Map<String, Map<String, String>> modules = new TreeMap<>();
        for (String path : tree.files()) {
            if (!MANIFEST.matcher(path).find()) {
                continue;
            }
            String folder = folderOf(path);
            if (NOT_CODE.matcher(folder).find() || BUILD_LOGIC.matcher(folder).find()
                    || TEST_FILE.matcher(folder + "/").find()) {
                continue;
            }
            String kind = kind(fileName(path));
            if (kind.equals("npm")) {
                checkJson(path, tree, facts);
            }
            Map<String, String> kinds = modules.computeIfAbsent(folder, f -> new LinkedHashMap<>());
            if (kind.equals("gradle") && kinds.containsKey("maven") || kinds.containsKey(kind)) {
                continue; // one module, two build files
            }
            if (kind.equals("maven")) {
                kinds.remove("gradle");
            }
            kinds.put(kind, path);
        }
        if (modules.isEmpty()) {
            facts.put(ModuleTests.class, new ModuleTests(List.of()));
            return;
        }
        Map<String, int[]> counts = new HashMap<>(); // folder|kind → sources; folder → tests under "folder|"
        for (String path : tree.files()) {
            String owner = owner(path, modules);
            if (owner == null) {
                continue;
            }
            String inside = owner.isEmpty() ? path : path.substring(owner.length() + 1);
            if (TEST_FILE.matcher(inside).find()) {
                counts.computeIfAbsent(owner + "|", k -> new int[1])[0]++;
                continue;
            }
            int main = inside.indexOf("src/main/");
            // a Java package (com/example/gen) is no example or generated folder: only the folders above src/main
            String above = main >= 0 ? inside.substring(0, main) : folderOf(inside);
            if (NOT_CODE.matcher(above).find() || BUILD_LOGIC.matcher(above).find()) {
                continue;
            }
            for (String kind : modules.get(owner).keySet()) {
                if (isSource(kind, inside)) {
                    counts.computeIfAbsent(owner + "|" + kind, k -> new int[1])[0]++;
                }
            }
        }
        Map<String, List<String>> testedBy = testSteps(facts);
        List<ModuleTests.Module> out = new ArrayList<>();
        modules.forEach((folder, kinds) -> kinds.forEach((kind, buildFile) -> {
            int sources = counts.getOrDefault(folder + "|" + kind, new int[1])[0];
            if (sources > 0) {
                out.add(new ModuleTests.Module(folder, buildFile, kind, sources,
                        counts.getOrDefault(folder + "|", new int[1])[0], testedBy.getOrDefault(kind, List.of())));
            }
        }));
        facts.put(ModuleTests.class, new ModuleTests(out));
    }

    private static String kind(String name) {
        return switch (name) {
            case "pom.xml" -> "maven";
            case "package.json" -> "npm";
            case "pyproject.toml", "setup.py" -> "python";
            case "go.mod" -> "go";
            default -> "gradle";
        };
    }

    private static boolean isSource(String kind, String inside) {
        return switch (kind) {
            case "maven", "gradle" -> JVM_SOURCE.matcher(inside).find();
            case "npm" -> JS_SOURCE.matcher(inside).find() && !JS_NOT_SOURCE.matcher(inside).find();
            case "python" -> inside.endsWith(".py") && !PY_NOT_SOURCE.matcher(inside).find();
            case "go" -> inside.endsWith(".go");
            default -> false;
        };
    }

    /** The deepest module folder that holds the file, or {@code null}. */
    private static String owner(String path, Map<String, Map<String, String>> modules) {
        String f = folderOf(path);
        while (true) {
            if (modules.containsKey(f)) {
                return f;
            }
            if (f.isEmpty()) {
                return null;
            }
            f = folderOf(f);
        }
    }

    /** Steps of every pipeline that run the tests of each kind of module, as {@code path:line}. */
    private static Map<String, List<String>> testSteps(Facts.Builder facts) {
        Map<String, List<String>> out = new HashMap<>();
        PipelineFacts pipelines = facts.find(PipelineFacts.class).orElse(null);
        if (pipelines == null) {
            return out;
        }
        for (Job job : pipelines.jobs()) {
            for (Step step : job.steps()) {
                String text = step.text() == null ? "" : step.text();
                if (step.has(StepRole.SKIPS_TESTS) || SKIPS.matcher(text).find()) {
                    continue;
                }
                String where = step.at() == null ? job.at().label() : step.at().label();
                String lower = text.toLowerCase(Locale.ROOT);
                for (Map.Entry<String, Pattern> e : TEST_COMMANDS.entrySet()) {
                    if (e.getValue().matcher(lower).find() || MAKE_TEST.matcher(lower).find()) {
                        List<String> list = out.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                        if (!list.contains(where)) {
                            list.add(where);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void checkJson(String path, RepoTree tree, Facts.Builder facts) {
        RepoTree.TextRead text = tree.readText(path);
        if (!text.ok()) {
            return;
        }
        try {
            new ObjectMapper().readTree(text.text());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            facts.problem(path, line, "package.json is not valid JSON (" + e.getOriginalMessage()
                    + "): its module is still counted, its settings are not read");
        }
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
