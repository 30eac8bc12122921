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
import java.util.stream.Collectors;

/**
 * {@code serial-stage-chain}: the longest chain of jobs that must run one after another. Every link adds queueing
 * and start-up time to each change's feedback loop.
 */
public final class SerialStageChainCheck extends PipelineCheck {

    public static final String ID = "serial-stage-chain";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        int warn = settings.intThreshold("warn", 6);
        int fail = settings.intThreshold("fail", 9);
        List<Finding> findings = new ArrayList<>();
        int longest = 0;
        int judged = 0;
        for (Workflow w : pipelines.entryWorkflows()) {
            if (w.jobs().isEmpty()) {
                continue;
            }
            judged++;
            List<Job> chain = PipelineGraph.longestChain(w);
            longest = Math.max(longest, chain.size());
            if (chain.size() < warn) {
                continue;
            }
            String names = chain.stream().map(Job::name).collect(Collectors.joining(" → "));
            String message = "'" + w.name() + "' runs " + chain.size() + " jobs strictly one after another ("
                    + names + "): every change waits for the whole chain.";
            List<Evidence> evidence = chain.stream().map(j -> Evidence.line(j.at().path(), j.at().line())
                    .withNote(j.name())).toList();
            findings.add(chain.size() >= fail ? settings.fail(message, w.path() + "#" + w.name(), evidence)
                    : settings.warn(message, w.path() + "#" + w.name(), evidence));
        }
        if (judged == 0) {
            return Judgement.inapplicable("no pipeline with jobs");
        }
        return Judgement.of(findings, judged, "longest serial chain: " + Words.plural(longest, "job", "jobs")
                + " (warn at "
                + warn + ", fail at " + fail + ")");
    }
}
