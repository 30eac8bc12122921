package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.DispatchInput;
import io.github.devopsassess.facts.pipeline.Environment;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.ManualGate;
import io.github.devopsassess.facts.pipeline.PathFilter;
import io.github.devopsassess.facts.pipeline.Permissions;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.ScriptExpression;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.parse.Glob;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a GitHub Actions workflow. Traps handled: {@code environment:} inside {@code with:} is an input of a
 * reusable workflow, not a job environment; environments built from {@code matrix} values are expanded; a job that
 * calls a local reusable workflow records its path so the checks can follow it; a step that uses a local composite
 * action ({@code uses: ./.github/actions/x}) brings the action's steps into the calling job, read from
 * {@code x/action.yml} (or {@code .yaml}) with their own lines, nested actions included; a notification passed to a
 * reusable workflow ({@code with:}/{@code secrets:} such as {@code slack_webhook_url}) counts as the job's
 * notification. A local action or reusable workflow that is not in the repository is recorded as missing, unless
 * the job first checks out another repository (whose files the action may then be).
 */
final class GitHubActionsParser {

    private static final Set<String> TOP_KEYS = Set.of("name", "run-name", "on", "permissions", "env", "defaults",
            "concurrency", "jobs");
    private static final Set<String> JOB_KEYS = Set.of("name", "needs", "if", "runs-on", "environment", "outputs",
            "env", "defaults", "steps", "timeout-minutes", "strategy", "continue-on-error", "container", "services",
            "uses", "with", "secrets", "permissions", "concurrency");
    private static final Set<String> STEP_KEYS = Set.of("id", "if", "name", "uses", "run", "shell", "with", "env",
            "continue-on-error", "timeout-minutes", "working-directory");
    private static final Pattern MATRIX = Pattern.compile("\\$\\{\\{\\s*matrix\\.([\\w-]+)\\s*}}");
    private static final Pattern SETUP = Pattern.compile("^[\\w.-]+/setup-([\\w-]+)@.*");
    private static final Pattern APPROVAL = Pattern.compile("(approv|manual|sign-?off|\\bgate\\b)");
    private static final Set<String> APPROVAL_ACTIONS = Set.of("trstringer/manual-approval",
            "ekeel/approval-action", "kharkevich/pull-request-approval");
    private static final Set<String> ACTION_KEYS = Set.of("name", "description", "author", "inputs", "outputs",
            "runs", "branding");
    /** Inputs and secrets of a reusable-workflow call that configure a notification. */
    private static final Pattern NOTIFY_INPUT = Pattern.compile("(slack|notif|teams|mattermost|discord|webhook"
            + "|telegram|pagerduty|opsgenie|announce|chat|(alert|notification)_?e?mail|mail_?to|recipients)");
    /** An expression as written in a script. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    /** Commands that fetch or check out a pull request's code in a run: script. */
    private static final Pattern PR_CHECKOUT_COMMAND = Pattern.compile(
            "(\\bgh pr checkout\\b|\\bhub pr checkout\\b|\\bgit (fetch|checkout|pull)\\b[^\\n]*(refs/)?pull/)");
    /** Actions whose job is to stop a run started by someone without write access. */
    private static final Set<String> PERMISSION_ACTIONS = Set.of("actions-cool/check-user-permission",
            "prince-chrismc/check-actor-permissions-action", "lannonbr/repo-permission-check-action",
            "sushichop/action-repository-permission", "skjnldsv/check-actor-permission",
            "xt0rted/slash-command-action", "peter-evans/slash-command-dispatch", "tspascoal/get-user-teams-membership");
    /** API calls that read the actor's permission on the repository, in a github-script or a run: script. */
    private static final Pattern PERMISSION_API = Pattern.compile(
            "(getCollaboratorPermissionLevel|collaborators/[^\\s]+/permission|author_association)");
    /** Composite actions calling composite actions deeper than this are cut (GitHub allows 10 levels). */
    private static final int MAX_ACTION_DEPTH = 10;

    private final ParseContext ctx;
    private final Set<String> protectedEnvironments;
    /** Each local action file read once, whatever the number of jobs that use it. */
    private final Map<String, Optional<YamlNode.Mapping>> actions = new HashMap<>();
    /** Text lines of the files whose scripts hold expressions, read once each. */
    private final Map<String, List<String>> sources = new HashMap<>();
    /** The action files being expanded, innermost last: a cycle is cut where it closes. */
    private final Deque<String> actionChain = new ArrayDeque<>();
    /** The job being read checks out another repository, whose files its local actions may be. */
    private boolean foreignCheckout;
    /** The workflow's top-level {@code env}, or null: a target it names applies to every job. */
    private YamlNode.Mapping workflowEnv;

