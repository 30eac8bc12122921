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
import io.github.devopsassess.facts.pipeline.StepRole;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code silent-production-deploys}: a production deployment after which nobody is told — no notification step
 * (chat, mail, paging integration), no release or changelog step — in the deploy job, a reusable workflow it calls,
 * any job that runs after it, or another production job of the same run. Support learns about the change from customers. A message sent only on failure
 * does not count.
 */
public final class SilentProductionDeploysCheck extends PipelineCheck {

    public static final String ID = "silent-production-deploys";

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
        List<Finding> findings = new ArrayList<>();
        for (PipelineGraph.Placed p : prod) {
            List<Job> reach = new ArrayList<>(graph.withCalled(p.job()));
            for (Job after : PipelineGraph.descendants(p.workflow(), p.job())) {
                reach.addAll(graph.withCalled(after));
            }
            // One announcement per release run is enough: another production job of the run may send it.
            for (Job sibling : p.workflow().jobs()) {
                if (sibling.production()) {
                    reach.addAll(graph.withCalled(sibling));
                }
            }
            boolean tells = reach.stream().anyMatch(j -> j.has(StepRole.NOTIFY) || j.has(StepRole.RELEASE));
            if (!tells) {
                findings.add(settings.fail("'" + p.job().name() + "' deploys to production and tells nobody: no"
                        + " notification, release or changelog step follows it.", p.subject(),
                        List.of(Evidence.line(p.job().at().path(), p.job().at().line()).withNote(p.job().name()))));
            }
        }
        return Judgement.of(findings, prod.size(), findings.size() + " of "
                + Words.plural(prod.size(), "production deploy job", "production deploy jobs") + " "
                + Words.noun(findings.size(), "notifies", "notify") + " no one");
    }
}
