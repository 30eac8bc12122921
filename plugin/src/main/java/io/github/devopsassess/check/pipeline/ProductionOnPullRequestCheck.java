package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
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
 * {@code production-on-pull-request}: a GitHub Actions job bound to production (by its environment, tier or name, as
 * the scanner's production patterns decide) in a workflow that {@code pull_request} starts, with no condition that
 * keeps it to merged code. The pull request's branch, not yet reviewed or merged, then runs with production
 * credentials: whoever can push a branch can change production. One finding per workflow, listing its jobs.
 */
public final class ProductionOnPullRequestCheck extends PipelineCheck {

    public static final String ID = "production-on-pull-request";

    /**
     * Conditions that skip the job on a pull request: the event is a push, a dispatch, a release or a schedule, or
     * not a pull request; the ref is a branch (a pull request's ref is refs/pull/…/merge); the pull request was merged.
     */
    private static final Pattern NOT_ON_PULL_REQUEST = Pattern.compile("event_name\\s*(==\\s*['\"](push"
            + "|workflow_dispatch|release|schedule|merge_group|repository_dispatch)|!=\\s*['\"]pull_request)"
            + "|github\\.ref(_name)?\\s*==|==\\s*github\\.ref(_name)?\\b|startsWith\\(\\s*github\\.ref\\b"
            + "|refs/heads/|refs/tags/|\\.merged\\b|github\\.ref_type");

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
            Optional<Trigger> pr = w.trigger("pull_request");
            if (!"github-actions".equals(w.system()) || pr.isEmpty()) {
                continue;
            }
            List<Evidence> places = new ArrayList<>();
            List<String> names = new ArrayList<>();
            boolean allGated = true;
            boolean any = false;
            for (Job j : w.jobs()) {
                Optional<Job> production = graph.withCalled(j).stream().filter(Job::production).findFirst();
                if (production.isEmpty()) {
                    continue;
                }
                any = true;
                if (skippedOnPullRequests(w, j, production.get())) {
                    continue;
                }
                Job p = production.get();
                names.add(j.name());
                allGated &= graph.gatedForProduction(w, j);
                places.add(p.environment() != null ? Evidence.line(p.environment().at().path(),
                        p.environment().at().line()).withNote(j.name() + ": environment " + p.environment().name())
                        : Evidence.line(p.at().path(), p.at().line()).withNote(j.name() + " deploys to production"));
            }
            judged += any ? 1 : 0;
            if (places.isEmpty()) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(Evidence.line(pr.get().at().path(), pr.get().at().line()).withNote("on: pull_request"));
            evidence.addAll(places);
            String message = "'" + w.name() + "' runs " + Words.plural(names.size(), "production job",
                    "production jobs") + " (" + String.join(", ", names) + ") on pull_request, with no condition"
                    + " that keeps " + Words.noun(names.size(), "it", "them") + " to merged code: an unreviewed"
                    + " branch runs with production credentials.";
            findings.add(allGated ? settings.warn(message + " A person approves each run, but approves code nobody"
                    + " has reviewed yet.", w.path(), evidence) : settings.fail(message, w.path(), evidence));
        }
        if (judged == 0) {
            return Judgement.inapplicable("no workflow started by pull_request has a production job");
        }
        return Judgement.of(findings, judged, findings.size() + " of " + Words.plural(judged,
                "workflow started by pull_request with production jobs", "workflows started by pull_request with"
                        + " production jobs") + " " + Words.noun(findings.size(), "runs", "run")
                + " them on unmerged code");
    }

    /** A condition on the job, a job it needs, or the called production job keeps it off pull requests. */
    private static boolean skippedOnPullRequests(Workflow w, Job job, Job production) {
        List<Job> path = new ArrayList<>(PipelineGraph.ancestors(w, job));
        path.add(job);
        path.add(production);
        return path.stream().anyMatch(j -> j.condition() != null && NOT_ON_PULL_REQUEST.matcher(j.condition())
                .find());
    }
}
