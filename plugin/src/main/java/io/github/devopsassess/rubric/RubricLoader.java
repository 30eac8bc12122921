package io.github.devopsassess.rubric;

import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.parse.Glob;
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
 * Loads rubrics: the default one from the {@code devops-rubrics} artifact, a team's file, or a classpath resource,
 * following {@code extends:} chains. Every mistake is reported with the file and line, all at once, so a user fixes a
 * rubric in one round.
 *
 * <p>{@code extends} takes one rubric or a list. The documents are put in order first (each document after the ones
 * it extends, a document reached twice applied once) and then applied one after another: the first defines areas,
 * checks and levels, each later one changes thresholds, weights, severities, texts, {@code enabled} and
 * {@code level}, or adds custom checks, areas, levels and profiles.
 */
public final class RubricLoader {

    /** Where the {@code devops-rubrics} artifact keeps the default rubric. */
    public static final String DEFAULT_RESOURCE = "io/github/devopsassess/rubrics/default.yaml";
    public static final String DEFAULT_NAME = "default";

    static final Set<String> TOP_KEYS = Set.of("version", "name", "extends", "ladder", "areas", "checks", "levels",
            "profiles");
    static final Set<String> AREA_KEYS = Set.of("title", "weight", "antiPattern", "description");
    static final Set<String> CHECK_KEYS = Set.of("area", "title", "severity", "weight", "enabled", "thresholds",
            "description", "remediation", "level", "docs", "type", "files", "require", "message", "input", "class",
            "scoring", "ladder");
    static final Set<String> CUSTOM_KEYS = Set.of("type", "files", "require", "message");
    static final Set<String> DOCS_KEYS = Set.of("source", "why", "example", "guards");
    static final Set<String> LEVEL_KEYS = Set.of("title", "minScore", "description");
    static final Set<String> PROFILE_KEYS = Set.of("description", "include", "exclude");

    private final ClassLoader classLoader;

    /**
     * @param classLoader where the default rubric, {@code classpath:} rubrics and the classes of built-in checks
     *     (named by their entry's {@code input} and {@code class}) are found
     */
    public RubricLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public Rubric loadDefault() throws RubricException {
        return load(RubricSource.defaultRubric());
    }

    /** Loads a rubric file, following its {@code extends} chain. */
    public Rubric load(Path file) throws RubricException {
        return load(RubricSource.file(file));
    }

    /** Loads a rubric resource from the class path (e.g. {@code acme/devops-rubric.yaml}). */
    public Rubric loadResource(String resource) throws RubricException {
        return load(RubricSource.resource(resource));
    }

    /**
     * Loads "default", {@code classpath:x} or a file path, as {@code devops.rubric} and {@code extends:} accept.
     */
    public Rubric load(String reference) throws RubricException {
        if (reference.equals(DEFAULT_NAME) || reference.startsWith(RubricSource.CLASSPATH)) {
            return load(RubricSource.file(Path.of("rubric.yaml")).resolve(reference));
        }
        return load(Path.of(reference));
    }

    private Rubric load(RubricSource source) throws RubricException {
        List<ParseProblem> problems = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        order(source, new ArrayList<>(), new LinkedHashSet<>(), documents, problems);
        if (documents.isEmpty()) {
            throw new RubricException(problems);
        }
        Builder builder = new Builder();
        for (Document d : documents) {
            builder.apply(d, new Errors(d.source.label(), problems));
        }
        Errors last = new Errors(source.label(), problems);
        if (builder.areas.isEmpty() && problems.isEmpty()) {
            last.add(1, "the rubric defines no areas; a team's rubric usually starts with 'extends: default'");
        }
        if (builder.levels.isEmpty() && problems.isEmpty()) {
            last.add(1, "the rubric defines no levels; a team's rubric usually starts with 'extends: default'");
        }
        last.throwIfAny();
        List<String> sources = documents.stream().map(d -> d.source.label()).toList();
        String name = builder.name != null ? builder.name
                : source.resource() != null && source.resource().equals(DEFAULT_RESOURCE) ? DEFAULT_NAME
                : source.label();
        return new Rubric(name, builder.areas, builder.checks, new ArrayList<>(builder.levels.values()),
                Rubric.VERSION, builder.ladder, builder.profiles, null, sources, builder.disabled);
    }

