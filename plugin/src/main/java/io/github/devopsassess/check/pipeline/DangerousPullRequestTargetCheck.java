package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code dangerous-pull-request-target}: a workflow started by {@code pull_request_target} runs with the base
 * repository's secrets and write token; checking out the pull request's head then runs a stranger's code with them.
 */
public final class DangerousPullRequestTargetCheck extends PipelineCheck {

    public static final String ID = "dangerous-pull-request-target";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        List<Workflow> targets = pipelines.workflows().stream().filter(w -> w.triggeredBy("pull_request_target"))
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (Workflow w : targets) {
            for (Job j : w.jobs()) {
                for (Step s : j.steps()) {
                    if (s.has(StepRole.CHECKOUT_PR_HEAD)) {
                        findings.add(settings.fail("'" + w.name() + "' runs on pull_request_target and checks out"
                                + " the pull request's code in job '" + j.name() + "': any fork can run code with"
                                + " this repository's secrets.", w.path() + "#" + j.id(), List.of(
                                        Evidence.line(s.at().path(), s.at().line()).withNote("checkout of the"
                                                + " pull request head"))));
                    }
                }
            }
        }
        return Judgement.of(findings, Math.max(1, targets.size()), Words.plural(targets.size(), "workflow", "workflows")
                + " on pull_request_target, " + findings.size() + " " + Words.noun(findings.size(), "checks", "check")
                + " out untrusted code");
    }
}
