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
 * {@code ignored-failures}: tests or deployments whose failure does not fail the pipeline
 * ({@code continue-on-error}, {@code allow_failure}, {@code continueOnError}, {@code catchError}, {@code || true}).
 * The signal that something broke is thrown away, so nobody reacts until users do. A step whose
 * {@code steps.<id>.outcome} a later step reads is not ignored but handled (a report, a retry, a failing summary
 * step), and GitLab's {@code allow_failure: exit_codes:} lets only the named exit codes pass, which the scanner does
 * not record as an ignored failure.
 */
public final class IgnoredFailuresCheck extends PipelineCheck {

    public static final String ID = "ignored-failures";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        int handled = 0;
        for (Workflow w : pipelines.workflows()) {
            for (Job j : w.jobs()) {
                boolean testOrDeploy = j.has(StepRole.TEST) || j.deploys();
                if (!testOrDeploy) {
                    continue;
                }
                judged++;
                String kind = j.deploys() ? "deployment" : "tests";
                if (j.failureIgnored() != null) {
                    findings.add(settings.fail("Job '" + j.name() + "' (" + kind + ") may fail without failing the"
                            + " pipeline: a broken " + kind + " looks green.", w.path() + "#" + j.id(),
                            List.of(Evidence.line(j.failureIgnored().path(), j.failureIgnored().line())
                                    .withNote("failure allowed"))));
                    continue;
                }
                for (Step s : j.steps()) {
                    if (s.failureIgnored() && s.failureHandled() != null) {
                        handled++;
                        continue;
                    }
                    if (s.failureIgnored() && (s.has(StepRole.TEST) || s.has(StepRole.DEPLOY))) {
                        String what = s.has(StepRole.DEPLOY) ? "deployment" : "test";
                        List<Evidence> where = new ArrayList<>(List.of(Evidence.line(s.at().path(), s.at().line())
                                .withNote("failure ignored")));
                        // the script lines that throw the failure away ('|| true', 'set +e'), when placed
                        s.ignoredAt().stream().filter(l -> !l.equals(s.at())).forEach(l -> where.add(
                                Evidence.line(l.path(), l.line()).withNote("failure thrown away here")));
                        findings.add(settings.fail("Step '" + s.name() + "' in '" + j.name() + "' ignores its own"
                                + " failure: a failing " + what + " is reported as success.",
                                w.path() + "#" + j.id() + "#" + s.name(), where));
                    }
                }
            }
        }
        if (judged == 0) {
            return Judgement.inapplicable("no test or deployment job found in the pipelines");
        }
        return Judgement.of(findings, Math.max(judged, findings.size()), Words.plural(findings.size(),
                "test or deployment failure", "test or deployment failures")
                + " ignored in " + Words.plural(judged, "job", "jobs")
                + (handled == 0 ? "" : "; " + Words.plural(handled, "step continues", "steps continue")
                        + " on error and a later step reads its outcome (handled)"));
    }
}
