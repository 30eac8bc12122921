package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code inherited-secrets}: {@code secrets: inherit} hands every secret of the repository to a reusable workflow
 * kept in another repository, whose owners can change what it does with them.
 */
public final class InheritedSecretsCheck extends PipelineCheck {

    public static final String ID = "inherited-secrets";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        List<Finding> findings = new ArrayList<>();
        int calls = 0;
        for (Workflow w : pipelines.workflows()) {
            for (Job j : w.jobs()) {
                List<Reference> remote = j.references().stream().filter(r -> r.kind().equals("reusable-workflow"))
                        .toList();
                if (remote.isEmpty()) {
                    continue;
                }
                calls++;
                if (j.secretsInherit() != null) {
                    findings.add(settings.fail("Job '" + j.name() + "' passes every secret of this repository to "
                            + remote.get(0).ref() + ", which is maintained elsewhere.", w.path() + "#" + j.id(),
                            List.of(Evidence.line(j.secretsInherit().path(), j.secretsInherit().line())
                                    .withNote("secrets: inherit"))));
                }
            }
        }
        if (calls == 0) {
            return Judgement.clean("no reusable workflow from another repository is called");
        }
        return Judgement.of(findings, calls, findings.size() + " of "
                + Words.plural(calls, "external reusable-workflow call", "external reusable-workflow calls") + " "
                + Words.noun(findings.size(), "inherits", "inherit") + " all secrets");
    }
}
