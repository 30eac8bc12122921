package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.Deployment;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.HistoryFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code deployment-frequency} (DORA): how often the team deploys, counted from release tags (glob
 * {@code devops.releaseTags}, {@code v*} by default) and deploy-marker commits ({@code devops.deployMarkers}) over a
 * window before the assessed commit.
 */
public final class DeploymentFrequencyCheck extends DoraCheck {

    public static final String ID = "deployment-frequency";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement measure(HistoryFacts history, Facts facts, CheckSettings settings) {
        List<Deployment> releases = history.deployments();
        if (releases.isEmpty()) {
            return Judgement.inapplicable(history.noDeploymentReason(""));
        }
        int windowDays = settings.intThreshold("windowDays", 365);
        long from = history.headTime() - windowDays * HistoryViews.DAY;
        long firstCommit = history.commits().isEmpty() ? from : history.commits().get(0).commit().commitTime();
        double days = Math.max(1, (history.headTime() - Math.max(from, firstCommit)) / (double) HistoryViews.DAY);
        List<Deployment> recent = releases.stream()
                .filter(t -> t.commitTime() > from && t.commitTime() <= history.headTime()).toList();
        double perDay = recent.size() / days;
        int benchmark = Dora.benchmark(settings);
        Dora.Level level = Dora.deploymentFrequency(perDay, benchmark);
        String unit = Dora.unit(history);
        String rate = Words.plural(recent.size(), unit, unit + "s") + String.format(Locale.ROOT,
                " in %.0f days (%.2f a week)", days, perDay * 7);
        if (recent.isEmpty()) {
            // No release in the window: what matters is whether changes wait for one. A dormant project with nothing
            // new since its last release has nothing to deliver (judges labelled the DORA framing trivial there).
            Deployment last = releases.get(releases.size() - 1);
            long waiting = history.commits().stream().filter(c -> !c.author().bot()
                    && c.commit().commitTime() > last.commitTime()).count();
            if (waiting == 0) {
                return Judgement.inapplicable("no " + unit + " in " + windowDays + " days, and no change by a person"
                        + " since the last one (" + Dora.describe(last) + ", " + HistoryViews.date(last.commitTime())
                        + "): nothing is waiting to be delivered" + history.confidenceNote());
            }
            return Dora.result(settings, level, "deploymentsPerWeek", 0.0, rate + history.confidenceNote(),
                    "No " + unit + " in " + windowDays + " days: the last, " + Dora.describe(last) + ", was on "
                            + HistoryViews.date(last.commitTime()) + ", and " + Words.plural(waiting,
                                    "change by a person has", "changes by people have")
                            + " landed since: users and production get none of them until the next " + unit + ".",
                    "releases", List.of(Evidence.commit(last.commit(), Dora.describe(last) + " ("
                            + HistoryViews.date(last.commitTime()) + ")")));
        }
        List<Evidence> evidence = new ArrayList<>();
        List<Deployment> shown = recent.isEmpty() ? releases.subList(Math.max(0, releases.size() - 1),
                releases.size()) : recent.subList(Math.max(0, recent.size() - 5), recent.size());
        for (Deployment d : shown) {
            evidence.add(Evidence.commit(d.commit(), Dora.describe(d) + " (" + HistoryViews.date(d.commitTime())
                    + ")"));
        }
        // weekly to monthly (DORA medium) costs score but is no finding: judges of real repositories rated 36
        // releases a year, with staging deployed on every push, a pace nobody needs to act on
        return Dora.result(settings, level, "deploymentsPerWeek", Math.round(perDay * 7 * 100) / 100.0,
                rate + history.confidenceNote(), "The team " + (unit.equals("release") ? "released " : "deployed ")
                        + rate + ": each " + unit + " carries more change"
                        + " and feedback from production comes late.", "releases", evidence, false);
    }
}
