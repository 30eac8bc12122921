package io.github.devopsassess.check.delivery;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.knowledgesilos.HistoryViews;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.history.HistoryFacts;
import io.github.devopsassess.source.History;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code deployment-frequency} (DORA): how often the team releases, counted from release tags (glob
 * {@code devops.releaseTags}, {@code v*} by default) over a window before the assessed commit.
 */
public final class DeploymentFrequencyCheck implements Check {

    public static final String ID = "deployment-frequency";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Facts facts, CheckSettings settings) {
        HistoryFacts history = facts.find(HistoryFacts.class).orElse(HistoryFacts.missing("history was not scanned"));
        if (!history.available()) {
            return settings.notAssessed(history.missingReason());
        }
        List<History.Tag> releases = history.releases();
        if (releases.isEmpty()) {
            return settings.notAssessed("no release tag matches '" + history.releaseTags() + "' (set"
                    + " devops.releaseTags to the team's tag pattern)");
        }
        int windowDays = settings.intThreshold("windowDays", 365);
        long from = history.headTime() - windowDays * HistoryViews.DAY;
        long firstCommit = history.commits().isEmpty() ? from : history.commits().get(0).commit().commitTime();
        double days = Math.max(1, (history.headTime() - Math.max(from, firstCommit)) / (double) HistoryViews.DAY);
        List<History.Tag> recent = releases.stream()
                .filter(t -> t.commitTime() > from && t.commitTime() <= history.headTime()).toList();
        double perDay = recent.size() / days;
        int benchmark = Dora.benchmark(settings);
        Dora.Level level = Dora.deploymentFrequency(perDay, benchmark);
        String rate = String.format(Locale.ROOT, "%d release(s) in %.0f days (%.2f a week)", recent.size(), days,
                perDay * 7);
        List<Evidence> evidence = new ArrayList<>();
        List<History.Tag> shown = recent.isEmpty() ? releases.subList(Math.max(0, releases.size() - 1),
                releases.size()) : recent.subList(Math.max(0, recent.size() - 5), recent.size());
        for (History.Tag t : shown) {
            evidence.add(Evidence.commit(t.commit(), "release tag " + t.name() + " (" + HistoryViews.date(
                    t.commitTime()) + ")"));
        }
        return Dora.result(settings, level, "deploymentsPerWeek", Math.round(perDay * 7 * 100) / 100.0,
                rate + history.confidenceNote(), "The team released " + rate + ": each release carries more change"
                        + " and feedback from production comes late.", "releases", evidence);
    }
}
