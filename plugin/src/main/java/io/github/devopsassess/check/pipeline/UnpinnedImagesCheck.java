package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
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
 * {@code unpinned-images}: job, service and {@code docker://} images with {@code :latest}, another floating tag
 * ({@code stable}, {@code alpine}) or no tag at all. The build changes whenever the image's publisher pushes.
 */
public final class UnpinnedImagesCheck extends PipelineCheck {

    public static final String ID = "unpinned-images";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        Map<String, List<Reference>> byRef = new TreeMap<>();
        for (Workflow w : pipelines.workflows()) {
            for (Job j : w.jobs()) {
                for (Reference r : j.references()) {
                    if (r.image() && r.pinning() != Pinning.VARIABLE) {
                        byRef.computeIfAbsent(r.ref(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        if (byRef.isEmpty()) {
            return Judgement.inapplicable("the pipelines name no container images");
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<Reference>> e : byRef.entrySet()) {
            Pinning pinning = e.getValue().get(0).pinning();
            if (pinning != Pinning.MUTABLE && pinning != Pinning.UNTAGGED) {
                continue;
            }
            List<Evidence> evidence = e.getValue().stream().distinct().map(r -> Evidence.line(r.at().path(),
                    r.at().line())).toList();
            findings.add(settings.fail("Image " + e.getKey() + (pinning == Pinning.UNTAGGED ? " has no tag"
                    : " uses a floating tag") + ": CI runs whatever its publisher pushed last ("
                    + Words.plural(evidence.size(), "use", "uses")
                    + ").", "image:" + e.getKey(), evidence));
        }
        return Judgement.of(findings, byRef.size(), findings.size() + " of "
                + Words.plural(byRef.size(), "image", "images") + " not pinned to a version or digest");
    }
}
