package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code no-rollback-path}: production is deployed, but no pipeline can roll it back or stop it (no rollback step,
 * no GitLab {@code on_stop}/{@code action: stop}, no Azure {@code on: failure} hook). Restoring service then means
 * improvising under pressure.
 */
public final class NoRollbackPathCheck extends PipelineCheck {

    public static final String ID = "no-rollback-path";

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
        // A rollback anywhere that touches production counts: teams often keep it in a separate workflow.
        boolean anyProductionRollback = false;
        for (Workflow w : pipelines.workflows()) {
            for (Job j : w.jobs()) {
                boolean stop = j.environment() != null && ("stop".equals(j.environment().action())
                        || j.environment().onStop() != null);
                if ((j.production() || !j.deploys()) && (j.has(StepRole.ROLLBACK) || stop)) {
                    anyProductionRollback = true;
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> workflows = new TreeSet<>();
        if (!anyProductionRollback) {
            for (PipelineGraph.Placed p : prod) {
                if (graph.withCalled(p.job()).stream().anyMatch(j -> j.has(StepRole.ROLLBACK))) {
                    continue;
                }
                if (workflows.add(p.workflow().path() + "#" + p.workflow().name())) {
                    findings.add(settings.fail("'" + p.workflow().name() + "' deploys to production ('"
                            + p.job().name() + "') but no pipeline can roll production back or stop it.",
                            p.workflow().path() + "#" + p.workflow().name(), List.of(Evidence.line(
                                    p.job().at().path(), p.job().at().line()).withNote(p.job().name()))));
                }
            }
        }
        return Judgement.of(findings, Math.max(1, (int) prod.stream().map(p -> p.workflow().path()
                + p.workflow().name()).distinct().count()), anyProductionRollback
                        ? "a rollback or stop path for production exists" : "no rollback path for production");
    }
}
