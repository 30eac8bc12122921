package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manual-only-deploys}: production can be reached only by a person starting a run by hand
 * ({@code workflow_dispatch}, an Azure pipeline with {@code trigger: none}). There is no automated path at all, so
 * releases wait for someone's time and batch up. When another pipeline does reach production automatically, a
 * manual-only production workflow is a side door and only warns.
 */
public final class ManualOnlyDeploysCheck extends PipelineCheck {

    public static final String ID = "manual-only-deploys";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        Map<Workflow, PipelineGraph.Placed> byWorkflow = new LinkedHashMap<>();
        new PipelineGraph(pipelines).productionJobs().forEach(p -> byWorkflow.putIfAbsent(p.workflow(), p));
        if (byWorkflow.isEmpty()) {
            return Judgement.inapplicable("no production deployment found in the pipelines");
        }
        boolean anyAutomated = byWorkflow.keySet().stream().anyMatch(w -> w.triggers().stream()
                .anyMatch(t -> !t.manual()));
        List<Finding> findings = new ArrayList<>();
        for (PipelineGraph.Placed p : byWorkflow.values()) {
            if (p.workflow().triggers().stream().anyMatch(t -> !t.manual())) {
                continue;
            }
            Trigger t = p.workflow().triggers().isEmpty() ? null : p.workflow().triggers().get(0);
            List<Evidence> evidence = new ArrayList<>();
            if (t != null) {
                evidence.add(Evidence.line(t.at().path(), t.at().line()).withNote("started only by " + t.event()));
            }
            evidence.add(Evidence.line(p.job().at().path(), p.job().at().line()).withNote(p.job().name()));
            String subject = p.workflow().path() + "#" + p.workflow().name();
            if (anyAutomated) {
                // Another pipeline reaches production automatically; a manual side door still bypasses it.
                findings.add(settings.warn("'" + p.workflow().name() + "' deploys to production only when started"
                        + " by hand, beside the automated path: changes can reach production around it.", subject,
                        evidence));
            } else {
                findings.add(settings.fail("Production is deployed only when someone starts '"
                        + p.workflow().name() + "' by hand: there is no automated path to production.", subject,
                        evidence));
            }
        }
        return Judgement.of(findings, byWorkflow.size(), anyAutomated
                ? "an automated trigger reaches production" : "production is reached only by manual runs");
    }
}
