package io.github.devopsassess.check.thirdparty;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.PipelineResults;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.pipeline.Job;
import io.github.devopsassess.scan.pipeline.PipelineFacts;
import io.github.devopsassess.scan.pipeline.Pinning;
import io.github.devopsassess.scan.pipeline.Reference;
import io.github.devopsassess.scan.pipeline.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code unpinned-images}: job, service and {@code docker://} images with {@code :latest}, another floating tag
 * ({@code stable}, {@code alpine}) or no tag at all. The build changes whenever the image's publisher pushes.
 */
public final class UnpinnedImagesCheck implements Check {

    public static final String ID = "unpinned-images";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Facts facts, CheckSettings settings) {
        PipelineFacts pipelines = PipelineResults.readable(facts).orElse(null);
        if (pipelines == null) {
            return settings.notAssessed(PipelineResults.noPipelines(facts));
        }
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
            return settings.notAssessed("the pipelines name no container images");
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
                    : " uses a floating tag") + ": CI runs whatever its publisher pushed last (" + evidence.size()
                    + " use(s)).", "image:" + e.getKey(), evidence));
        }
        return PipelineResults.of(settings, findings, byRef.size(), findings.size() + " of " + byRef.size()
                + " image(s) not pinned to a version or digest");
    }
}
