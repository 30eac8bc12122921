package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.Deployment;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lead-time-for-changes} (DORA): the median time from a commit to the first deployment that contains it (a
 * release tag, or a deploy-marker commit: it contains itself and its ancestors), over the commits deployed in the
 * window.
 */
public final class LeadTimeForChangesCheck extends DoraCheck {

    public static final String ID = "lead-time-for-changes";

    /** A released commit and how long it waited. */
    private record Lead(AuthoredCommit commit, Deployment deployment, long seconds) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement measure(HistoryFacts history, Facts facts, CheckSettings settings) {
        int windowDays = settings.intThreshold("windowDays", 365);
        long from = history.headTime() - windowDays * HistoryViews.DAY;
        // by deployed commit; of two release tags on one commit the first (by name) names it, as before
        Map<String, Deployment> byCommit = new HashMap<>();
        for (Deployment d : history.deployments()) {
            byCommit.putIfAbsent(d.commit(), d);
        }
        List<Lead> leads = new ArrayList<>();
        for (AuthoredCommit c : history.commits()) {
            String deployedAt = history.firstDeployment().get(c.commit().id());
            Deployment d = deployedAt == null ? null : byCommit.get(deployedAt);
            if (d != null && d.commitTime() > from && d.commitTime() <= history.headTime()) {
                leads.add(new Lead(c, d, Math.max(0, d.commitTime() - c.commit().commitTime())));
            }
        }
        if (leads.isEmpty()) {
            boolean anyInWindow = byCommit.values().stream()
                    .anyMatch(d -> d.commitTime() > from && d.commitTime() <= history.headTime());
            return Judgement.inapplicable(anyInWindow ? "no commit of the assessed tree reached a " + Dora.unit(history)
                    + " in the last " + windowDays + " days" : history.noDeploymentReason(" in the last " + windowDays
                    + " days"));
        }
        leads.sort(Comparator.comparingLong(Lead::seconds).thenComparing(l -> l.commit().commit().id()));
        int n = leads.size();
        double medianSeconds = n % 2 == 1 ? leads.get(n / 2).seconds()
                : (leads.get(n / 2 - 1).seconds() + leads.get(n / 2).seconds()) / 2.0;
        double hours = medianSeconds / 3600.0;
        Dora.Level level = Dora.leadTime(hours, Dora.benchmark(settings));
        String text = String.format(Locale.ROOT, "median lead time %s over %d %s commits", human(hours), n,
                Dora.unit(history).equals("release") ? "released" : "deployed");
        Lead longest = leads.get(n - 1);
        Deployment d = longest.deployment();
        List<Evidence> evidence = List.of(Evidence.commit(longest.commit().commit().id(), "waited "
                + human(longest.seconds() / 3600.0) + " for " + (d.kind() == Deployment.Kind.TAG
                        ? "release " + d.name() : Dora.describe(d))));
        return Dora.result(settings, level, "leadTimeHours", Math.round(hours * 10) / 10.0,
                text + history.confidenceNote(), "A change waits a median of " + human(hours) + " from commit to"
                        + " release: users and the team learn late whether it works.", "lead-time", evidence);
    }

    static String human(double hours) {
        if (hours < 48) {
            return String.format(Locale.ROOT, "%.1f hours", hours);
        }
        return String.format(Locale.ROOT, "%.1f days", hours / 24);
    }
}
