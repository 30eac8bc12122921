package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.DispatchInput;
import io.github.devopsassess.facts.pipeline.Environment;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.ManualGate;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an Azure Pipelines YAML file: stages (each waits for the previous one unless {@code dependsOn} says
 * otherwise), jobs and {@code deployment} jobs with their {@code environment} and strategy hooks ({@code on.failure}
 * steps are a rollback path), {@code ManualValidation} tasks (blocking gates), containers and run-time parameters.
 * Approvals configured on an Azure environment live outside the repository and cannot be seen.
 */
final class AzurePipelinesParser {

    private final ParseContext ctx;
    private String path;
    private final Map<String, String> containerAliases = new LinkedHashMap<>();

    AzurePipelinesParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    Optional<Workflow> parse(String file) {
        this.path = file;
        Optional<YamlNode.Mapping> read = ctx.readMapping(file, "Azure Pipelines definition");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping root = read.get();
        root.mapping("resources").ifPresent(r -> r.list("containers").forEach(c -> c.asMapping().ifPresent(cm ->
                cm.string("container").ifPresent(alias -> containerAliases.put(alias,
                        cm.string("image").orElse(alias))))));
        List<JobBuilder> jobs = new ArrayList<>();
        if (root.get("stages").isPresent()) {
            List<String> previousStage = List.of();
            Map<String, List<String>> stageJobs = new LinkedHashMap<>();
            for (YamlNode s : root.list("stages")) {
                YamlNode.Mapping sm = s.asMapping().orElse(null);
                if (sm == null || sm.string("stage").isEmpty()) {
                    if (sm == null || sm.get("template").isEmpty()) {
                        ctx.problem(file, s.line(), "stage without a 'stage' name");
                    }
                    continue;
                }
                String stage = sm.string("stage").get();
                List<String> before = new ArrayList<>();
                if (sm.get("dependsOn").isPresent()) {
                    for (String dep : ParseContext.strings(sm.entries().get("dependsOn"))) {
                        before.addAll(stageJobs.getOrDefault(dep, List.of()));
                    }
                } else {
                    before.addAll(previousStage);
                }
                List<String> ids = jobs(sm.list("jobs"), stage, before, jobs);
                stageJobs.put(stage, ids);
                previousStage = ids;
            }
        } else if (root.get("jobs").isPresent()) {
            jobs(root.list("jobs"), null, List.of(), jobs);
        } else if (root.get("steps").isPresent()) {
            JobBuilder job = ctx.job("job", new Location(file, root.lineOf("steps")));
            steps(root.list("steps"), job);
            jobs.add(job);
        } else {
            ctx.problem(file, root.line(), "pipeline has no 'stages', 'jobs' or 'steps'");
        }
        return Optional.of(new Workflow("azure-pipelines", file, root.string("name").orElse(file), triggers(root),
                null, jobs.stream().map(j -> j.build(ctx.patterns)).toList(), null));
    }

    private List<String> jobs(List<YamlNode> nodes, String stage, List<String> before, List<JobBuilder> jobs) {
        List<String> ids = new ArrayList<>();
        for (YamlNode n : nodes) {
            YamlNode.Mapping jm = n.asMapping().orElse(null);
            if (jm == null) {
                ctx.problem(path, n.line(), "job must be a mapping, found " + n.kind());
                continue;
            }
            String key = jm.get("deployment").isPresent() ? "deployment" : "job";
            String name = jm.string(key).orElse(null);
            if (name == null) {
                if (jm.get("template").isEmpty()) {
                    ctx.problem(path, n.line(), "job without a 'job' or 'deployment' name");
                }
                continue;
            }
            String id = stage == null ? name : stage + "." + name;
            JobBuilder job = ctx.job(id, new Location(path, jm.lineOf(key)));
            job.name = jm.string("displayName").orElse(name);
            job.stage = stage;
            if (jm.get("dependsOn").isPresent()) {
                for (String dep : ParseContext.strings(jm.entries().get("dependsOn"))) {
                    job.needs.add(stage == null ? dep : stage + "." + dep);
                }
            } else {
                job.needs.addAll(before);
            }
            job.condition = jm.string("condition").orElse(null);
            if (ParseContext.isTrue(jm.entries().get("continueOnError"))) {
                job.failureIgnored = new Location(path, jm.lineOf("continueOnError"));
            }
            jm.get("environment").ifPresent(e -> {
                String env = e.text() != null ? e.text() : e.asMapping().flatMap(em -> em.string("name")).orElse(null);
                if (env != null) {
                    String base = env.contains(".") ? env.substring(0, env.indexOf('.')) : env;
                    job.environment = new Environment(env, base.contains("$") ? List.of() : List.of(base),
                            new Location(path, jm.lineOf("environment")), null, null, null);
                }
            });
            jm.get("container").ifPresent(c -> {
                String ref = c.text() != null ? c.text() : c.asMapping().flatMap(cm -> cm.string("image")).orElse(null);
                if (ref != null) {
                    ctx.image(job, containerAliases.getOrDefault(ref, ref), new Location(path, c.line()));
                }
            });
            steps(jm.list("steps"), job);
            jm.mapping("strategy").ifPresent(strategy -> strategy.entries().values().forEach(kind ->
                    kind.asMapping().ifPresent(km -> hooks(km, job))));
            jobs.add(job);
            ids.add(id);
        }
        return ids;
    }

