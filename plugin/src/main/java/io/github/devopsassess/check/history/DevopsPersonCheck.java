package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.InfrastructureFiles;
import io.github.devopsassess.facts.history.FileTouch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code devops-person}: the contributor absence factor of the pipeline and infrastructure files (CI definitions,
 * Dockerfiles, Terraform, Helm, Kubernetes, deploy scripts). A factor of 1 is "the DevOps person": delivery stops
 * when they are away, and the rest of the team never learns how it works.
 */
public final class DevopsPersonCheck extends HistoryCheck {

    public static final String ID = "devops-person";
    private static final int EVIDENCE_FILES = 8;

    @Override
    protected boolean repeatsSoleMaintainer() {
        return true;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        int windowDays = settings.intThreshold("windowDays", 365);
        int fail = settings.intThreshold("fail", 1);
        int minCommits = settings.intThreshold("minCommits", 10);
        double minShare = settings.threshold("minShare", 0.67);
        double maxOtherShare = settings.threshold("maxOtherShare", 0.5);
        InfrastructureFiles infra = InfrastructureFiles.defaults();
        Map<String, Integer> commitsBy = new TreeMap<>();
        Map<String, Integer> otherCommitsBy = new TreeMap<>();
        int otherTotal = 0;
        Set<String> files = new TreeSet<>();
        String last = null;
        int total = 0;
        for (AuthoredCommit c : HistoryViews.window(HistoryViews.humans(history), history.headTime(), windowDays)) {
            boolean touched = false;
            for (FileTouch t : c.commit().files()) {
                if (infra.matches(t.path())) {
                    touched = true;
                    files.add(t.path());
                }
            }
            if (touched) {
                commitsBy.merge(c.author().key(), 1, Integer::sum);
                total++;
                last = c.commit().id();
            } else {
                otherCommitsBy.merge(c.author().key(), 1, Integer::sum);
                otherTotal++;
            }
        }
        if (total < minCommits) {
            return Judgement.inapplicable(Words.plural(total, "change", "changes")
                    + " to pipeline or infrastructure files in the last "
                    + windowDays + " days (fewer than " + minCommits + ")");
        }
        List<String> caf = HistoryViews.contributorAbsence(commitsBy);
        Map<String, Object> metrics = Map.of("pipelineContributorAbsenceFactor", caf.size());
        String summary = "contributor absence factor " + caf.size() + " over " + total + " changes to " + files.size()
                + " pipeline and infrastructure files" + history.confidenceNote();
        if (caf.size() > fail) {
            return Judgement.clean(summary).metrics(metrics);
        }
        int theirs = commitsBy.get(caf.get(0));
        if (theirs < minShare * total) {
            // Half of the changes is a main contributor, not "the" DevOps person: others make the rest.
            return Judgement.clean(summary + "; the most active person made " + theirs + " of " + total
                    + ", below the " + Math.round(minShare * 100) + "% that makes one person the only one who"
                    + " changes them").metrics(metrics);
        }
        String who = HistoryViews.display(history, caf.get(0));
        int theirOthers = otherCommitsBy.getOrDefault(caf.get(0), 0);
        if (otherTotal > 0 && theirOthers >= maxOtherShare * otherTotal) {
            // The anti-pattern is a split: one person runs delivery while the others write the code. Someone who
            // also makes most of the other changes is the main developer of everything: that is the bus factor,
            // which truck-factor reports, not a DevOps person apart from the team.
            return Judgement.clean(summary + "; " + who + " made " + theirs + " of " + total + " but also "
                    + theirOthers + " of the " + Words.plural(otherTotal, "other change", "other changes")
                    + ": the main developer of everything (a bus factor), not a DevOps person apart from the team")
                    .metrics(metrics);
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.commit(last, "latest pipeline or infrastructure change"));
        files.stream().limit(EVIDENCE_FILES).forEach(f -> evidence.add(Evidence.file(f)));
        String message = who + " made " + theirs + " of the " + total + " changes to the pipeline"
                + " and infrastructure in the last " + windowDays + " days: " + who + " is \"the DevOps person\","
                + " and delivery depends on one person.";
        return Judgement.of(List.of(settings.fail(message, "pipeline-and-infrastructure", evidence)), 0, summary)
                .metrics(metrics);
    }
}