    GitHubActionsParser(ParseContext ctx, Set<String> protectedEnvironments) {
        this.ctx = ctx;
        this.protectedEnvironments = protectedEnvironments;
    }

    Optional<Workflow> parse(String path) {
        Optional<YamlNode.Mapping> read = ctx.readMapping(path, "GitHub Actions workflow");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping root = read.get();
        unknownKeys(path, root, TOP_KEYS, "workflow");
        List<Trigger> triggers = triggers(path, root);
        Permissions permissions = root.get("permissions").map(p -> permissions(path, p)).orElse(null);
        workflowEnv = root.mapping("env").orElse(null);
        List<Job> jobs = new ArrayList<>();
        Optional<YamlNode> jobsNode = root.get("jobs");
        if (jobsNode.isEmpty()) {
            ctx.problem(path, root.line(), "workflow has no 'jobs'");
        } else if (jobsNode.get().asMapping().isEmpty()) {
            ctx.problem(path, jobsNode.get().line(), "'jobs' must be a mapping, found " + jobsNode.get().kind());
        } else {
            YamlNode.Mapping jm = jobsNode.get().asMapping().get();
            for (String id : jm.keys()) {
                YamlNode node = jm.entries().get(id);
                if (node.asMapping().isEmpty()) {
                    ctx.problem(path, jm.lineOf(id), "job '" + id + "' must be a mapping, found " + node.kind());
                    continue;
                }
                jobs.add(job(path, id, jm.lineOf(id), node.asMapping().get()));
            }
        }
        String name = root.string("name").orElse(path.substring(path.lastIndexOf('/') + 1));
        return Optional.of(new Workflow("github-actions", path, name, triggers, permissions, jobs, null));
    }

    private Job job(String path, String id, int line, YamlNode.Mapping m) {
        unknownKeys(path, m, JOB_KEYS, "job '" + id + "'");
        JobBuilder job = ctx.job(id, new Location(path, line));
        m.string("name").ifPresent(n -> job.name = n);
        job.needs.addAll(ParseContext.strings(m.entries().get("needs")));
        job.condition = m.string("if").orElse(null);
        YamlNode.Mapping matrix = m.mapping("strategy").flatMap(s -> s.mapping("matrix")).orElse(null);
        YamlNode.Mapping strategy = m.mapping("strategy").orElse(null);
        // one leg at a time, in the listed order, and a failing leg cancels the rest: the matrix promotes
        boolean serial = strategy != null && "1".equals(strategy.string("max-parallel").orElse(null))
                && !"false".equals(strategy.string("fail-fast").orElse(null));
        m.get("environment").ifPresent(e -> job.environment = environment(path, e, m.lineOf("environment"), matrix,
                serial));
        if (ParseContext.isTrue(m.entries().get("continue-on-error"))) {
            job.failureIgnored = new Location(path, m.lineOf("continue-on-error"));
        }
        m.get("permissions").ifPresent(p -> job.permissions = permissions(path, p));
        m.get("container").ifPresent(c -> ctx.image(job, c.text() != null ? c.text()
                : c.asMapping().flatMap(cm -> cm.string("image")).orElse(null), new Location(path, c.line())));
        m.mapping("services").ifPresent(services -> services.entries().values().forEach(s -> ctx.image(job,
                s.text() != null ? s.text() : s.asMapping().flatMap(sm -> sm.string("image")).orElse(null),
                new Location(path, s.line()))));
        m.string("uses").ifPresent(uses -> {
            Location at = new Location(path, m.lineOf("uses"));
            if (uses.startsWith("./")) {
                job.calls = uses.substring(2);
                if (!ctx.tree.isFile(job.calls)) {
                    ctx.missing("local-workflow", uses, at);
                }
            } else {
                job.references.add(new Reference("reusable-workflow", uses, RefPinning.action(uses), at));
            }
            notificationInputs(path, job, uses, m.mapping("with").orElse(null));
            notificationInputs(path, job, uses, m.mapping("secrets").orElse(null));
        });
        if ("inherit".equals(m.string("secrets").orElse(null))) {
            job.secretsInherit = new Location(path, m.lineOf("secrets"));
        }
        foreignCheckout = false;
        steps(path, job, m.list("steps"), matrix, m.mapping("outputs").orElse(null));
        job.production = target(job, m, matrix);
        if (job.steps.stream().anyMatch(st -> st.has(StepRole.TEST))) {
            // the runtime the tests run on; a docs or utility job's own Python is no pin of the product
            runtimeVariables(path, workflowEnv);
            runtimeVariables(path, m.mapping("env").orElse(null));
        }
        if (job.environment != null) {
            for (String env : job.environment.candidates()) {
                if (protectedEnvironments.contains(env.toLowerCase(Locale.ROOT))) {
                    job.gates.add(new ManualGate("environment reviewers", true, job.environment.at()));
                    break;
                }
            }
            if (job.gates.isEmpty() && APPROVAL.matcher(job.environment.name().toLowerCase(Locale.ROOT)).find()) {
                job.gates.add(new ManualGate("approval environment", true, job.environment.at()));
            }
        }
        if (job.gates.isEmpty() && APPROVAL.matcher((id + " " + job.name).toLowerCase(Locale.ROOT)).find()) {
            job.gates.add(new ManualGate("approval job", true, job.at));
        }
        return job.build(ctx.patterns);
    }

