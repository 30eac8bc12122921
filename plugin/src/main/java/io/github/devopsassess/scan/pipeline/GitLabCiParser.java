package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Environment;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.ManualGate;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.parse.YamlNode;

import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a GitLab CI configuration with its local includes ({@code include: local}, a path string, a glob; string and
 * list forms; a cycle reads each file once; an include of a file that is not there is recorded as missing, at the
 * include line), {@code extends} (multi-level, list form, key by key; the child wins), hidden template jobs,
 * {@code !reference} tags, and the two meanings of {@code when: manual}: on the job it does not block the pipeline
 * unless {@code allow_failure: false}; inside {@code rules} it blocks unless the rule says
 * {@code allow_failure: true}. YAML anchors and merge keys are applied by the YAML reader. What comes from another
 * project, a template, a URL or a component cannot be seen here: it is recorded among the workflow's imports with the
 * ref it is pinned to (none, or a branch, follows whatever is pushed there), and a configuration made only of such
 * includes is opaque.
 */
final class GitLabCiParser {

    /** The VM images of GitLab's hosted macOS runners ({@code saas-macos-*} tags). */
    private static final java.util.regex.Pattern MACOS_RUNNER_IMAGE = java.util.regex.Pattern.compile(
            "macos-\\d+(?:\\.\\d+)?-xcode-\\d+(?:\\.\\d+)*");

    private static final Set<String> RESERVED = Set.of("image", "services", "stages", "types", "variables",
            "include", "workflow", "default", "before_script", "after_script", "cache", "spec");
    private static final Set<String> JOB_KEYS = Set.of("script", "before_script", "after_script", "stage", "extends",
            "image", "services", "needs", "dependencies", "when", "rules", "only", "except", "allow_failure",
            "environment", "variables", "artifacts", "cache", "tags", "trigger", "retry", "timeout", "parallel",
            "coverage", "interruptible", "resource_group", "release", "secrets", "id_tokens", "inherit", "pages",
            "start_in", "hooks", "identity", "manual_confirmation", "run");
    private static final List<String> DEFAULT_STAGES = List.of(".pre", "build", "test", "deploy", ".post");
    private static final int MAX_INCLUDE_DEPTH = 20;
    private static final int MAX_REFERENCE_DEPTH = 10;
    /** The ref of a raw-file URL on GitLab ({@code /-/raw/<ref>/}) or GitHub ({@code raw.githubusercontent.com}). */
    private static final Pattern RAW_REF = Pattern.compile(
            "(?:/-/raw/|/raw/|raw\\.githubusercontent\\.com/[^/]+/[^/]+/)([^/?#]+)/");
    private static final Pattern SHA_IN_URL = Pattern.compile("[/=@]([0-9a-fA-F]{40})(?=[/?#]|$)");

    /** A top-level key as defined in one of the files. */
    private record Def(YamlNode value, String path, int line) {
    }

    private final ParseContext ctx;
    private final Map<String, Def> defs = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();
    private final List<Reference> imports = new ArrayList<>();

    GitLabCiParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    Optional<Workflow> parse(String path) {
        if (!readFile(path, 0)) {
            return Optional.empty();
        }
        List<String> stages = Optional.ofNullable(defs.get("stages")).map(d -> ParseContext.strings(d.value()))
                .filter(s -> !s.isEmpty()).orElse(null);
        List<String> order = new ArrayList<>();
        order.add(".pre");
        for (String s : stages == null ? DEFAULT_STAGES : stages) {
            if (!order.contains(s)) {
                order.add(s);
            }
        }
        if (!order.contains(".post")) {
            order.add(".post");
        }
        Map<String, Map<String, Def>> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Def> e : defs.entrySet()) {
            String id = e.getKey();
            if (RESERVED.contains(id) || id.startsWith(".") || e.getValue().value().asMapping().isEmpty()) {
                continue;
            }
            resolved.put(id, resolve(id, 0, new HashSet<>()));
        }
        Map<String, String> stageOf = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Def>> e : resolved.entrySet()) {
            Def s = e.getValue().get("stage");
            String stage = s == null || s.value().text() == null ? "test" : s.value().text();
            if (!order.contains(stage)) {
                ctx.problem(s == null ? defs.get(e.getKey()).path() : s.path(), s == null ? null : s.line(),
                        "job '" + e.getKey() + "' uses stage '" + stage + "' that 'stages' does not list");
                order.add(order.size() - 1, stage);
            }
            stageOf.put(e.getKey(), stage);
        }
        List<Job> jobs = new ArrayList<>();
        for (Map.Entry<String, Map<String, Def>> e : resolved.entrySet()) {
            jobs.add(job(e.getKey(), e.getValue(), stageOf, order));
        }
        String opaque = null;
        if (jobs.isEmpty() && !imports.isEmpty()) {
            Reference first = imports.get(0);
            opaque = path + " defines no job of its own: its jobs come from " + first.ref() + " ("
                    + first.at().label() + (imports.size() > 1 ? " and " + (imports.size() - 1) + " more" : "")
                    + "), which is not in this repository";
        }
        return Optional.of(new Workflow("gitlab-ci", path, path, List.of(new Trigger("push",
                new Location(path, 1), List.of())), null, jobs, opaque, imports));
    }

    private boolean readFile(String path, int depth) {
        if (!read.add(path)) {
            return true; // GitLab rejects include cycles; reading each file once is enough for us
        }
        Optional<YamlNode.Mapping> root = ctx.readMapping(path, "GitLab CI configuration");
        if (root.isEmpty()) {
            return false;
        }
        YamlNode.Mapping m = root.get();
        m.get("include").ifPresent(inc -> includes(path, inc, depth));
        for (String key : m.keys()) {
            if (!"include".equals(key)) {
                defs.put(key, new Def(m.entries().get(key), path, m.lineOf(key)));
            }
        }
        return true;
    }

    private void includes(String path, YamlNode inc, int depth) {
        List<YamlNode> items = inc.asSequence().map(YamlNode.Sequence::items).orElse(List.of(inc));
        for (YamlNode item : items) {
            String local = null;
            Location at = new Location(path, item.line());
            if (item.text() != null) {
                String text = item.text().strip();
                if (text.startsWith("http://") || text.startsWith("https://")) {
                    external(path, item.line(), "gitlab-remote", text, remotePinning(text));
                } else {
                    local = text;
                }
            } else if (item.asMapping().isPresent()) {
                YamlNode.Mapping im = item.asMapping().get();
                local = im.string("local").orElse(null);
                if (local == null) {
                    foreign(path, item.line(), im);
                }
            } else {
                ctx.problem(path, item.line(), "include must be a path or a mapping, found " + item.kind());
            }
            if (local == null) {
                continue;
            }
            if (depth >= MAX_INCLUDE_DEPTH) {
                ctx.problem(path, item.line(), "includes nested deeper than " + MAX_INCLUDE_DEPTH + " levels");
                continue;
            }
            String target = local.startsWith("/") ? local.substring(1) : local;
            List<String> files = target.contains("*") ? glob(target) : ctx.tree.isFile(target) ? List.of(target)
                    : List.of();
            if (files.isEmpty()) {
                ctx.missing("local-include", local, at);
            }
            for (String f : files) {
                readFile(f, depth + 1);
            }
        }
    }

    /** An include from outside this repository: recorded with its ref, never followed. */
    private void foreign(String path, int line, YamlNode.Mapping im) {
        Optional<String> project = im.string("project");
        if (project.isPresent()) {
            String ref = im.string("ref").map(String::strip).orElse(null);
            // Without ref: GitLab reads the project's default branch, whatever was pushed there last.
            external(path, line, "gitlab-project", project.get().strip() + (ref == null ? "" : "@" + ref),
                    ref == null ? Pinning.UNTAGGED : RefPinning.ref(ref));
        } else if (im.string("template").isPresent()) {
            // GitLab's own templates change with the GitLab version the instance runs, not with a third party.
            external(path, line, "gitlab-template", im.string("template").get().strip(), Pinning.TAG);
        } else if (im.string("remote").isPresent()) {
            String url = im.string("remote").get().strip();
            external(path, line, "gitlab-remote", url, remotePinning(url));
        } else if (im.string("component").isPresent()) {
            String component = im.string("component").get().strip();
            external(path, line, "gitlab-component", component, RefPinning.action(component));
        } else {
            ctx.problem(path, line, "include names none of local, project, template, remote or component ("
                    + String.join(", ", im.keys()) + ")");
        }
    }

    private void external(String path, int line, String kind, String ref, Pinning pinning) {
        imports.add(new Reference(kind, ref, pinning, new Location(path, line)));
        ctx.problem(path, line, "include of " + kind.substring("gitlab-".length()) + " " + ref
                + " is not in this repository: its jobs are not assessed");
    }

    /** A remote include is pinned only when its URL names a commit ({@code .../-/raw/<sha>/ci.yml}). */
    private static Pinning remotePinning(String url) {
        Matcher raw = RAW_REF.matcher(url);
        if (raw.find()) {
            return RefPinning.ref(raw.group(1));
        }
        return SHA_IN_URL.matcher(url).find() ? Pinning.IMMUTABLE : Pinning.UNTAGGED;
    }

    private List<String> glob(String pattern) {
        String regex = Pattern.quote(pattern).replace("**", "\\E.*\\Q").replace("*", "\\E[^/]*\\Q");
        Pattern p = Pattern.compile(regex);
        return ctx.tree.filesUnder("").stream().filter(f -> p.matcher(f).matches()).toList();
    }

    /** The job's keys after {@code extends}: parents first, the job's own keys win. */
    private Map<String, Def> resolve(String id, int depth, Set<String> visiting) {
        Map<String, Def> result = new LinkedHashMap<>();
        Def def = defs.get(id);
        if (def == null || def.value().asMapping().isEmpty() || depth > 11 || !visiting.add(id)) {
            return result;
        }
        YamlNode.Mapping m = def.value().asMapping().get();
        for (String parent : ParseContext.strings(m.entries().get("extends"))) {
            if (!defs.containsKey(parent)) {
                ctx.problem(def.path(), m.lineOf("extends"), "job '" + id + "' extends '" + parent
                        + "', which is not defined" + (imports.isEmpty() ? ""
                                : " here (it may come from an include that is not in this repository: "
                                        + imports.get(0).ref() + "); the job is read without it"));
                continue;
            }
            result.putAll(resolve(parent, depth + 1, visiting));
        }
        for (String key : m.keys()) {
            if (!"extends".equals(key)) {
                result.put(key, new Def(m.entries().get(key), def.path(), m.lineOf(key)));
            }
        }
        visiting.remove(id);
        return result;
    }

    private Job job(String id, Map<String, Def> keys, Map<String, String> stageOf, List<String> order) {
        Def self = defs.get(id);
        JobBuilder job = ctx.job(id, new Location(self.path(), self.line()));
        for (Map.Entry<String, Def> e : keys.entrySet()) {
            if (!JOB_KEYS.contains(e.getKey())) {
                ctx.problem(e.getValue().path(), e.getValue().line(), "unknown key '" + e.getKey() + "' in job '"
                        + id + "' (ignored)");
            }
        }
        job.stage = stageOf.get(id);
        Def needs = keys.get("needs");
        if (needs != null) {
            for (YamlNode n : deref(needs, needs.value(), 0).value().asSequence().map(YamlNode.Sequence::items).orElse(List.of())) {
                String need = n.text() != null ? n.text() : n.asMapping().flatMap(nm -> nm.string("job")).orElse(null);
                if (need != null) {
                    job.needs.add(need);
                }
            }
        } else {
            // Without needs a job waits for every job of the earlier stages; the nearest non-empty stage suffices.
            int index = order.indexOf(job.stage);
            for (int i = index - 1; i >= 0 && job.needs.isEmpty(); i--) {
                String earlier = order.get(i);
                stageOf.forEach((other, st) -> {
                    if (st.equals(earlier)) {
                        job.needs.add(other);
                    }
                });
            }
        }
        Def allow = keys.get("allow_failure");
        // allow_failure: exit_codes: lets only those exit codes pass (a known, deliberate outcome such as "nothing
        // to deploy"); any other failure still fails the pipeline, so it is not an ignored failure.
        boolean allowFailure = allow != null && (ParseContext.isTrue(allow.value())
                || allow.value().asMapping().map(m -> m.get("exit_codes").isEmpty()).orElse(false));
        boolean allowFailureFalse = allow != null && "false".equalsIgnoreCase(allow.value().text());
        if (allowFailure) {
            job.failureIgnored = new Location(allow.path(), allow.line());
        }
        Def when = keys.get("when");
        if (when != null && "manual".equals(when.value().text())) {
            job.gates.add(new ManualGate("when: manual", allowFailureFalse, new Location(when.path(), when.line())));
        }
        Def rules = keys.get("rules");
        List<String> conditions = new ArrayList<>();
        if (rules != null) {
            for (YamlNode r : deref(rules, rules.value(), 0).value().asSequence().map(YamlNode.Sequence::items).orElse(List.of())) {
                Optional<YamlNode.Mapping> rm = r.asMapping();
                if (rm.isEmpty()) {
                    continue;
                }
                rm.get().string("if").ifPresent(conditions::add);
                boolean ruleAllows = ParseContext.isTrue(rm.get().entries().get("allow_failure"));
                if ("manual".equals(rm.get().string("when").orElse(null))) {
                    job.gates.add(new ManualGate("rules: when: manual", !ruleAllows,
                            new Location(rules.path(), r.line())));
                } else if (ruleAllows && job.failureIgnored == null) {
                    job.failureIgnored = new Location(rules.path(), r.line());
                }
            }
        }
        Def only = keys.get("only");
        if (only != null) {
            conditions.add("only: " + String.join(", ", ParseContext.strings(only.value())));
        }
        job.condition = conditions.isEmpty() ? null : String.join(" || ", conditions);
        Def env = keys.get("environment");
        if (env != null) {
            job.environment = environment(env);
        }
        Def image = Optional.ofNullable(keys.get("image")).or(() -> defaultKey("image"))
                .or(() -> Optional.ofNullable(defs.get("image"))).orElse(null);
        if (image != null) {
            Def resolvedImage = deref(image, image.value(), 0);
            YamlNode iv = resolvedImage.value();
            String ref = iv.text() != null ? iv.text() : iv.asMapping().flatMap(im -> im.string("name")).orElse(null);
            // GitLab's hosted macOS runners take a VM image name (macos-14-xcode-15), not a container image
            if (ref == null || !MACOS_RUNNER_IMAGE.matcher(ref.strip()).matches()) {
                ctx.image(job, ref, new Location(resolvedImage.path(), iv.line()));
            }
        }
        Def services = Optional.ofNullable(keys.get("services")).or(() -> defaultKey("services")).orElse(null);
        if (services != null) {
            for (YamlNode s : deref(services, services.value(), 0).value().asSequence().map(YamlNode.Sequence::items)
                    .orElse(List.of())) {
                String ref = s.text() != null ? s.text() : s.asMapping().flatMap(sm -> sm.string("name")).orElse(null);
                ctx.image(job, ref, new Location(services.path(), s.line()));
            }
        }
        for (String scriptKey : List.of("before_script", "script", "after_script")) {
            Def script = Optional.ofNullable(keys.get(scriptKey))
                    .or(() -> "script".equals(scriptKey) ? Optional.empty() : defaultKey(scriptKey)).orElse(null);
            if (script != null) {
                for (Def line : lines(script, script.value(), 0)) {
                    if (line.value().text() != null) {
                        job.step(null, new Location(line.path(), line.line()), null, line.value().text(), false);
                    }
                }
            }
        }
        Def trigger = keys.get("trigger");
        if (trigger != null) {
            String downstream = trigger.value().text() != null ? trigger.value().text()
                    : trigger.value().asMapping().map(tm -> tm.string("project").or(() -> tm.string("include"))
                            .orElse("child pipeline")).orElse("downstream pipeline");
            job.step("trigger " + downstream, new Location(trigger.path(), trigger.line()), null,
                    "trigger " + downstream, false);
        }
        Def release = keys.get("release");
        if (release != null) {
            boolean described = release.value().asMapping().map(rm -> rm.string("description").filter(d -> !d.isBlank())
                    .isPresent()).orElse(false);
            job.step("release", new Location(release.path(), release.line()), null, described
                    ? "gitlab release with description" : "release", false);
        }
        if (onFailureOnly(when, rules)) {
            // when: on_failure: a message only when something broke tells nobody that a change went out
            for (int i = 0; i < job.steps.size(); i++) {
                Step s = job.steps.get(i);
                java.util.Set<StepRole> roles = new java.util.HashSet<>(s.roles());
                roles.remove(StepRole.NOTIFY);
                job.steps.set(i, s.withRoles(roles));
            }
        }
        return job.build(ctx.patterns);
    }

    /** The job runs only when an earlier job failed: {@code when: on_failure}, or every rule says so. */
    private boolean onFailureOnly(Def when, Def rules) {
        if (when != null && "on_failure".equals(when.value().text())) {
            return true;
        }
        if (rules == null) {
            return false;
        }
        List<YamlNode> items = deref(rules, rules.value(), 0).value().asSequence().map(YamlNode.Sequence::items)
                .orElse(List.of());
        return !items.isEmpty() && items.stream().allMatch(r -> r.asMapping().map(rm -> "on_failure".equals(
                rm.string("when").orElse(null)) || "never".equals(rm.string("when").orElse(null))).orElse(false))
                && items.stream().anyMatch(r -> r.asMapping().map(rm -> "on_failure".equals(rm.string("when")
                        .orElse(null))).orElse(false));
    }

    private Optional<Def> defaultKey(String key) {
        Def d = defs.get("default");
        if (d == null) {
            return Optional.empty();
        }
        return d.value().asMapping().flatMap(m -> m.get(key).map(v -> new Def(v, d.path(), m.lineOf(key))));
    }

    private Environment environment(Def env) {
        YamlNode v = deref(env, env.value(), 0).value();
        Location at = new Location(env.path(), env.line());
        if (v.text() != null) {
            return new Environment(v.text(), candidates(v.text()), at, null, null, null);
        }
        YamlNode.Mapping m = v.asMapping().orElse(null);
        if (m == null || m.string("name").isEmpty()) {
            ctx.problem(env.path(), env.line(), "environment without a name");
            return null;
        }
        String name = m.string("name").get();
        return new Environment(name, candidates(name), at, m.string("deployment_tier").orElse(null),
                m.string("action").orElse(null), m.string("on_stop").orElse(null));
    }

    private static List<String> candidates(String name) {
        return name.contains("$") && name.replaceAll("\\$\\{?\\w+}?", "").isBlank() ? List.of() : List.of(name);
    }

    /** Script lines with {@code !reference} splices resolved, each with the file it is written in. */
    private List<Def> lines(Def where, YamlNode node, int depth) {
        Def resolved = deref(where, node, depth);
        YamlNode v = resolved.value();
        if (v.text() != null) {
            return List.of(new Def(v, resolved.path(), v.line()));
        }
        List<Def> out = new ArrayList<>();
        for (YamlNode item : v.asSequence().map(YamlNode.Sequence::items).orElse(List.of())) {
            if ("!reference".equals(item.tag()) || item.asSequence().isPresent()) {
                // a splice, or a nested array, which GitLab flattens
                out.addAll(depth > MAX_REFERENCE_DEPTH ? List.of() : lines(resolved, item, depth + 1));
            } else {
                out.add(new Def(item, resolved.path(), item.line()));
            }
        }
        return out;
    }

    /**
     * Resolves a {@code !reference [job, key, ...]} to the node it names; other nodes are returned unchanged. A
     * problem names the file the tag is written in ({@code where}) while it is the first hop, else the file of the
     * key it went through.
     */
    private Def deref(Def where, YamlNode node, int depth) {
        if (!"!reference".equals(node.tag()) || node.asSequence().isEmpty()) {
            return new Def(node, where.path(), node.line());
        }
        List<String> path = ParseContext.strings(node);
        if (depth > MAX_REFERENCE_DEPTH || path.isEmpty() || !defs.containsKey(path.get(0))) {
            ctx.problem(where.path(), node.line(), "!reference " + path + " cannot be resolved"
                    + (depth > MAX_REFERENCE_DEPTH ? " (nested deeper than " + MAX_REFERENCE_DEPTH + " levels)"
                            : imports.isEmpty() ? "" : " here (it may name a job of an include that is not in this"
                                    + " repository)"));
            return new Def(new YamlNode.Sequence(List.of(), node.line(), null), where.path(), node.line());
        }
        Def owner = defs.get(path.get(0));
        YamlNode target = owner.value();
        for (String key : path.subList(1, path.size())) {
            Optional<YamlNode> next = target.asMapping().flatMap(m -> m.get(key));
            if (next.isEmpty()) {
                ctx.problem(where.path(), node.line(), "!reference " + path + " names no value");
                return new Def(new YamlNode.Sequence(List.of(), node.line(), null), where.path(), node.line());
            }
            target = next.get();
        }
        return deref(owner, target, depth + 1);
    }
}
