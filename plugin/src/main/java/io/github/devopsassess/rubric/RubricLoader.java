package io.github.devopsassess.rubric;

import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the default rubric from the {@code devops-rubrics} artifact and a team's own rubric that {@code extends} it.
 * Every mistake is reported with the file and line, all at once, so a user fixes a rubric in one round.
 */
public final class RubricLoader {

    /** Where the {@code devops-rubrics} artifact keeps the default rubric. */
    public static final String DEFAULT_RESOURCE = "io/github/devopsassess/rubrics/default.yaml";
    public static final String DEFAULT_NAME = "default";

    private static final Set<String> TOP_KEYS = Set.of("version", "name", "extends", "areas", "checks", "levels");
    private static final Set<String> AREA_KEYS = Set.of("title", "weight", "antiPattern", "description");
    private static final Set<String> CHECK_KEYS = Set.of("area", "title", "severity", "weight", "enabled",
            "thresholds", "description", "remediation");
    private static final Set<String> LEVEL_KEYS = Set.of("title", "minScore", "description");

    private final Set<String> implementedChecks;
    private final ClassLoader classLoader;

    /**
     * @param implementedChecks ids of the checks the plugin implements; the default rubric may configure only those
     * @param classLoader where the default rubric is found
     */
    public RubricLoader(Set<String> implementedChecks, ClassLoader classLoader) {
        this.implementedChecks = Set.copyOf(implementedChecks);
        this.classLoader = classLoader;
    }

    public Rubric loadDefault() throws RubricException {
        String text;
        try (InputStream in = classLoader.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new RubricException(List.of(new ParseProblem(DEFAULT_RESOURCE, null,
                        "the default rubric is not on the plugin's classpath; the devops-rubrics artifact is missing"
                                + " (please report this)")));
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RubricException(List.of(new ParseProblem(DEFAULT_RESOURCE, null, e.getMessage())));
        }
        return parse(DEFAULT_NAME, text, null, new LinkedHashSet<>());
    }

    /** Loads a rubric file, following its {@code extends} chain. */
    public Rubric load(Path file) throws RubricException {
        return loadFile(file, new LinkedHashSet<>());
    }