    /** One parsed rubric document. */
    private record Document(RubricSource source, YamlNode.Mapping root) {
    }

    /** Puts the documents in the order they apply: each after those it extends, each once; cycles are errors. */
    private void order(RubricSource source, List<RubricSource> stack, Set<String> done, List<Document> out,
            List<ParseProblem> problems) {
        stack.add(source);
        Errors errors = new Errors(source.label(), problems);
        YamlNode.Mapping root = read(source, errors);
        if (root != null) {
            for (Map.Entry<YamlNode, String> e : extendsEntries(root, errors).entrySet()) {
                RubricSource target = source.resolve(e.getValue().trim());
                if (stack.stream().anyMatch(s -> s.key().equals(target.key()))) {
                    List<String> chain = new ArrayList<>(stack.stream().map(RubricSource::label).toList());
                    chain.add(target.label());
                    errors.add(e.getKey().line(), "extends cycle: " + String.join(" -> ", chain));
                } else if (!done.contains(target.key())) {
                    order(target, stack, done, out, problems);
                }
            }
            out.add(new Document(source, root));
        }
        done.add(source.key());
        stack.remove(stack.size() - 1);
    }

    private static Map<YamlNode, String> extendsEntries(YamlNode.Mapping root, Errors errors) {
        Map<YamlNode, String> entries = new LinkedHashMap<>();
        YamlNode node = root.get("extends").orElse(null);
        if (node == null) {
            return entries;
        }
        List<YamlNode> items = node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
        for (YamlNode item : items) {
            String target = item.text();
            if (target == null || target.isBlank()) {
                errors.add(item.line(), "'extends' needs a rubric: 'default', a file path relative to this file,"
                        + " or 'classpath:' and a resource of a plugin dependency");
            } else {
                entries.put(item, target);
            }
        }
        return entries;
    }