    private void steps(String path, JobBuilder job, List<YamlNode> steps, YamlNode.Mapping matrix,
            YamlNode.Mapping outputs) {
        for (int i = 0; i < steps.size(); i++) {
            YamlNode s = steps.get(i);
            if (s.asMapping().isEmpty()) {
                ctx.problem(path, s.line(), "step of job '" + job.id + "' must be a mapping, found " + s.kind());
                continue;
            }
            int own = job.steps.size();
            step(path, job, s.asMapping().get(), matrix);
            if (job.steps.size() > own && job.steps.get(own).failureIgnored()) {
                Location read = outcomeRead(path, s.asMapping().get(), steps.subList(i + 1, steps.size()), outputs);
                if (read != null) {
                    job.steps.set(own, job.steps.get(own).handledAt(read));
                }
            }
        }
    }

    /**
     * Where a later step (its {@code if}, {@code run}, {@code env} or {@code with}) or the job's outputs read
     * {@code steps.<id>.outcome} of a step with an {@code id}, else null. Only {@code outcome} keeps the failure:
     * under {@code continue-on-error} a step's {@code conclusion} is {@code success} whatever happened, and so is
     * {@code needs.<job>.result} of a job that continues on error (actions/runner#1161), so reading those acts on
     * nothing.
     */
    private static Location outcomeRead(String path, YamlNode.Mapping step, List<YamlNode> later,
            YamlNode.Mapping outputs) {
        String id = step.string("id").orElse(null);
        if (id == null || id.isBlank()) {
            return null;
        }
        Pattern read = Pattern.compile("\\bsteps\\.\\s*" + Pattern.quote(id.strip()) + "\\s*\\.\\s*outcome\\b");
        for (YamlNode n : later) {
            Integer line = firstMatch(n, read);
            if (line != null) {
                return new Location(path, line);
            }
        }
        Integer line = outputs == null ? null : firstMatch(outputs, read);
        return line == null ? null : new Location(path, line);
    }