    private Rubric loadFile(Path file, Set<String> chain) throws RubricException {
        Path normalised = file.toAbsolutePath().normalize();
        if (!chain.add(normalised.toString())) {
            throw new RubricException(List.of(new ParseProblem(file.toString(), null,
                    "extends cycle: " + String.join(" -> ", chain) + " -> " + normalised)));
        }
        String text;
        try {
            text = Files.readString(normalised, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RubricException(List.of(new ParseProblem(file.toString(), null,
                    "cannot read the rubric file: " + e.getMessage())));
        }
        return parse(file.toString(), text, normalised.getParent(), chain);
    }

    private Rubric parse(String path, String text, Path folder, Set<String> chain) throws RubricException {
        YamlReader.Result read = new YamlReader().read(path, text);
        if (read.problem().isPresent()) {
            throw new RubricException(List.of(read.problem().get()));
        }
        YamlNode.Mapping root = read.first().flatMap(YamlNode::asMapping).orElse(null);
        if (root == null) {
            throw new RubricException(List.of(new ParseProblem(path, 1, "a rubric must be a YAML mapping with"
                    + " 'areas', 'checks' and 'levels', or 'extends: default' and the changes to make")));
        }
        Errors errors = new Errors(path);
        errors.unknownKeys(root, TOP_KEYS, "top-level key");

        Rubric base = null;
        YamlNode extendsNode = root.get("extends").orElse(null);
        if (extendsNode != null) {
            String target = extendsNode.text();
            if (target == null || target.isBlank()) {
                errors.add(extendsNode.line(), "'extends' needs a rubric name ('default') or a file path");
            } else if (DEFAULT_NAME.equals(target.trim())) {
                base = loadDefault();
            } else {
                Path parent = folder == null ? Path.of(".") : folder;
                base = loadFile(parent.resolve(target.trim()), chain);
            }
        }

        Map<String, AreaDef> areas = new LinkedHashMap<>(base == null ? Map.of() : base.areas());
        Map<String, CheckDef> checks = new LinkedHashMap<>(base == null ? Map.of() : base.checks());
        Map<String, LevelDef> levels = new LinkedHashMap<>();
        if (base != null) {
            base.levels().forEach(l -> levels.put(l.id(), l));
        }
        readAreas(root, areas, base != null, errors);
        readChecks(root, checks, areas, base != null, errors);
        readLevels(root, levels, base != null, errors);

        if (base == null) {
            for (CheckDef c : checks.values()) {
                if (!implementedChecks.contains(c.id())) {
                    errors.add(root.mapping("checks").map(m -> m.lineOf(c.id())).orElse(1), "check '" + c.id()
                            + "' is not implemented by this version of the plugin"
                            + DidYouMean.hint(c.id(), implementedChecks));
                }
            }
            if (areas.isEmpty()) {
                errors.add(1, "the rubric defines no areas");
            }
            if (levels.isEmpty()) {
                errors.add(1, "the rubric defines no levels");
            }
        }
        errors.throwIfAny();
        String name = root.string("name").orElse(base == null ? DEFAULT_NAME : path);
        return new Rubric(name, areas, checks, new ArrayList<>(levels.values()));
    }

    private void readAreas(YamlNode.Mapping root, Map<String, AreaDef> areas, boolean override, Errors errors) {
        YamlNode.Mapping node = errors.mappingOrNull(root, "areas");
        if (node == null) {
            return;
        }
        for (String id : node.keys()) {
            YamlNode.Mapping a = errors.entryMapping(node, id);
            if (a == null) {
                continue;
            }
            errors.unknownKeys(a, AREA_KEYS, "key of area '" + id + "'");
            AreaDef old = areas.get(id);
            if (override && old == null) {
                errors.add(node.lineOf(id), "unknown area '" + id + "'" + DidYouMean.hint(id, areas.keySet()));
                continue;
            }
            String title = a.string("title").orElse(old == null ? null : old.title());
            if (title == null) {
                errors.add(a.line(), "area '" + id + "' needs a title");
            }
            double weight = errors.number(a, "weight", old == null ? 1 : old.weight(), 0);
            areas.put(id, new AreaDef(id, title, weight,
                    a.string("antiPattern").orElse(old == null ? "" : old.antiPattern()),
                    a.string("description").orElse(old == null ? "" : old.description())));
        }
    }

    private void readChecks(YamlNode.Mapping root, Map<String, CheckDef> checks, Map<String, AreaDef> areas,
            boolean override, Errors errors) {
        YamlNode.Mapping node = errors.mappingOrNull(root, "checks");
        if (node == null) {
            return;
        }
        for (String id : node.keys()) {
            YamlNode.Mapping c = errors.entryMapping(node, id);
            if (c == null) {
                continue;
            }
            errors.unknownKeys(c, CHECK_KEYS, "key of check '" + id + "'");
            CheckDef old = checks.get(id);
            if (override && old == null) {
                errors.add(node.lineOf(id), "unknown check id '" + id + "'" + DidYouMean.hint(id, checks.keySet()));
                continue;
            }
            String area = c.string("area").orElse(old == null ? null : old.area());
            if (area == null) {
                errors.add(c.line(), "check '" + id + "' needs an area");
            } else if (!areas.containsKey(area)) {
                errors.add(c.lineOf("area"), "check '" + id + "' names unknown area '" + area + "'"
                        + DidYouMean.hint(area, areas.keySet()));
            }
            Severity severity = old == null ? Severity.MEDIUM : old.severity();
            if (c.get("severity").isPresent()) {
                String text = c.string("severity").orElse("");
                Severity parsed = Severity.parse(text);
                if (parsed == null) {
                    errors.add(c.lineOf("severity"), "severity '" + text + "' of check '" + id
                            + "' is not one of info, low, medium, high, critical");
                } else {
                    severity = parsed;
                }
            }
            Map<String, Object> thresholds = new LinkedHashMap<>(old == null ? Map.of() : old.thresholds());
            YamlNode.Mapping t = errors.mappingOrNull(c, "thresholds");
            if (t != null) {
                for (String name : t.keys()) {
                    if (old != null && !old.thresholds().containsKey(name)) {
                        errors.add(t.lineOf(name), "check '" + id + "' has no threshold '" + name + "'"
                                + DidYouMean.hint(name, old.thresholds().keySet()));
                        continue;
                    }
                    Double value = errors.numberValue(t, name);
                    if (value != null) {
                        thresholds.put(name, value);
                    }
                }
            }
            boolean enabled = errors.bool(c, "enabled", old == null || old.enabled());
            double weight = errors.number(c, "weight", old == null ? 1 : old.weight(), 0);
            checks.put(id, new CheckDef(id, area, c.string("title").orElse(old == null ? id : old.title()), severity,
                    weight, enabled, thresholds,
                    c.string("description").orElse(old == null ? "" : old.description()),
                    c.string("remediation").orElse(old == null ? "" : old.remediation())));
        }
    }

    private void readLevels(YamlNode.Mapping root, Map<String, LevelDef> levels, boolean override, Errors errors) {
        YamlNode.Mapping node = errors.mappingOrNull(root, "levels");
        if (node == null) {
            return;
        }
        for (String id : node.keys()) {
            YamlNode.Mapping l = errors.entryMapping(node, id);
            if (l == null) {
                continue;
            }
            errors.unknownKeys(l, LEVEL_KEYS, "key of level '" + id + "'");
            LevelDef old = levels.get(id);
            if (override && old == null) {
                errors.add(node.lineOf(id), "unknown level '" + id + "'" + DidYouMean.hint(id, levels.keySet()));
                continue;
            }
            double min = errors.number(l, "minScore", old == null ? -1 : old.minScore(), 0);
            if (min < 0 || min > 100) {
                errors.add(l.lineOf("minScore"), "level '" + id + "' needs a minScore from 0 to 100");
            }
            levels.put(id, new LevelDef(id, l.string("title").orElse(old == null ? id : old.title()), (int) min,
                    l.string("description").orElse(old == null ? "" : old.description())));
        }
    }

    /** Collects every problem of one file so the user sees them all at once. */
    private static final class Errors {
        private final String path;
        private final List<ParseProblem> problems = new ArrayList<>();

        Errors(String path) {
            this.path = path;
        }

        void add(int line, String message) {
            problems.add(new ParseProblem(path, line, message));
        }

        void unknownKeys(YamlNode.Mapping m, Set<String> allowed, String what) {
            for (String key : m.keys()) {
                if (!allowed.contains(key)) {
                    add(m.lineOf(key), "unknown " + what + " '" + key + "'" + DidYouMean.hint(key, allowed));
                }
            }
        }

        YamlNode.Mapping mappingOrNull(YamlNode.Mapping parent, String key) {
            YamlNode n = parent.get(key).orElse(null);
            if (n == null || (n instanceof YamlNode.Scalar s && s.value() == null)) {
                return null;
            }
            if (n instanceof YamlNode.Mapping m) {
                return m;
            }
            add(n.line(), "'" + key + "' must be a mapping of id to settings, not " + n.kind());
            return null;
        }

        YamlNode.Mapping entryMapping(YamlNode.Mapping parent, String id) {
            YamlNode n = parent.get(id).orElseThrow();
            if (n instanceof YamlNode.Mapping m) {
                return m;
            }
            if (n instanceof YamlNode.Scalar s && s.value() == null) {
                return new YamlNode.Mapping(Map.of(), Map.of(), n.line(), null);
            }
            add(n.line(), "'" + id + "' must be a mapping, not " + n.kind());
            return null;
        }

        Double numberValue(YamlNode.Mapping m, String key) {
            YamlNode n = m.get(key).orElseThrow();
            String text = n.text();
            if (n instanceof YamlNode.Scalar s && !s.quoted() && text != null) {
                try {
                    return Double.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
            add(m.lineOf(key), "'" + key + "' must be a number, not " + (text == null ? n.kind() : "'" + text + "'"));
            return null;
        }

        double number(YamlNode.Mapping m, String key, double fallback, double min) {
            if (m.get(key).isEmpty()) {
                return fallback;
            }
            Double v = numberValue(m, key);
            if (v == null) {
                return fallback;
            }
            if (v < min) {
                add(m.lineOf(key), "'" + key + "' must be at least " + (long) min);
                return fallback;
            }
            return v;
        }

        boolean bool(YamlNode.Mapping m, String key, boolean fallback) {
            YamlNode n = m.get(key).orElse(null);
            if (n == null) {
                return fallback;
            }
            String text = n.text();
            if ("true".equals(text) || "false".equals(text)) {
                return Boolean.parseBoolean(text);
            }
            add(m.lineOf(key), "'" + key + "' must be true or false, not " + (text == null ? n.kind() : "'" + text
                    + "'"));
            return fallback;
        }

        void throwIfAny() throws RubricException {
            if (!problems.isEmpty()) {
                throw new RubricException(problems);
            }
        }
    }
}