    private YamlNode.Mapping read(RubricSource source, Errors errors) {
        String text;
        if (source.file() != null) {
            try {
                text = Files.readString(source.file(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                errors.add(null, "cannot read the rubric file: " + e);
                return null;
            }
        } else {
            try (InputStream in = classLoader.getResourceAsStream(source.resource())) {
                if (in == null) {
                    errors.add(null, source.resource().equals(DEFAULT_RESOURCE)
                            ? "the default rubric is not on the plugin's classpath; the devops-rubrics artifact is"
                                    + " missing (please report this)"
                            : "no such resource on the plugin's classpath; add the artifact that contains it as a"
                                    + " <dependency> of the plugin");
                    return null;
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                errors.add(null, "cannot read the rubric resource: " + e);
                return null;
            }
        }
        YamlReader.Result read = new YamlReader().read(source.label(), text);
        if (read.problem().isPresent()) {
            ParseProblem p = read.problem().get();
            if (!read.complete()) {
                errors.problems.add(p);
                return null;
            }
            // The document is still usable, so report the duplicate and go on to find the other mistakes too.
            errors.add(p.line(), p.message().replace("; the last one is used", "")
                    + ": each id and key may appear only once");
        }
        YamlNode.Mapping root = read.first().flatMap(YamlNode::asMapping).orElse(null);
        if (root == null) {
            errors.add(1, "a rubric must be a YAML mapping with 'areas', 'checks' and 'levels', or 'extends: default'"
                    + " and the changes to make");
        }
        return root;
    }

    /** The rubric as it is built up, one document after another. */
    private final class Builder {
        final Map<String, AreaDef> areas = new LinkedHashMap<>();
        final Map<String, CheckDef> checks = new LinkedHashMap<>();
        final Map<String, LevelDef> levels = new LinkedHashMap<>();
        final Map<String, ProfileDef> profiles = new LinkedHashMap<>();
        /** Checks an extending document turned off, with where. */
        final Map<String, String> disabled = new LinkedHashMap<>();
        Boolean ladder;
        String name;

        void apply(Document document, Errors errors) {
            YamlNode.Mapping root = document.root();
            boolean override = !areas.isEmpty() || !checks.isEmpty() || !levels.isEmpty();
            errors.unknownKeys(root, TOP_KEYS, "top-level key");
            root.get("version").ifPresent(v -> {
                if (!String.valueOf(Rubric.VERSION).equals(v.text())) {
                    errors.add(v.line(), "rubric language version '" + v.text() + "' is not supported; this plugin"
                            + " reads version " + Rubric.VERSION);
                }
            });
            if (root.get("ladder").isPresent()) {
                ladder = errors.bool(root, "ladder", true);
            }
            name = root.string("name").orElse(null);
            readAreas(root, override, errors);
            readLevels(root, override, errors);
            readChecks(root, override, errors);
            readProfiles(root, errors);
        }

        private void readAreas(YamlNode.Mapping root, boolean override, Errors errors) {
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
                if (override && old == null && a.get("title").isEmpty()) {
                    errors.add(node.lineOf(id), "unknown area '" + id + "'" + DidYouMean.hint(id, areas.keySet())
                            + "; a new area needs a title");
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

        private void readLevels(YamlNode.Mapping root, boolean override, Errors errors) {
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
                if (override && old == null && l.get("minScore").isEmpty()) {
                    errors.add(node.lineOf(id), "unknown level '" + id + "'" + DidYouMean.hint(id, levels.keySet())
                            + "; a new level needs a minScore");
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

        private void readChecks(YamlNode.Mapping root, boolean override, Errors errors) {
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
                boolean custom = c.get("type").isPresent() || (old != null && old.isCustom());
                if (old == null && !custom) {
                    if (override) {
                        errors.add(node.lineOf(id), "unknown check id '" + id + "'"
                                + DidYouMean.hint(id, checks.keySet())
                                + "; a custom check of your own needs a 'type'");
                        continue;
                    }
                    if (c.string("input").isEmpty()) {
                        errors.add(node.lineOf(id), "check '" + id + "' names no 'input' (the package of its class"
                                + " under io.github.devopsassess.check); a custom check of your own needs a 'type'");
                    }
                }
                if (old != null && (c.get("input").isPresent() || c.get("class").isPresent())) {
                    errors.add(c.lineOf(c.get("input").isPresent() ? "input" : "class"), "the implementation of"
                            + " check '" + id + "' is fixed; a rubric may change its thresholds, weight, scoring or"
                            + " enabled");
                }
                if (old != null && !old.isCustom() && c.get("type").isPresent()) {
                    errors.add(c.lineOf("type"), "'" + id + "' is a built-in check; give the custom check an id of"
                            + " its own");
                    continue;
                }
                if (!custom) {
                    for (String key : CUSTOM_KEYS) {
                        if (c.get(key).isPresent()) {
                            errors.add(c.lineOf(key), "'" + key + "' applies only to custom checks (with 'type');"
                                    + " '" + id + "' is built in");
                        }
                    }
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
                                + "' is not one of info, low, medium, high, critical"
                                + DidYouMean.hint(text, List.of("info", "low", "medium", "high", "critical")));
                    } else {
                        severity = parsed;
                    }
                }
                Map<String, Object> thresholds = thresholds(id, c, old, custom, errors);
                boolean enabled = errors.bool(c, "enabled", old == null || old.enabled());
                if (old != null && old.enabled() && !enabled) {
                    disabled.put(id, errors.path + ":" + c.lineOf("enabled"));
                } else if (enabled) {
                    disabled.remove(id);
                }
                double weight = errors.number(c, "weight", old == null ? 1 : old.weight(), 0);
                String level = level(id, c, old, errors);
                CheckDocs docs = docs(id, c, old, errors);
                CustomCondition condition = custom ? CustomConditions.read(id, c, old == null ? null : old.custom(),
                        errors) : null;
                String input = old == null ? c.string("input").orElse(null) : old.input();
                String implementation = old == null ? c.string("class").orElse(null) : old.implementation();
                Scoring scoring = scoring(id, c, old, thresholds, errors);
                CheckDef def = new CheckDef(id, area, c.string("title").orElse(old == null ? id : old.title()),
                        severity, weight, enabled, thresholds,
                        c.string("description").orElse(old == null ? "" : old.description()),
                        c.string("remediation").orElse(old == null ? "" : old.remediation()), level, condition,
                        docs, custom ? null : input, custom ? null : implementation, scoring);
                if (old == null && !custom && input != null && !implemented(def.className())) {
                    errors.add(c.lineOf("input"), "check '" + id + "': no class " + def.className()
                            + " in this version of the plugin (input '" + input + "', class '"
                            + (implementation == null ? CheckDef.defaultClassName(id) + "' by default" : implementation
                                    + "'") + ")");
                }
                checks.put(id, def);
            }
        }

        private boolean implemented(String className) {
            try {
                Class.forName(className, false, classLoader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }

        private Scoring scoring(String id, YamlNode.Mapping c, CheckDef old, Map<String, Object> thresholds,
                Errors errors) {
            Scoring base = old == null ? Scoring.PROPORTIONAL : old.scoring();
            Scoring.Policy policy = base.policy();
            if (c.get("scoring").isPresent()) {
                String text = c.string("scoring").orElse("");
                Scoring.Policy parsed = Scoring.Policy.parse(text);
                if (parsed == null) {
                    errors.add(c.lineOf("scoring"), "scoring '" + text + "' of check '" + id + "' is not one of"
                            + " proportional, worst-finding, ladder" + DidYouMean.hint(text, List.of("proportional",
                                    "worst-finding", "ladder")));
                } else {
                    policy = parsed;
                }
            }
            List<Scoring.Step> steps = new ArrayList<>(base.steps());
            YamlNode ladder = c.get("ladder").orElse(null);
            if (ladder != null) {
                steps.clear();
                List<YamlNode> items = ladder.asSequence().map(YamlNode.Sequence::items).orElse(null);
                if (items == null) {
                    errors.add(c.lineOf("ladder"), "the ladder of check '" + id + "' must be a list of steps such as"
                            + " '{ atMost: fail, score: 0 }'");
                    items = List.of();
                }
                for (YamlNode item : items) {
                    YamlNode.Mapping m = item.asMapping().orElse(null);
                    Scoring.Step step = m == null ? null : step(id, m, thresholds, errors);
                    if (m == null) {
                        errors.add(c.lineOf("ladder"), "a step of the ladder of check '" + id + "' is not a mapping"
                                + " such as '{ atMost: fail, score: 0 }'");
                    } else if (step != null) {
                        steps.add(step);
                    }
                }
            }
            if (policy == Scoring.Policy.LADDER && steps.isEmpty()) {
                errors.add(c.line(), "check '" + id + "' is scored by a ladder but has no 'ladder' steps");
            }
            return new Scoring(policy, steps);
        }

        private Scoring.Step step(String id, YamlNode.Mapping m, Map<String, Object> thresholds, Errors errors) {
            errors.unknownKeys(m, Set.of("atMost", "atLeast", "score"), "key of a ladder step of check '" + id + "'");
            boolean atMost = m.get("atMost").isPresent();
            String key = atMost ? "atMost" : "atLeast";
            String bound = m.string(key).orElse(null);
            Double score = m.get("score").isPresent() ? errors.numberValue(m, "score") : null;
            if (bound == null || score == null || score < 0 || score > 1) {
                errors.add(m.line(), "a ladder step of check '" + id + "' needs 'atMost' or 'atLeast' (a number or"
                        + " a threshold name) and a 'score' from 0 to 1");
                return null;
            }
            boolean number = bound.matches("-?\\d+(\\.\\d+)?");
            if (!number && !thresholds.containsKey(bound)) {
                errors.add(m.lineOf(key), "ladder step of check '" + id + "' names unknown threshold '" + bound
                        + "'" + DidYouMean.hint(bound, thresholds.keySet()));
                return null;
            }
            return new Scoring.Step(atMost, bound, score);
        }

        private Map<String, Object> thresholds(String id, YamlNode.Mapping c, CheckDef old, boolean custom,
                Errors errors) {
            Map<String, Object> thresholds = new LinkedHashMap<>(old == null ? Map.of() : old.thresholds());
            YamlNode.Mapping t = errors.mappingOrNull(c, "thresholds");
            if (t == null) {
                return thresholds;
            }
            if (custom) {
                errors.add(c.lineOf("thresholds"), "custom check '" + id + "' has no thresholds; write the limit"
                        + " in 'require' (e.g. 'authors >= 3')");
                return thresholds;
            }
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
            return thresholds;
        }

        private String level(String id, YamlNode.Mapping c, CheckDef old, Errors errors) {
            YamlNode n = c.get("level").orElse(null);
            if (n == null) {
                return old == null ? null : old.level();
            }
            String level = n.text();
            if (level == null) {
                return null; // "level: ~" takes a check out of the ladder
            }
            if (!levels.containsKey(level)) {
                errors.add(c.lineOf("level"), "check '" + id + "' names unknown level '" + level + "'"
                        + DidYouMean.hint(level, levels.keySet()));
                return old == null ? null : old.level();
            }
            return level;
        }

        private CheckDocs docs(String id, YamlNode.Mapping c, CheckDef old, Errors errors) {
            CheckDocs base = old == null ? CheckDocs.NONE : old.docs();
            YamlNode.Mapping d = errors.mappingOrNull(c, "docs");
            if (d == null) {
                return base;
            }
            errors.unknownKeys(d, DOCS_KEYS, "key of the docs of check '" + id + "'");
            return new CheckDocs(d.string("source").orElse(base.source()), d.string("why").orElse(base.why()),
                    d.string("example").orElse(base.example()), d.string("guards").orElse(base.guards()));
        }

        private void readProfiles(YamlNode.Mapping root, Errors errors) {
            YamlNode.Mapping node = errors.mappingOrNull(root, "profiles");
            if (node == null) {
                return;
            }
            Set<String> known = new LinkedHashSet<>(checks.keySet());
            known.addAll(areas.keySet());
            for (String id : node.keys()) {
                YamlNode.Mapping p = errors.entryMapping(node, id);
                if (p == null) {
                    continue;
                }
                errors.unknownKeys(p, PROFILE_KEYS, "key of profile '" + id + "'");
                ProfileDef old = profiles.get(id);
                List<String> include = ids(p, "include", known, id, errors, old == null ? List.of() : old.include());
                List<String> exclude = ids(p, "exclude", known, id, errors, old == null ? List.of() : old.exclude());
                profiles.put(id, new ProfileDef(id, p.string("description").orElse(old == null ? ""
                        : old.description()), include, exclude));
            }
        }

        private List<String> ids(YamlNode.Mapping p, String key, Set<String> known, String profile, Errors errors,
                List<String> fallback) {
            YamlNode n = p.get(key).orElse(null);
            if (n == null) {
                return fallback;
            }
            if (n instanceof YamlNode.Scalar s && s.value() == null) {
                return List.of();
            }
            if (!(n instanceof YamlNode.Sequence seq)) {
                errors.add(p.lineOf(key), "'" + key + "' of profile '" + profile + "' must be a list of check or"
                        + " area ids");
                return fallback;
            }
            List<String> ids = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                String id = item.text();
                if (id == null || !known.contains(id)) {
                    errors.add(item.line(), "profile '" + profile + "' names unknown check or area '" + id + "'"
                            + (id == null ? "" : DidYouMean.hint(id, known)));
                } else {
                    ids.add(id);
                }
            }
            return ids;
        }
    }

    /** Collects the problems of one document so the user sees every problem of every document at once. */
    static final class Errors {
        private final String path;
        private final List<ParseProblem> problems;

        Errors(String path, List<ParseProblem> problems) {
            this.path = path;
            this.problems = problems;
        }

        void add(Integer line, String message) {
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
            add(n.line(), "'" + key + "' must be a mapping, not " + n.kind());
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

        List<String> strings(YamlNode.Mapping m, String key) {
            YamlNode n = m.get(key).orElseThrow();
            List<YamlNode> items = n instanceof YamlNode.Sequence s ? s.items() : List.of(n);
            List<String> out = new ArrayList<>();
            for (YamlNode item : items) {
                if (item.text() == null || item.text().isBlank()) {
                    add(item.line(), "'" + key + "' must be a text or a list of texts");
                } else {
                    out.add(item.text());
                }
            }
            return out;
        }

        void throwIfAny() throws RubricException {
            if (!problems.isEmpty()) {
                throw new RubricException(problems);
            }
        }
    }

    /** Reads and checks the condition of a custom check. */
    private static final class CustomConditions {

        static CustomCondition read(String id, YamlNode.Mapping c, CustomCondition old, Errors errors) {
            CustomCondition.Type type = old == null ? null : old.type();
            if (c.get("type").isPresent()) {
                String text = c.string("type").orElse("");
                type = CustomCondition.Type.parse(text).orElse(null);
                if (type == null) {
                    errors.add(c.lineOf("type"), "type '" + text + "' of custom check '" + id + "' is not one of "
                            + String.join(", ", CustomCondition.Type.ids())
                            + DidYouMean.hint(text, CustomCondition.Type.ids()));
                    return null;
                }
            }
            if (type == null) {
                return null;
            }
            List<String> files = old == null ? List.of() : old.files();
            if (c.get("files").isPresent()) {
                files = errors.strings(c, "files");
                for (String f : files) {
                    try {
                        Glob.of(f);
                    } catch (IllegalArgumentException e) {
                        errors.add(c.lineOf("files"), "custom check '" + id + "': " + e.getMessage());
                    }
                }
            }
            CustomCondition.Requirement require = old == null ? null : old.require();
            int requireLine = c.lineOf(c.get("require").isPresent() ? "require" : "type");
            if (c.get("require").isPresent()) {
                String text = c.string("require").orElse("");
                try {
                    require = CustomCondition.Requirement.parse(text);
                } catch (IllegalArgumentException e) {
                    errors.add(requireLine, "custom check '" + id + "': " + e.getMessage());
                    return null;
                }
            }
            if (type.needsFiles() && files.isEmpty()) {
                errors.add(c.line(), "custom check '" + id + "' of type '" + type.id() + "' needs 'files': one glob"
                        + " or a list, relative to the assessed folder");
            }
            if (!type.needsFiles() && c.get("files").isPresent()) {
                errors.add(c.lineOf("files"), "custom check '" + id + "' of type '" + type.id() + "' takes no"
                        + " 'files'");
            }
            if (type.needsRequire() && require == null) {
                errors.add(c.line(), "custom check '" + id + "' of type '" + type.id() + "' needs 'require', e.g. '"
                        + example(type) + "'");
            }
            if (!type.needsRequire() && c.get("require").isPresent()) {
                errors.add(requireLine, "custom check '" + id + "' of type '" + type.id() + "' takes no 'require'");
                require = null;
            }
            if (require != null && type.needsRequire()) {
                String problem = subjectProblem(type, require);
                if (problem != null) {
                    errors.add(requireLine, "custom check '" + id + "': " + problem);
                }
            }
            String message = c.string("message").orElse(old == null ? "" : old.message());
            return new CustomCondition(type, files, type.needsRequire() ? require : null, message);
        }

        private static String example(CustomCondition.Type type) {
            return switch (type) {
                case HISTORY -> "authors >= 3";
                case PIPELINE_JOB -> "defined";
                case JSON_PATH -> "$.engines.node == 20";
                default -> "spec.replicas >= 2";
            };
        }

        private static String subjectProblem(CustomCondition.Type type, CustomCondition.Requirement r) {
            if (type == CustomCondition.Type.HISTORY) {
                if (!CustomCondition.HISTORY_METRICS.contains(r.subject())) {
                    return "unknown history metric '" + r.subject() + "'; known: "
                            + String.join(", ", CustomCondition.HISTORY_METRICS)
                            + DidYouMean.hint(r.subject(), CustomCondition.HISTORY_METRICS);
                }
                if (!r.compares() || r.number().isEmpty()) {
                    return "'" + r.text() + "' must compare the metric with a number, e.g. '" + r.subject()
                            + " >= 2'";
                }
            }
            if (type == CustomCondition.Type.PIPELINE_JOB) {
                if (!CustomCondition.PIPELINE_PREDICATES.contains(r.subject())) {
                    return "unknown pipeline predicate '" + r.subject() + "'; known: "
                            + String.join(", ", CustomCondition.PIPELINE_PREDICATES)
                            + DidYouMean.hint(r.subject(), CustomCondition.PIPELINE_PREDICATES);
                }
                boolean needsValue = r.subject().equals("system");
                boolean equality = r.operator() == CustomCondition.Operator.EQ
                        || r.operator() == CustomCondition.Operator.NE;
                if (needsValue && !equality) {
                    return "'system' is compared with '==' or '!=', e.g. 'system == gitlab-ci'";
                }
                if (!needsValue && r.compares()) {
                    return "'" + r.subject() + "' takes no comparison";
                }
            }
            return null;
        }
    }
}
