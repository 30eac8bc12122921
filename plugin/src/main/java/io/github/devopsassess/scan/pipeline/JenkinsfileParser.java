package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.ManualGate;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the declarative subset of a Jenkinsfile: {@code pipeline { agent; stages { stage('x') { when; input;
 * agent; steps; post } } post }}, with nested {@code stages} and {@code parallel}. Each stage becomes a job that
 * needs the stage before it. A scripted pipeline or a shared library ({@code @Library}, {@code library}) cannot be
 * read without running Groovy: the file is reported as an opaque pipeline instead of being guessed at, and so is
 * every custom step a library adds. A Jenkinsfile made only of a library call ({@code buildPlugin()},
 * {@code standardPipeline { ... }}) is opaque with that reason and line. Each library it loads
 * ({@code @Library('name@ref')}, {@code library 'name@ref'}, {@code library identifier: 'name@ref', ...}) is recorded
 * among the workflow's imports with its version: none, or a branch, runs whatever is pushed there next.
 */
final class JenkinsfileParser {

    private static final Pattern STAGE_NAME = Pattern.compile("^stage\\s*\\(\\s*(['\"])(.*?)\\1");
    private static final Pattern LIBRARY = Pattern.compile("^(@Library\\s*\\(|library\\b)");
    private static final Pattern IDENTIFIER = Pattern.compile("identifier\\s*:\\s*(['\"])(.*?)\\1");
    private static final Pattern CALL = Pattern.compile("^([a-zA-Z_]\\w*)\\s*(\\(.*\\)\\s*)?$", Pattern.DOTALL);
    /** Top-level statements that set a Jenkinsfile up rather than run anything. */
    private static final Pattern SETUP = Pattern.compile("^(#!|import\\s|def\\s|properties\\s*\\(|@Library|library\\b"
            + "|\\w+\\s*=)");
    private static final Pattern QUOTED = Pattern.compile("(['\"])(.*?)\\1");
    private static final Set<String> KNOWN_STEPS = Set.of("sh", "bat", "powershell", "pwsh", "echo", "script",
            "input", "checkout", "git", "withCredentials", "dir", "timeout", "retry", "archiveArtifacts", "junit",
            "stash", "unstash", "withEnv", "sleep", "readFile", "writeFile", "error", "build", "slackSend", "mail",
            "emailext", "withMaven", "withDockerRegistry", "withDockerContainer", "sshagent", "container", "cleanWs",
            "deleteDir", "publishHTML", "milestone", "lock", "catchError", "warnError", "unstable", "fileExists",
            "step", "jacoco", "recordIssues", "withSonarQubeEnv", "waitForQualityGate", "office365ConnectorSend",
            "mattermostSend", "discordSend", "httpRequest", "kubernetesDeploy", "ansiblePlaybook", "tool",
            "withKubeConfig", "nodejs", "withAWS", "s3Upload", "zip", "unzip", "readJSON", "readYaml", "writeJSON",
            "writeYaml", "readProperties", "findFiles", "touch", "copyArtifacts", "parallel", "notifyBitbucket",
            "setGitHubPullRequestStatus", "githubNotify", "currentBuild", "env", "def", "if", "for", "try", "return");

    private final ParseContext ctx;

    JenkinsfileParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    Optional<Workflow> parse(String path) {
        io.github.devopsassess.source.RepoTree.TextRead read = ctx.tree.readText(path);
        if (!read.ok()) {
            ctx.problem(path, null, "file skipped: " + read.skipped());
            return Optional.empty();
        }
        String text = read.text();
        GroovyBlocks.Block root = GroovyBlocks.parse(text);
        GroovyBlocks.Block pipeline = root.child("pipeline");
        List<Reference> imports = new ArrayList<>();
        libraries(path, root, imports);
        for (Reference library : imports) {
            ctx.problem(path, library.at().line(), "opaque pipeline: shared library " + library.ref()
                    + " is not in this repository; its steps are not assessed");
        }
        if (pipeline == null) {
            String reason;
            if (scripted(root)) {
                reason = "scripted pipeline (node { ... })";
            } else {
                reason = onlyCall(path, root).orElse("no declarative 'pipeline { }' block");
            }
            ctx.problem(path, 1, "opaque pipeline: " + reason + "; its stages are not assessed");
            return Optional.of(new Workflow("jenkins", path, path, List.of(), null, List.of(),
                    path + ": " + reason, imports));
        }
        List<JobBuilder> jobs = new ArrayList<>();
        List<String> images = new ArrayList<>();
        GroovyBlocks.Block agent = pipeline.child("agent");
        List<String> tail = List.of();
        GroovyBlocks.Block stages = pipeline.child("stages");
        if (stages == null) {
            ctx.problem(path, pipeline.line, "declarative pipeline without 'stages'");
        } else {
            tail = stages(path, stages, List.of(), agent, jobs);
        }
        GroovyBlocks.Block post = pipeline.child("post");
        if (post != null) {
            JobBuilder p = ctx.job("post", new Location(path, post.line));
            p.name = "pipeline post actions";
            p.needs.addAll(tail);
            steps(path, post, p, true);
            jobs.add(p);
        }
        List<Job> built = jobs.stream().map(j -> j.build(ctx.patterns)).toList();
        return Optional.of(new Workflow("jenkins", path, path, List.of(new Trigger("push", new Location(path,
                pipeline.line), List.of())), null, built, null, imports));
    }

