package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Environment;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.ManualGate;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CircleCI configuration: each entry of {@code workflows} becomes a workflow whose jobs wait for their
 * {@code requires}; {@code type: approval} entries are blocking manual gates; branch filters become conditions;
 * orbs are third-party references; docker images come from the job or its executor.
 */
final class CircleCiParser {

    private final ParseContext ctx;
    private String path;

    CircleCiParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    List<Workflow> parse(String file) {
        this.path = file;
        Optional<YamlNode.Mapping> read = ctx.readMapping(file, "CircleCI configuration");
        if (read.isEmpty()) {
            return List.of();
        }
        YamlNode.Mapping root = read.get();
        YamlNode.Mapping definitions = root.mapping("jobs").orElse(null);
        YamlNode.Mapping executors = root.mapping("executors").orElse(null);
        List<Reference> orbs = new ArrayList<>();
        root.mapping("orbs").ifPresent(o -> o.keys().forEach(alias -> o.string(alias).ifPresent(ref ->
                orbs.add(new Reference("orb", ref, ref.contains("@") ? RefPinning.ref(ref.substring(
                        ref.indexOf('@') + 1)) : Pinning.UNTAGGED, new Location(file, o.lineOf(alias)))))));
        List<Workflow> workflows = new ArrayList<>();
        YamlNode.Mapping wfs = root.mapping("workflows").orElse(null);
        if (wfs == null) {
            ctx.problem(file, root.line(), "configuration has no 'workflows'");
            return workflows;
        }
        boolean orbsAttached = false;
        for (String name : wfs.keys()) {
            YamlNode.Mapping wf = wfs.mapping(name).orElse(null);
            if (wf == null) {
                continue; // "version: 2" lives here too
            }
            List<JobBuilder> jobs = new ArrayList<>();
            for (YamlNode entry : wf.list("jobs")) {
                JobBuilder job = entry(entry, definitions, executors);
                if (job != null) {
                    jobs.add(job);
                }
            }
            if (!orbsAttached && !jobs.isEmpty()) {
                jobs.get(0).references.addAll(orbs); // orbs are file-wide; report them once
                orbsAttached = true;
            }
            List<Trigger> triggers = new ArrayList<>();
            for (YamlNode t : wf.list("triggers")) {
                t.asMapping().ifPresent(tm -> tm.keys().forEach(k -> triggers.add(new Trigger(k,
                        new Location(file, tm.lineOf(k)), List.of()))));
            }
            if (triggers.isEmpty()) {
                triggers.add(new Trigger("push", new Location(file, wfs.lineOf(name)), List.of()));
            }
            workflows.add(new Workflow("circleci", file, name, triggers, null,
                    jobs.stream().map(j -> j.build(ctx.patterns)).toList(), null));
        }
        return workflows;
    }

    private JobBuilder entry(YamlNode entry, YamlNode.Mapping definitions, YamlNode.Mapping executors) {
        String key;
        YamlNode.Mapping params;
        if (entry.text() != null) {
            key = entry.text();
            params = null;
        } else if (entry.asMapping().isPresent() && entry.asMapping().get().entries().size() == 1) {
            Map.Entry<String, YamlNode> only = entry.asMapping().get().entries().entrySet().iterator().next();
            key = only.getKey();
            params = only.getValue().asMapping().orElse(null);
        } else {
            ctx.problem(path, entry.line(), "workflow job entry must be a name or a one-key mapping");
            return null;
        }
        String id = params == null ? key : params.string("name").orElse(key);
        JobBuilder job = ctx.job(id, new Location(path, entry.line()));
        if (params != null) {
            job.needs.addAll(ParseContext.strings(params.entries().get("requires")));
            if ("approval".equals(params.string("type").orElse(null))) {
                job.gates.add(new ManualGate("type: approval", true, new Location(path, params.lineOf("type"))));
                return job;
            }
            params.mapping("filters").flatMap(f -> f.mapping("branches")).ifPresent(b -> job.condition =
                    "branches " + String.join(",", ParseContext.strings(b.entries().get("only"))));
            List<String> contexts = ParseContext.strings(params.entries().get("context"));
            List<String> production = contexts.stream().filter(ctx.patterns::matches).toList();
            if (!production.isEmpty()) {
                job.environment = new Environment(production.get(0), production,
                        new Location(path, params.lineOf("context")), null, null, null);
            }
        }
        YamlNode.Mapping def = definitions == null ? null : definitions.mapping(key).orElse(null);
        if (def == null) {
            if (key.contains("/")) {
                job.step(key, job.at, key, "", false); // an orb's job
            } else {
                ctx.problem(path, entry.line(), "workflow job '" + key + "' is not defined under 'jobs'");
            }
            return job;
        }
        images(def, job, def.line());
        def.string("executor").or(() -> def.mapping("executor").flatMap(e -> e.string("name")))
                .flatMap(ex -> executors == null ? Optional.empty() : executors.mapping(ex))
                .ifPresent(ex -> images(ex, job, ex.line()));
        for (YamlNode s : def.list("steps")) {
            step(s, job);
        }
        return job;
    }

    private void images(YamlNode.Mapping holder, JobBuilder job, int line) {
        for (YamlNode d : holder.list("docker")) {
            d.asMapping().flatMap(dm -> dm.string("image")).ifPresent(img ->
                    ctx.image(job, img, new Location(path, d.line())));
        }
    }

    private void step(YamlNode s, JobBuilder job) {
        Location at = new Location(path, s.line());
        if (s.text() != null) {
            job.step(s.text(), at, null, s.text(), false);
            return;
        }
        YamlNode.Mapping sm = s.asMapping().orElse(null);
        if (sm == null || sm.entries().isEmpty()) {
            return;
        }
        String kind = sm.keys().get(0);
        YamlNode body = sm.entries().get(kind);
        if ("run".equals(kind)) {
            if (body.text() != null) {
                job.step(null, at, null, body.text(), false);
            } else {
                YamlNode.Mapping rm = body.asMapping().orElse(null);
                if (rm != null) {
                    job.step(rm.string("name").orElse(null), at, null, rm.string("command").orElse(""), false);
                }
            }
        } else {
            String text = body == null ? "" : ParseContext.text(body);
            if (body != null && body.asMapping().isPresent()) {
                YamlNode.Mapping bm = body.asMapping().get();
                text = String.join("\n", bm.keys().stream().map(k -> k + ": " + bm.string(k).orElse("")).toList());
            }
            job.step(kind, at, kind, text, false);
        }
    }
}