    /** Deployment strategy hooks: {@code deploy}, {@code preDeploy}, ..., and {@code on: failure/success}. */
    private void hooks(YamlNode.Mapping strategy, JobBuilder job) {
        for (String hook : strategy.keys()) {
            if ("on".equals(hook)) {
                strategy.mapping("on").ifPresent(on -> on.keys().forEach(when -> on.mapping(when).ifPresent(h -> {
                    int before = job.steps.size();
                    steps(h.list("steps"), job);
                    if ("failure".equals(when)) {
                        markRollback(job, before);
                    }
                })));
            } else {
                strategy.mapping(hook).ifPresent(h -> steps(h.list("steps"), job));
            }
        }
    }

    private static void markRollback(JobBuilder job, int from) {
        for (int i = from; i < job.steps.size(); i++) {
            Step s = job.steps.get(i);
            java.util.Set<StepRole> roles = new java.util.HashSet<>(s.roles());
            roles.add(StepRole.ROLLBACK);
            roles.remove(StepRole.DEPLOY);
            job.steps.set(i, new Step(s.name(), s.at(), s.uses(), s.text(), s.failureIgnored(), roles));
        }
    }

    private void steps(List<YamlNode> steps, JobBuilder job) {
        for (YamlNode n : steps) {
            YamlNode.Mapping sm = n.asMapping().orElse(null);
            if (sm == null) {
                ctx.problem(path, n.line(), "step must be a mapping, found " + n.kind());
                continue;
            }
            Location at = new Location(path, n.line());
            boolean coe = ParseContext.isTrue(sm.entries().get("continueOnError"));
            String name = sm.string("displayName").orElse(null);
            String task = sm.string("task").orElse(null);
            String text = sm.string("script").or(() -> sm.string("bash")).or(() -> sm.string("pwsh"))
                    .or(() -> sm.string("powershell")).orElse(null);
            if (task != null) {
                String inputs = sm.mapping("inputs").map(im -> String.join("\n", im.keys().stream()
                        .map(k -> k + ": " + im.string(k).orElse("")).toList())).orElse("");
                job.step(name, at, task, inputs, coe);
                if (task.startsWith("ManualValidation@")) {
                    job.gates.add(new ManualGate("ManualValidation", true, at));
                }
            } else if (text != null) {
                job.step(name, at, null, text, coe);
            } else if (sm.get("checkout").isPresent() || sm.get("download").isPresent()) {
                continue;
            } else if (sm.get("template").isPresent()) {
                job.step(name, at, "template " + sm.string("template").orElse(""), "", coe);
            }
        }
    }

    private List<Trigger> triggers(YamlNode.Mapping root) {
        List<Trigger> triggers = new ArrayList<>();
        YamlNode trigger = root.entries().get("trigger");
        if (trigger == null || !"none".equals(trigger.text())) {
            triggers.add(new Trigger("push", new Location(path, trigger == null ? 1 : trigger.line()), List.of()));
        }
        YamlNode pr = root.entries().get("pr");
        if (pr != null && !"none".equals(pr.text())) {
            triggers.add(new Trigger("pull_request", new Location(path, pr.line()), List.of()));
        }
        if (!root.list("schedules").isEmpty()) {
            triggers.add(new Trigger("schedule", new Location(path, root.lineOf("schedules")), List.of()));
        }
        List<DispatchInput> inputs = new ArrayList<>();
        for (YamlNode p : root.list("parameters")) {
            p.asMapping().ifPresent(pm -> pm.string("name").ifPresent(n -> inputs.add(new DispatchInput(n,
                    pm.string("type").orElse("string"), ParseContext.strings(pm.entries().get("values")),
                    new Location(path, pm.line())))));
        }
        // Any Azure pipeline can be queued by hand; its parameters are what the person may type.
        triggers.add(new Trigger("manual", new Location(path, root.line()), inputs));
        return triggers;
    }
}