    /** The shared libraries a Jenkinsfile loads, wherever the statement is, with the version each asks for. */
    private static void libraries(String path, GroovyBlocks.Block block, List<Reference> out) {
        for (GroovyBlocks.Statement st : block.statements) {
            if (!LIBRARY.matcher(st.text()).find()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            Matcher identifier = IDENTIFIER.matcher(st.text());
            if (identifier.find()) {
                names.add(identifier.group(2));
            } else if (st.text().startsWith("@")) {
                int close = st.text().lastIndexOf(')');
                Matcher q = QUOTED.matcher(close < 0 ? st.text() : st.text().substring(0, close));
                while (q.find()) {
                    names.add(q.group(2));
                }
            } else {
                quoted(st.text()).ifPresent(names::add);
            }
            for (String name : names) {
                int at = name.indexOf('@');
                // Without a version Jenkins loads the default version its administrator configured, usually a branch.
                Pinning pinning = at < 0 ? Pinning.UNTAGGED : RefPinning.ref(name.substring(at + 1));
                out.add(new Reference("jenkins-library", name, pinning, new Location(path, st.line())));
            }
        }
        for (GroovyBlocks.Block child : block.children) {
            libraries(path, child, out);
        }
    }

    /** A scripted pipeline: a {@code node} or {@code stage} block at any depth ({@code timestamps { node { } }}). */
    private static boolean scripted(GroovyBlocks.Block block) {
        for (GroovyBlocks.Block child : block.children) {
            if (child.is("node") || child.is("stage") || scripted(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Jenkinsfile whose only work is one call of a step that is not a Jenkins step ({@code buildPlugin()},
     * {@code standardPipeline { ... }}): the pipeline is defined in a shared library.
     */
    private static Optional<String> onlyCall(String path, GroovyBlocks.Block root) {
        List<GroovyBlocks.Statement> work = root.statements.stream()
                .filter(st -> !SETUP.matcher(st.text()).find() && !"_".equals(st.text())).toList();
        List<String> calls = new ArrayList<>();
        int line = 0;
        for (GroovyBlocks.Statement st : work) {
            Matcher m = CALL.matcher(st.text());
            if (!m.matches() || KNOWN_STEPS.contains(m.group(1))) {
                return Optional.empty();
            }
            calls.add(m.group(1) + "()");
            line = line == 0 ? st.line() : line;
        }
        for (GroovyBlocks.Block child : root.children) {
            Matcher m = CALL.matcher(child.header);
            if (!m.matches() || KNOWN_STEPS.contains(m.group(1))) {
                return Optional.empty();
            }
            calls.add(m.group(1) + " { }");
            line = line == 0 || child.line < line ? child.line : line;
        }
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("made only of the shared-library call " + String.join(", ", calls) + " (line " + line
                + "): its stages are defined in the library, outside this repository, and cannot be assessed here");
    }

    /** Adds the stages of a {@code stages} or {@code parallel} block; returns the ids the next stage waits for. */
    private List<String> stages(String path, GroovyBlocks.Block block, List<String> before,
            GroovyBlocks.Block agent, List<JobBuilder> jobs) {
        boolean parallel = block.is("parallel");
        List<String> prev = before;
        List<String> parallelTails = new ArrayList<>();
        for (GroovyBlocks.Block stage : block.children) {
            Matcher m = STAGE_NAME.matcher(stage.header);
            if (!m.find()) {
                continue;
            }
            String name = m.group(2);
            GroovyBlocks.Block nested = Optional.ofNullable(stage.child("stages"))
                    .orElse(stage.child("parallel"));
            GroovyBlocks.Block stageAgent = Optional.ofNullable(stage.child("agent")).orElse(agent);
            List<String> tail;
            if (nested != null) {
                tail = stages(path, nested, prev, stageAgent, jobs);
            } else {
                JobBuilder job = ctx.job(unique(name, jobs), new Location(path, stage.line));
                job.name = name;
                job.needs.addAll(prev);
                stage(path, stage, stageAgent, job);
                jobs.add(job);
                tail = List.of(job.id);
            }
            if (parallel) {
                parallelTails.addAll(tail);
            } else {
                prev = tail;
            }
        }
        return parallel ? parallelTails : prev;
    }

    private static String unique(String name, List<JobBuilder> jobs) {
        String id = name;
        for (int i = 2; jobs.stream().anyMatch(j -> j.id.equals(name)) && i < 1000; i++) {
            String candidate = name + " (" + i + ")";
            if (jobs.stream().noneMatch(j -> j.id.equals(candidate))) {
                return candidate;
            }
        }
        return id;
    }

    private void stage(String path, GroovyBlocks.Block stage, GroovyBlocks.Block agent, JobBuilder job) {
        GroovyBlocks.Block when = stage.child("when");
        if (when != null) {
            job.condition = String.join("; ", when.statements.stream().map(GroovyBlocks.Statement::text).toList());
        }
        GroovyBlocks.Block input = stage.child("input");
        if (input != null) {
            job.gates.add(new ManualGate("input", true, new Location(path, input.line)));
        }
        if (agent != null) {
            agentImage(path, agent, job);
        }
        GroovyBlocks.Block steps = stage.child("steps");
        if (steps != null) {
            steps(path, steps, job, false);
        }
        GroovyBlocks.Block post = stage.child("post");
        if (post != null) {
            steps(path, post, job, true);
        }
    }

    private void agentImage(String path, GroovyBlocks.Block agent, JobBuilder job) {
        for (GroovyBlocks.Statement st : agent.statements) {
            if (st.text().startsWith("docker ") || st.text().startsWith("docker(")) {
                quoted(st.text()).ifPresent(img -> ctx.image(job, img, new Location(path, st.line())));
            }
        }
        GroovyBlocks.Block docker = agent.child("docker");
        if (docker != null) {
            for (GroovyBlocks.Statement st : docker.statements) {
                if (st.text().startsWith("image")) {
                    quoted(st.text()).ifPresent(img -> ctx.image(job, img, new Location(path, st.line())));
                }
            }
        }
    }

    /** Statements of a steps block (and of blocks nested in it) become steps; custom steps are reported. */
    private void steps(String path, GroovyBlocks.Block block, JobBuilder job, boolean post) {
        boolean inScript = block.is("script");
        for (GroovyBlocks.Statement st : block.statements) {
            String word = st.text().split("[\\s(]", 2)[0];
            Location at = new Location(path, st.line());
            if ("input".equals(word)) {
                job.gates.add(new ManualGate("input", true, at));
            }
            if (!inScript && !post && !KNOWN_STEPS.contains(word) && word.matches("[a-z]\\w*")
                    && !st.text().contains("=")) {
                ctx.problem(path, st.line(), "opaque pipeline: custom step '" + word
                        + "' (shared library or plugin) is not assessed");
            }
            job.step(null, at, null, st.text(), false);
        }
        for (GroovyBlocks.Block child : block.children) {
            if (child.is("catchError") || child.is("warnError")) {
                int before = job.steps.size();
                steps(path, child, job, post);
                for (int i = before; i < job.steps.size(); i++) {
                    Step s = job.steps.get(i);
                    job.steps.set(i, new Step(s.name(), s.at(), s.uses(), s.text(), true, s.roles()));
                }
            } else if (post && FAILURE_CONDITIONS.stream().anyMatch(child::is)) {
                // post { failure { slackSend … } }: a message only when something broke tells nobody that a change
                // went out
                int before = job.steps.size();
                steps(path, child, job, post);
                for (int i = before; i < job.steps.size(); i++) {
                    Step s = job.steps.get(i);
                    java.util.Set<StepRole> roles = new java.util.HashSet<>(s.roles());
                    roles.remove(StepRole.NOTIFY);
                    job.steps.set(i, s.withRoles(roles));
                }
            } else {
                steps(path, child, job, post);
            }
        }
    }

    /** Conditions of a {@code post} section that run only when the build did not succeed. */
    private static final List<String> FAILURE_CONDITIONS = List.of("failure", "unsuccessful", "unstable", "aborted",
            "regression");

    private static Optional<String> quoted(String text) {
        Matcher m = QUOTED.matcher(text);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
