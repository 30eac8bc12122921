package io.github.devopsassess.check;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.pipeline.PipelineFacts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the pipeline checks share: finding the model, and turning findings over judged items into a result. */
public final class PipelineResults {

    private PipelineResults() {
    }

    /** The pipeline model, or empty when there is none to judge (then the check is not assessed). */
    public static Optional<PipelineFacts> readable(Facts facts) {
        return facts.find(PipelineFacts.class).filter(p -> !p.workflows().isEmpty());
    }

    public static String noPipelines(Facts facts) {
        return facts.find(PipelineFacts.class).isEmpty() ? "pipelines were not scanned"
                : "no readable pipeline definition";
    }

    /**
     * Pass when nothing was found; otherwise fail if any finding is at the check's full severity, else warn. The
     * score is the share of judged items without a finding, a warning counting half.
     */
    public static CheckResult of(CheckSettings settings, List<Finding> findings, int judged, String summary) {
        List<Finding> sorted = findings.stream().sorted(Comparator.comparing(Finding::subject)).toList();
        if (sorted.isEmpty()) {
            return settings.pass(summary);
        }
        boolean fail = sorted.stream().anyMatch(f -> f.severity() == settings.severity());
        double lost = sorted.stream().mapToDouble(f -> f.severity() == settings.severity() ? 1 : 0.5).sum();
        double score = judged <= 0 ? 0 : 1 - lost / judged;
        return settings.result(fail ? CheckStatus.FAIL : CheckStatus.WARN, score, summary, sorted);
    }
}
