package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.ManualGate;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code production-approval-gates}: how many manual approvals a change must pass on its way to production. One
 * deliberate gate can be a control; a chain of sign-offs is process that slows feedback without making releases
 * safer.
 */
public final class ProductionApprovalGatesCheck extends PipelineCheck {

    public static final String ID = "production-approval-gates";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        PipelineGraph graph = new PipelineGraph(pipelines);
        List<PipelineGraph.Placed> prod = graph.productionJobs();
        if (prod.isEmpty()) {
            return Judgement.inapplicable("no production deployment found in the pipelines");
        }
        int warn = settings.intThreshold("warn", 2);
        int fail = settings.intThreshold("fail", 3);
        List<Finding> findings = new ArrayList<>();
        int most = 0;
        for (PipelineGraph.Placed p : prod) {
            int gates = graph.gatesOnPath(p.workflow(), p.job());
            most = Math.max(most, gates);
            if (gates < warn) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            List<Job> path = new ArrayList<>(PipelineGraph.ancestors(p.workflow(), p.job()));
            path.add(p.job());
            for (Job j : path) {
                for (Job k : graph.withCalled(j)) {
                    for (ManualGate g : k.gates()) {
                        evidence.add(Evidence.line(g.at().path(), g.at().line()).withNote(g.kind() + " on '"
                                + k.name() + "'"));
                    }
                }
            }
            String message = "A change passes " + gates + " manual approvals before '" + p.job().name()
                    + "' deploys it to production: each one waits for a person and batches changes up.";
            findings.add(gates >= fail ? settings.fail(message, p.subject(), evidence)
                    : settings.warn(message, p.subject(), evidence));
        }
        return Judgement.of(findings, prod.size(), "at most "
                + Words.plural(most, "manual gate", "manual gates") + " on a path to production (warn at " + warn
                + ", fail at " + fail + ")");
    }
}
