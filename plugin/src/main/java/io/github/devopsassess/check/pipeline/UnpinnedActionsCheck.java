package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code unpinned-actions}: actions, reusable workflows and orbs referenced by a tag or branch instead of a full
 * commit SHA. Whoever controls the tag controls what runs with this pipeline's secrets. A branch or
 * {@code main}/{@code master}/{@code latest} fails; a version tag warns. One finding per reference, with every
 * place it is used.
 */
public final class UnpinnedActionsCheck implements Check {

    public static final String ID = "unpinned-actions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(PipelineFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PipelineFacts pipelines = facts.get(PipelineFacts.class);
        Map<String, List<Reference>> byRef = new TreeMap<>();
        for (Workflow w : pipelines.workflows()) {
            for (Job j : w.jobs()) {
                for (Reference r : j.references()) {
                    if (!r.image() && r.pinning() != Pinning.LOCAL) {
                        byRef.computeIfAbsent(r.ref(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        if (byRef.isEmpty()) {
            return Judgement.inapplicable("the pipelines use no third-party actions, reusable workflows or orbs");
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<Reference>> e : byRef.entrySet()) {
            Reference first = e.getValue().get(0);
            if (!first.pinning().mutable()) {
                continue;
            }
            List<Evidence> evidence = e.getValue().stream().distinct().map(r -> Evidence.line(r.at().path(),
                    r.at().line())).toList();
            String how = switch (first.pinning()) {
                case TAG -> "a version tag, which its owner can move";
                case UNTAGGED -> "no version at all";
                default -> "a branch that changes with every push";
            };
            String message = first.kind() + " " + e.getKey() + " is referenced by " + how + " (" + evidence.size()
                    + " use(s)): pin it to a full commit SHA.";
            findings.add(first.pinning() == Pinning.TAG ? settings.warn(message, e.getKey(), evidence)
                    : settings.fail(message, e.getKey(), evidence));
        }
        return Judgement.of(findings, byRef.size(), findings.size() + " of " + byRef.size()
                + " third-party reference(s) not pinned to a commit");
    }
}
