package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code inconsistent-gating}: approval rules that contradict each other — a test or staging deployment needs a
 * sign-off while production does not, or one service's production deploy is gated and its sibling's is not. Such
 * gates are ceremony, not control.
 */
public final class InconsistentGatingCheck extends PipelineCheck {

    public static final String ID = "inconsistent-gating";

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
            List<Job> prod = w.jobs().stream().filter(Job::production).toList();
            if (prod.isEmpty()) {
                continue;
            }
            judged++;
            List<Job> ungated = prod.stream().filter(j -> ownGates(graph, j) == 0).toList();
            List<Job> gatedPreProd = w.jobs().stream().filter(j -> !j.gates().isEmpty()
                    && PipelineGraph.forNonProduction(j)).toList();
            for (Job u : ungated) {
                if (graph.gatedForProduction(w, u)) {
                    continue; // an approval meant for production holds this path; that is consistent
                }
                List<Evidence> evidence = new ArrayList<>();
                evidence.add(Evidence.line(u.at().path(), u.at().line()).withNote("'" + u.name()
                        + "' deploys to production without approval"));
                // A production job gated beside an ungated production sibling (the backend behind approval, the
                // web front end not) is a team's deliberate choice of where the risk is: not reported.
                if (gatedPreProd.isEmpty()) {
                    continue;
                }
                Job g = gatedPreProd.get(0);
                evidence.add(Evidence.line(g.gates().get(0).at().path(), g.gates().get(0).at().line())
                        .withNote("'" + g.name() + "' (not production) needs approval"));
                String why = "while the non-production step '" + g.name() + "' needs a manual approval";
                findings.add(settings.fail("'" + u.name() + "' deploys to production with no approval " + why
                        + ": the gate protects the less important target.", w.path() + "#" + u.id(), evidence));
            }
        }
        if (judged == 0) {
            return Judgement.inapplicable("no production deployment found in the pipelines");
        }
        return Judgement.of(findings, Math.max(judged, findings.size()), Words.plural(findings.size(),
                "production deployment", "production deployments")
                + " gated inconsistently");
    }

    private static int ownGates(PipelineGraph graph, Job job) {
        return graph.withCalled(job).stream().mapToInt(j -> j.gates().size()).sum();
    }
}
