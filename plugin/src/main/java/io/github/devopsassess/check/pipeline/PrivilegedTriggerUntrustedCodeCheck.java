package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Permissions;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code privileged-trigger-untrusted-code}: a workflow that anyone can start and that runs with this repository's
 * secrets and token ({@code issue_comment}, {@code workflow_run}, {@code pull_request_target}) and hands them to code
 * the repository's maintainers have not merged, with no check of who started it:
 * <ul>
 * <li>an {@code issue_comment} or {@code workflow_run} job that checks out the pull request's code (a
 * {@code pull_request_target} job that does is {@code dangerous-pull-request-target});</li>
 * <li>an {@code issue_comment} job that calls a reusable workflow with {@code secrets: inherit}, or, when it acts on
 * pull request comments ({@code github.event.issue.pull_request} in its condition), with write permissions or
 * {@code id-token: write}: any commenter starts it, and what it runs is not in this file;</li>
 * <li>a {@code pull_request_target} job that passes every secret ({@code secrets: inherit}) to a reusable workflow of
 * another repository: any fork's pull request starts code that others can change, with all the secrets.</li>
 * </ul>
 * An author check clears the job: a condition on {@code author_association} or the actor, a permission-check step or
 * action in it or in a job it needs, or a deployment environment (whose reviewers may approve each run).
 */
public final class PrivilegedTriggerUntrustedCodeCheck extends PipelineCheck {

    public static final String ID = "privileged-trigger-untrusted-code";

    private static final Pattern AUTHOR_CONDITION = Pattern.compile("author_association|github\\.(triggering_)?actor"
            + "|\\.user\\.login|head_repository|workflow_run\\.event\\b|head\\.repo\\.(full_name|fork)");

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        PipelineGraph graph = new PipelineGraph(pipelines);
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        for (Workflow w : pipelines.entryWorkflows()) {
            if (!"github-actions".equals(w.system())) {
                continue;
            }
            Optional<Trigger> comment = w.trigger("issue_comment");
            Optional<Trigger> run = w.trigger("workflow_run");
            Optional<Trigger> target = w.trigger("pull_request_target");
            if (comment.isEmpty() && run.isEmpty() && target.isEmpty()) {
                continue;
            }
            for (Job j : w.jobs()) {
                judged++;
                if (authorChecked(w, j, graph)) {
                    continue;
                }
                String subject = w.path() + "#" + j.id();
                Optional<Trigger> commentOrRun = comment.or(() -> run);
                Optional<Step> checkout = graph.withCalled(j).stream().flatMap(k -> k.steps().stream())
                        .filter(s -> s.has(StepRole.CHECKOUT_PR_HEAD) || s.has(StepRole.FETCH_PR_HEAD)).findFirst();
                if (commentOrRun.isPresent() && checkout.isPresent()) {
                    Trigger t = commentOrRun.get();
                    findings.add(settings.fail("'" + w.name() + "' runs on " + t.event() + " and checks out the pull"
                            + " request's code in job '" + j.name() + "' without checking who started it: anyone who"
                            + " can " + (t.event().equals("issue_comment") ? "comment" : "open a pull request")
                            + " can run code with this repository's secrets.", subject, List.of(
                                    Evidence.line(t.at().path(), t.at().line()).withNote("on: " + t.event()),
                                    Evidence.line(checkout.get().at().path(), checkout.get().at().line())
                                            .withNote("checkout of the pull request's code"))));
                    continue;
                }
                Optional<Reference> call = j.references().stream().filter(r -> r.kind().equals("reusable-workflow"))
                        .findFirst();
                Permissions permissions = j.permissions() != null ? j.permissions() : w.permissions();
                boolean writes = permissions != null && permissions.writes();
                boolean onPullRequests = j.condition() != null && j.condition().contains("issue.pull_request");
                if (comment.isPresent() && (call.isPresent() || j.calls() != null)
                        && (j.secretsInherit() != null || (writes && onPullRequests))) {
                    String callee = call.map(Reference::ref).orElse("./" + j.calls());
                    List<Evidence> evidence = new ArrayList<>();
                    evidence.add(Evidence.line(comment.get().at().path(), comment.get().at().line())
                            .withNote("on: issue_comment"));
                    evidence.add(call.map(r -> Evidence.line(r.at().path(), r.at().line()))
                            .orElse(Evidence.line(j.at().path(), j.at().line())).withNote("calls " + callee));
                    if (j.secretsInherit() != null) {
                        evidence.add(Evidence.line(j.secretsInherit().path(), j.secretsInherit().line())
                                .withNote("secrets: inherit"));
                    }
                    if (writes) {
                        evidence.add(Evidence.line(permissions.at().path(), permissions.at().line())
                                .withNote("permissions with write access"));
                    }
                    findings.add(settings.warn("Any comment starts job '" + j.name() + "' of '" + w.name()
                            + "', which calls " + callee + " with " + (j.secretsInherit() != null
                                    ? "every secret of this repository" : "a token that can write")
                            + " and no check of who commented: " + (onPullRequests ? "whatever that workflow runs"
                                    + " on the pull request (often its code) runs for anyone who can comment."
                                    : "anyone who can comment starts code maintained elsewhere with them."),
                            subject, evidence));
                    continue;
                }
                if (target.isPresent() && call.isPresent() && j.secretsInherit() != null) {
                    Reference r = call.get();
                    findings.add(settings.warn("'" + w.name() + "' runs on pull_request_target and passes every"
                            + " secret of this repository to " + r.ref() + (r.pinning().mutable()
                                    ? ", a reference its owners can move," : "") + " in job '" + j.name()
                            + "': any fork's pull request starts code maintained elsewhere with all the secrets.",
                            subject, List.of(Evidence.line(target.get().at().path(), target.get().at().line())
                                    .withNote("on: pull_request_target"), Evidence.line(r.at().path(),
                                            r.at().line()).withNote("uses " + r.ref()),
                                    Evidence.line(j.secretsInherit().path(), j.secretsInherit().line())
                                            .withNote("secrets: inherit"))));
                }
            }
        }
        if (judged == 0) {
            return Judgement.clean("no workflow runs on issue_comment, workflow_run or pull_request_target");
        }
        return Judgement.of(findings, judged, findings.size() + " of "
                + Words.plural(judged, "job", "jobs") + " on privileged triggers "
                + Words.noun(findings.size(), "hands", "hand") + " secrets or write access to unreviewed code");
    }


    /** A condition on who started it, a permission check, or an environment, on the job or a job it needs. */
    private static boolean authorChecked(Workflow w, Job job, PipelineGraph graph) {
        List<Job> path = new ArrayList<>(PipelineGraph.ancestors(w, job));
        path.add(job);
        for (Job j : path) {
            if (j.condition() != null && AUTHOR_CONDITION.matcher(j.condition()).find()) {
                return true;
            }
            if (j.environment() != null) {
                return true;
            }
            if (graph.withCalled(j).stream().anyMatch(k -> k.has(StepRole.PERMISSION_CHECK)
                    || k.environment() != null)) {
                return true;
            }
        }
        return false;
    }
}
