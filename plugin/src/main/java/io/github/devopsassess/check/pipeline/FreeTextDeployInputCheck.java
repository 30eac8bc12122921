package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.DispatchInput;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code free-text-deploy-input}: a manually started run asks for its target environment as free text. Whoever may
 * start the run may type {@code production}, and a typo deploys somewhere unintended; a {@code choice} or
 * {@code environment} input limits the targets.
 */
public final class FreeTextDeployInputCheck extends PipelineCheck {

    public static final String ID = "free-text-deploy-input";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        int notDeploying = 0;
        for (Workflow w : pipelines.workflows()) {
            // A manual maintenance run (unlock a state, rotate a key) that deploys nothing does not put production
            // one typo away: judges of real repositories labelled such a finding trivial.
            boolean deploys = w.jobs().stream().anyMatch(j -> j.deploys() || j.has(StepRole.RELEASE)
                    || j.calls() != null || j.references().stream().anyMatch(r -> "reusable-workflow".equals(r.kind())));
            for (Trigger t : w.triggers()) {
                if (!t.manual()) {
                    continue; // workflow_call inputs come from the calling workflow, not from a person
                }
                for (DispatchInput in : t.inputs()) {
                    if (!names(in.name())) {
                        continue;
                    }
                    if (!deploys) {
                        notDeploying++;
                        continue;
                    }
                    judged++;
                    if (in.freeText()) {
                        findings.add(settings.fail("'" + w.name() + "' takes its target '" + in.name()
                                + "' as free text: anyone who may start it can type production.",
                                w.path() + "#input:" + in.name(), List.of(Evidence.line(in.at().path(),
                                        in.at().line()).withNote(t.event() + " input " + in.name()))));
                    }
                }
            }
        }
        String left = notDeploying == 0 ? "" : "; " + Words.plural(notDeploying, "target input", "target inputs")
                + " of manual runs that deploy nothing not judged";
        if (judged == 0) {
            return Judgement.clean("no manual deploy asks for a target environment" + left);
        }
        return Judgement.of(findings, judged, findings.size() + " of "
                + Words.plural(judged, "target input", "target inputs") + " " + Words.noun(findings.size(), "is", "are")
                + " free text" + left);
    }

    private static boolean names(String input) {
        String n = input.toLowerCase(Locale.ROOT);
        return n.contains("env") || n.contains("target") || n.contains("stage") || n.contains("deploy")
                || n.equals("tier");
    }
}