    /** The line of the first scalar under {@code node} that {@code p} finds, or null. */
    private static Integer firstMatch(YamlNode node, Pattern p) {
        if (node instanceof YamlNode.Scalar sc) {
            return sc.value() != null && p.matcher(sc.value()).find() ? sc.line() : null;
        }
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                Integer line = firstMatch(item, p);
                if (line != null) {
                    return line;
                }
            }
            return null;
        }
        YamlNode.Mapping m = (YamlNode.Mapping) node;
        for (String key : m.keys()) {
            Integer line = firstMatch(m.entries().get(key), p);
            if (line != null) {
                return line;
            }
        }
        return null;
    }

    /**
     * A release action given notes: GitHub's generated notes ({@code generate_release_notes: true},
     * {@code generateReleaseNotes: true}) or a body or body file ({@code body_path: CHANGELOG.md}).
     */
    static boolean releaseNotes(String action, YamlNode.Mapping with) {
        if (action == null || with == null || !action.toLowerCase(Locale.ROOT).contains("release")) {
            return false;
        }
        for (String key : with.keys()) {
            String k = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
            String value = with.string(key).orElse("").strip();
            if (k.equals("generatereleasenotes") && "true".equalsIgnoreCase(value)) {
                return true;
            }
            if ((k.equals("body") || k.equals("bodypath") || k.equals("bodyfile")) && !value.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A workflow or job variable that pins a runtime by the convention of its name ({@code NODE_VERSION: 20.15.0}). */
    private static final Pattern RUNTIME_VARIABLE = Pattern.compile("(?i)(node|java|python|go|ruby)_version");
    /** A literal version number, optionally prefixed with {@code v}. */
    private static final Pattern LITERAL_VERSION = Pattern.compile("v?\\d+(\\.\\d+)*");

    /**
     * Runtime versions that a workflow's or a job's {@code env} sets by the conventional name
     * ({@code NODE_VERSION}, {@code JAVA_VERSION}, {@code PYTHON_VERSION}, {@code GO_VERSION},
     * {@code RUBY_VERSION}) to a literal version, read for a job that runs tests: what its tests run on. Each
     * place is recorded once, however many jobs share the workflow's {@code env}.
     */
    private void runtimeVariables(String path, YamlNode.Mapping env) {
        if (env == null) {
            return;
        }
        for (String key : env.keys()) {
            Matcher k = RUNTIME_VARIABLE.matcher(key);
            String value = env.string(key).orElse("").strip();
            if (k.matches() && LITERAL_VERSION.matcher(value).matches()) {
                CiRuntime pin = new CiRuntime(k.group(1).toLowerCase(Locale.ROOT), value, "env " + key,
                        new Location(path, env.lineOf(key)));
                if (!ctx.runtimes.contains(pin)) {
                    ctx.runtimes.add(pin);
                }
            }
        }
    }

    /** Keys of {@code env} that name the target a job deploys to. */
    private static final Pattern TARGET_KEY = Pattern.compile("(?i)(tf_workspace|terraform_workspace|environment"
            + "|environment_name|deploy_env|deploy_environment|target_env|target_environment)");
    /** Names of targets that are not production. */
    private static final Pattern NON_PRODUCTION = Pattern.compile("(?i)(^|[^a-z])(dev|development|test|testing"
            + "|staging|stage|stg|qa|uat|sandbox|preprod|pre-prod|preproduction|nonprod|non-prod|demo|review)"
            + "([^a-z]|$)");
    /** {@code matrix.x == 'value'} or {@code env.x == 'value'} in a step's condition. */
    private static final Pattern VALUE_TEST = Pattern.compile("(?:matrix|env|inputs)\\.[\\w-]+\\s*==\\s*'([^']+)'");

    /**
     * Whether the job deploys to production when its declared environment does not say it plainly, or says it
     * wrongly: {@code null} leaves the decision to the environment and the job's name. Two cases are read here.
     * <ul>
     * <li>The workflow or the job sets the target in {@code env} ({@code TF_WORKSPACE: "sprinkler-development"},
     * {@code ENVIRONMENT: staging}) to a literal that names no production and names a non-production target: the
     * job deploys there, and an environment named production only borrows that environment's approval rules.</li>
     * <li>The environment takes one of several values ({@code matrix.env}, an {@code a && 'x' || 'y'} choice), none
     * of them named like production, and a step that runs only for one value says in its name that it is the
     * production one ({@code if: matrix.env == 'robotoff-org'}, named "Set variables for production deployment").
     * </li>
     * <li>A call of a reusable workflow declares no environment of its own but passes the target as an input
     * ({@code with: environment: "production"}): the called workflow deploys there, whatever the job is named.</li>
     * </ul>
     */
    private Boolean target(JobBuilder job, YamlNode.Mapping m, YamlNode.Mapping matrix) {
        // the job's env overrides the workflow's, key by key
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        for (YamlNode.Mapping level : new YamlNode.Mapping[] {workflowEnv, m.mapping("env").orElse(null)}) {
            if (level != null) {
                level.keys().forEach(key -> env.put(key, level.string(key).orElse("")));
            }
        }
        for (java.util.Map.Entry<String, String> e : env.entrySet()) {
            String value = e.getValue();
            if (TARGET_KEY.matcher(e.getKey()).matches() && !value.contains("${{") && !value.isBlank()
                    && !ctx.patterns.matches(value) && NON_PRODUCTION.matcher(value).find()) {
                return job.environment != null && job.environment.candidates().stream()
                        .anyMatch(ctx.patterns::matches) ? Boolean.FALSE : null;
            }
        }
        if (job.environment == null && (job.calls != null || m.string("uses").isPresent())) {
            YamlNode.Mapping with = m.mapping("with").orElse(null);
            for (String key : with == null ? List.<String>of() : with.keys()) {
                String value = with.string(key).orElse("");
                if (TARGET_KEY.matcher(key).matches() && !value.contains("${{") && ctx.patterns.matches(value)
                        && !NON_PRODUCTION.matcher(value).find()) {
                    return Boolean.TRUE;
                }
            }
        }
        if (job.environment == null || job.environment.candidates().stream().anyMatch(ctx.patterns::matches)) {
            return null;
        }
        for (YamlNode s : m.list("steps")) {
            YamlNode.Mapping step = s.asMapping().orElse(null);
            if (step == null) {
                continue;
            }
            Matcher v = VALUE_TEST.matcher(step.string("if").orElse(""));
            String name = step.string("name").orElse("");
            if (v.find() && job.environment.candidates().contains(v.group(1)) && ctx.patterns.matches(name)) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    /**
     * A reusable-workflow call's inputs or secrets that configure a notification (a Slack webhook, a Teams channel,
     * {@code notify: true}): the called workflow tells people, so the calling job counts as notifying.
     */
    private static void notificationInputs(String path, JobBuilder job, String uses, YamlNode.Mapping given) {
        if (given == null) {
            return;
        }
        for (String key : given.keys()) {
            String value = given.string(key).orElse("");
            String lower = value.strip().toLowerCase(Locale.ROOT);
            if (NOTIFY_INPUT.matcher(key.toLowerCase(Locale.ROOT)).find() && !lower.isEmpty()
                    && !"false".equals(lower) && !"none".equals(lower)) {
                job.steps.add(new Step("input " + key, new Location(path, given.lineOf(key)), uses,
                        key + ": " + value, false, Set.of(StepRole.NOTIFY)));
            }
        }
    }

    /**
     * Brings the steps of a local composite action into the calling job. A JavaScript or Docker action stays one
     * step; an action file that cannot be read has its parse problem; one that is not there is missing.
     */
    private void localAction(JobBuilder job, String uses, Location usesAt) {
        String dir = uses.substring(2);
        while (dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        String prefix = dir.isEmpty() || ".".equals(dir) ? "" : dir + "/";
        String file = ctx.tree.isFile(prefix + "action.yml") ? prefix + "action.yml"
                : ctx.tree.isFile(prefix + "action.yaml") ? prefix + "action.yaml" : null;
        if (file == null) {
            if (!foreignCheckout) {
                ctx.missing("local-action", uses, usesAt);
            }
            return;
        }
        if (actionChain.contains(file) || actionChain.size() >= MAX_ACTION_DEPTH) {
            ctx.problem(usesAt.path(), usesAt.line(), "local action " + uses + " is used inside itself ("
                    + String.join(" -> ", actionChain) + "): GitHub cannot run it; its steps are read once");
            return;
        }
        Optional<YamlNode.Mapping> root = actions.computeIfAbsent(file, f -> {
            Optional<YamlNode.Mapping> read = ctx.readMapping(f, "GitHub action");
            read.ifPresent(r -> unknownKeys(f, r, ACTION_KEYS, "action"));
            return read;
        });
        if (root.isEmpty()) {
            return;
        }
        Optional<YamlNode.Mapping> runs = root.get().mapping("runs");
        if (runs.isEmpty()) {
            ctx.problem(file, root.get().line(), "action has no 'runs' mapping: GitHub cannot run it");
            return;
        }
        if (!"composite".equals(runs.get().string("using").orElse(null))) {
            return; // a JavaScript or Docker action: its code is not a pipeline
        }
        if (runs.get().get("steps").isEmpty()) {
            ctx.problem(file, runs.get().line(), "composite action has no 'steps'");
            return;
        }
        actionChain.addLast(file);
        steps(file, job, runs.get().list("steps"), null, root.get().mapping("outputs").orElse(null));
        actionChain.removeLast();
    }

    private void step(String path, JobBuilder job, YamlNode.Mapping s, YamlNode.Mapping matrix) {
        unknownKeys(path, s, STEP_KEYS, "step of job '" + job.id + "'");
        Location at = new Location(path, s.line());
        String uses = s.string("uses").orElse(null);
        String run = s.string("run").orElse(null);
        YamlNode.Mapping with = s.mapping("with").orElse(null);
        job.step(s.string("name").orElse(null), at, uses, run, ParseContext.isTrue(s.entries().get("continue-on-error")));
        if (run != null && StepClassifier.ignoresFailure(run)) {
            Step last = job.steps.get(job.steps.size() - 1);
            job.steps.set(job.steps.size() - 1, last.ignoredAt(ignoringLines(path, run, s.lineOf("run"))));
        }
        String condition = s.string("if").orElse("");
        if (condition.contains("failure()") && !condition.contains("success()") && !condition.contains("always()")) {
            // A message only when something broke tells nobody that a change went out.
            Step last = job.steps.get(job.steps.size() - 1);
            java.util.Set<StepRole> roles = new java.util.HashSet<>(last.roles());
            roles.remove(StepRole.NOTIFY);
            job.steps.set(job.steps.size() - 1, last.withRoles(roles));
        }
        String action = uses == null ? null : uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        if (releaseNotes(action, with)) {
            Step last = job.steps.get(job.steps.size() - 1);
            java.util.Set<StepRole> roles = new java.util.HashSet<>(last.roles());
            roles.add(StepRole.RELEASE_NOTES);
            job.steps.set(job.steps.size() - 1, last.withRoles(roles));
        }
        scriptExpressions(path, job, s, run, action, with);
        if (condition.contains("author_association") || (run != null && PR_CHECKOUT_COMMAND.matcher(run).find())
                || (action != null && PERMISSION_ACTIONS.contains(action.toLowerCase(Locale.ROOT)))
                || (action != null && action.equals("actions/github-script") && with != null
                        && PERMISSION_API.matcher(with.string("script").orElse("")).find())
                || (run != null && PERMISSION_API.matcher(run).find())) {
            Step last = job.steps.get(job.steps.size() - 1);
            java.util.Set<StepRole> roles = new java.util.HashSet<>(last.roles());
            if (run != null && PR_CHECKOUT_COMMAND.matcher(run).find()) {
                roles.add(StepRole.FETCH_PR_HEAD);
            }
            if (condition.contains("author_association")
                    || (action != null && PERMISSION_ACTIONS.contains(action.toLowerCase(Locale.ROOT)))
                    || PERMISSION_API.matcher(run != null ? run : with == null ? ""
                            : with.string("script").orElse("")).find()) {
                roles.add(StepRole.PERMISSION_CHECK);
            }
            job.steps.set(job.steps.size() - 1, last.withRoles(roles));
        }
        if (uses == null) {
            return;
        }
        Location usesAt = new Location(path, s.lineOf("uses"));
        if (uses.startsWith("docker://")) {
            ctx.image(job, uses.substring("docker://".length()), usesAt);
        } else {
            job.references.add(new Reference("action", uses, RefPinning.action(uses), usesAt));
        }
        if (action.equals("actions/checkout") && with != null && with.string("repository").isPresent()) {
            foreignCheckout = true;
        }
        if (APPROVAL_ACTIONS.contains(action.toLowerCase(Locale.ROOT))) {
            job.gates.add(new ManualGate("approval action", true, usesAt));
        }
        if (action.equals("actions/checkout") && with != null) {
            String ref = with.string("ref").orElse("");
            if (ref.contains("pull_request.head") || ref.contains("head_ref") || ref.contains("refs/pull/")
                    || ref.contains("workflow_run.head")) {
                Step last = job.steps.get(job.steps.size() - 1);
                java.util.Set<StepRole> roles = new java.util.HashSet<>(last.roles());
                roles.add(StepRole.CHECKOUT_PR_HEAD);
                job.steps.set(job.steps.size() - 1, last.withRoles(roles));
            }
        }
        if (uses.startsWith("./")) {
            localAction(job, uses, usesAt);
            return;
        }
        Matcher setup = SETUP.matcher(uses);
        if (setup.matches() && with != null) {
            String tool = setup.group(1);
            for (String key : with.keys()) {
                String value = with.string(key).orElse(null);
                if (value == null) {
                    continue;
                }
                Location valueAt = new Location(path, with.lineOf(key));
                if (key.endsWith("-version-file")) {
                    ctx.runtimes.add(new CiRuntime(tool, "file:" + value, "setup-" + tool, valueAt));
                } else if (key.endsWith("-version")) {
                    for (String v : expand(value, matrix)) {
                        ctx.runtimes.add(new CiRuntime(tool, v, "setup-" + tool, valueAt));
                    }
                }
            }
        }
    }

    /**
     * Records the expressions written into the step's {@code run:} or, for {@code actions/github-script}, its
     * {@code script:} input, each with the line it stands on in the file (found in the file's text from the key on,
     * in order; the key's line when the text does not show it verbatim, as in an escaped quoted string).
     */
    private void scriptExpressions(String path, JobBuilder job, YamlNode.Mapping s, String run, String action,
            YamlNode.Mapping with) {
        List<ScriptExpression> found = new ArrayList<>();
        if (run != null) {
            found.addAll(expressions(path, run, "run", s.lineOf("run")));
        }
        if ("actions/github-script".equals(action) && with != null) {
            with.string("script").ifPresent(script -> found.addAll(expressions(path, script, "script",
                    with.lineOf("script"))));
        }
        if (found.isEmpty()) {
            return;
        }
        Step last = job.steps.get(job.steps.size() - 1);
        job.steps.set(job.steps.size() - 1, new Step(last.name(), last.at(), last.uses(), last.text(),
                last.failureIgnored(), last.roles(), found, last.failureHandled(), last.ignoredAt()));
    }

    /**
     * The file lines of a {@code run:} script that throw a failure away ({@code || true}, {@code set +e}): each such
     * script line is looked up in the file from the {@code run:} key on, in order.
     */
    private List<Location> ignoringLines(String path, String run, int keyLine) {
        List<Location> out = new ArrayList<>();
        List<String> lines = sourceLines(path);
        int from = keyLine;
        for (String scriptLine : run.split("\\R")) {
            String wanted = scriptLine.strip();
            if (wanted.isEmpty() || !StepClassifier.ignoresFailure(wanted)) {
                continue;
            }
            for (int l = from; l >= 1 && l <= lines.size() && l < keyLine + 5000; l++) {
                if (lines.get(l - 1).contains(wanted)) {
                    out.add(new Location(path, l));
                    from = l + 1;
                    break;
                }
            }
        }
        return out;
    }

    private List<ScriptExpression> expressions(String path, String text, String field, int keyLine) {
        List<ScriptExpression> out = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(text);
        List<String> lines = null;
        int line = keyLine;
        int col = 0;
        while (m.find()) {
            if (lines == null) {
                lines = sourceLines(path);
            }
            String raw = m.group();
            int at = keyLine;
            for (int l = line; l >= 1 && l <= lines.size() && l < line + 5000; l++) {
                int idx = lines.get(l - 1).indexOf(raw, l == line ? col : 0);
                if (idx >= 0) {
                    at = l;
                    line = l;
                    col = idx + raw.length();
                    break;
                }
            }
            out.add(new ScriptExpression(m.group(1).strip(), field, new Location(path, at)));
        }
        return out;
    }

    /** The lines of a file already read as YAML, read once. */
    private List<String> sourceLines(String path) {
        return sources.computeIfAbsent(path, p -> {
            io.github.devopsassess.source.RepoTree.TextRead read = ctx.tree.readText(p);
            return read.ok() ? read.text().lines().toList() : List.of();
        });
    }

    private Environment environment(String path, YamlNode e, int line, YamlNode.Mapping matrix, boolean serial) {
        String name = e.text() != null ? e.text() : e.asMapping().flatMap(m -> m.string("name")).orElse(null);
        if (name == null) {
            ctx.problem(path, e.line(), "environment without a name");
            return null;
        }
        return new Environment(name, expand(name, matrix), new Location(path, line), null, null, null, serial);
    }

    /** {@code ${{ condition && 'a' || 'b' }}}: the expression language's choice between two literals. */
    private static final Pattern CHOICE = Pattern.compile("^\\$\\{\\{[^}]*&&\\s*'([^']+)'\\s*\\|\\|\\s*'([^']+)'\\s*}}$");

    /**
     * The concrete values an expression can take: matrix lists expand (each entry itself a literal or a choice
     * between two literals), other expressions are unknown.
     */
    static List<String> expand(String value, YamlNode.Mapping matrix) {
        Matcher m = MATRIX.matcher(value);
        if (m.find() && matrix != null) {
            List<String> values = new ArrayList<>();
            for (String v : ParseContext.strings(matrix.entries().get(m.group(1)))) {
                Matcher choice = CHOICE.matcher(v.strip());
                if (choice.matches()) {
                    values.add(choice.group(1));
                    values.add(choice.group(2));
                } else {
                    values.add(v);
                }
            }
            for (YamlNode inc : matrix.list("include")) {
                inc.asMapping().flatMap(im -> im.string(m.group(1))).filter(v -> !values.contains(v))
                        .ifPresent(values::add);
            }
            return values.stream().map(v -> value.replace(m.group(), v)).filter(v -> !v.contains("${{")).toList();
        }
        return value.contains("${{") ? List.of() : List.of(value);
    }

    private List<Trigger> triggers(String path, YamlNode.Mapping root) {
        List<Trigger> triggers = new ArrayList<>();
        YamlNode on = root.entries().get("on");
        if (on == null) {
            ctx.problem(path, root.line(), "workflow has no 'on' trigger");
            return triggers;
        }
        if (on.text() != null) {
            triggers.add(new Trigger(on.text(), new Location(path, on.line()), List.of()));
        } else if (on.asSequence().isPresent()) {
            for (YamlNode item : on.asSequence().get().items()) {
                if (item.text() != null) {
                    triggers.add(new Trigger(item.text(), new Location(path, item.line()), List.of()));
                }
            }
        } else if (on.asMapping().isEmpty()) {
            // "on:" with nothing after it (found by fuzzing): GitHub rejects the workflow, so it never runs.
            ctx.problem(path, on.line(), "workflow has an empty 'on' trigger");
        } else {
            YamlNode.Mapping events = on.asMapping().get();
            for (String event : events.keys()) {
                List<DispatchInput> inputs = new ArrayList<>();
                events.mapping(event).flatMap(ev -> ev.mapping("inputs")).ifPresent(in -> {
                    for (String input : in.keys()) {
                        YamlNode.Mapping def = in.mapping(input).orElse(null);
                        String type = def == null ? "string" : def.string("type").orElse("string");
                        List<String> options = def == null ? List.of() : ParseContext.strings(
                                def.entries().get("options"));
                        inputs.add(new DispatchInput(input, type, options, new Location(path, in.lineOf(input))));
                    }
                });
                List<String> branches = events.mapping(event).map(ev -> ParseContext.strings(ev.entries()
                        .get("branches"))).orElse(List.of());
                List<String> paths = events.mapping(event).map(ev -> ParseContext.strings(ev.entries()
                        .get("paths"))).orElse(List.of());
                Location at = new Location(path, events.lineOf(event));
                triggers.add(new Trigger(event, at, inputs, branches, paths, events.mapping(event)
                        .map(ev -> filter(path, ev, at)).orElse(null)));
                // a push of tags is how many projects release: it is told apart from a push of branches
                events.mapping(event).filter(ev -> "push".equals(event) && ev.entries().containsKey("tags"))
                        .ifPresent(ev -> triggers.add(new Trigger("tag", new Location(path, ev.lineOf("tags")),
                                List.of())));
            }
        }
        return triggers;
    }

    /** The branch and path filters of one event, or {@code null} without any; a malformed pattern is a problem. */
    private PathFilter filter(String path, YamlNode.Mapping ev, Location event) {
        List<String> branches = ParseContext.strings(ev.entries().get("branches"));
        List<String> branchesIgnore = ParseContext.strings(ev.entries().get("branches-ignore"));
        List<String> paths = ParseContext.strings(ev.entries().get("paths"));
        List<String> pathsIgnore = ParseContext.strings(ev.entries().get("paths-ignore"));
        if (branches.isEmpty() && branchesIgnore.isEmpty() && paths.isEmpty() && pathsIgnore.isEmpty()) {
            return null;
        }
        for (String key : List.of("branches", "branches-ignore", "paths", "paths-ignore")) {
            for (String pattern : ParseContext.strings(ev.entries().get(key))) {
                try {
                    Glob.of(pattern.startsWith("!") ? pattern.substring(1) : pattern);
                } catch (IllegalArgumentException e) {
                    ctx.problem(path, ev.lineOf(key), "malformed " + key + " pattern '" + pattern + "': "
                            + e.getMessage());
                }
            }
        }
        int line = ev.entries().containsKey("paths-ignore") ? ev.lineOf("paths-ignore")
                : ev.entries().containsKey("paths") ? ev.lineOf("paths") : event.line();
        return new PathFilter(branches, branchesIgnore, paths, pathsIgnore, new Location(path, line));
    }

    private static Permissions permissions(String path, YamlNode p) {
        Location at = new Location(path, p.line());
        if (p.text() != null) {
            return new Permissions(p.text(), "write-all".equals(p.text()), at);
        }
        Optional<YamlNode.Mapping> m = p.asMapping();
        if (m.isEmpty() || m.get().entries().isEmpty()) {
            return new Permissions("none", false, at);
        }
        boolean writes = m.get().entries().values().stream().anyMatch(v -> "write".equals(v.text()));
        return new Permissions("scoped", writes, at);
    }

    private void unknownKeys(String path, YamlNode.Mapping m, Set<String> known, String where) {
        for (String key : m.keys()) {
            if (!known.contains(key)) {
                ctx.problem(path, m.lineOf(key), "unknown key '" + key + "' in " + where + " (ignored)");
            }
        }
    }
}
