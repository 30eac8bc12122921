package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.Tag;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code change-failure-rate} (DORA): failed changes over deployments (release tags and deploy-marker commits) in the
 * window. A failure is a revert ({@code This reverts commit …} or a {@code Revert "…"} subject), a hotfix commit, a
 * merged {@code hotfix} branch or a {@code hotfix} tag.
 */
public final class ChangeFailureRateCheck extends DoraCheck {

    public static final String ID = "change-failure-rate";
    private static final Pattern HOTFIX = Pattern.compile("(?i)\\bhot[- ]?fix");
    private static final int EVIDENCE = 8;

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement measure(HistoryFacts history, Facts facts, CheckSettings settings) {
        int windowDays = settings.intThreshold("windowDays", 365);
        long from = history.headTime() - windowDays * HistoryViews.DAY;
        long releases = history.deployments().stream()
                .filter(t -> t.commitTime() > from && t.commitTime() <= history.headTime()).count();
        if (releases == 0) {
            return Judgement.inapplicable(history.noDeploymentReason(" in the last " + windowDays + " days") + ", so"
                    + " there is nothing to measure failures against");
        }
        List<Evidence> failures = new ArrayList<>();
        for (AuthoredCommit c : history.commits()) {
            if (c.commit().commitTime() <= from) {
                continue;
            }
            String subject = c.commit().subject() == null ? "" : c.commit().subject();
            if (c.commit().reverts() != null || subject.startsWith("Revert \"")) {
                failures.add(Evidence.commit(c.commit().id(), "revert: " + subject));
            } else if (HOTFIX.matcher(subject).find()) {
                failures.add(Evidence.commit(c.commit().id(), "hotfix: " + subject));
            }
        }
        for (Merge m : history.merges()) {
            if (m.commitTime() > from && HOTFIX.matcher(m.subject()).find()) {
                failures.add(Evidence.commit(m.id(), "hotfix merged: " + m.subject()));
            }
        }
        for (Tag t : history.tags()) {
            if (t.commitTime() > from && t.commitTime() <= history.headTime() && HOTFIX.matcher(t.name()).find()) {
                failures.add(Evidence.commit(t.commit(), "hotfix tag " + t.name()));
            }
        }
        double rate = Math.min(1.0, (double) failures.size() / releases);
        Dora.Level level = Dora.changeFailureRate(rate, Dora.benchmark(settings));
        String text = Words.plural(failures.size(), "failed change", "failed changes") + " (reverts, hotfixes) over "
                + Words.plural(releases, Dora.unit(history), Dora.unit(history) + "s")
                + String.format(Locale.ROOT, ": %.0f%%", rate * 100);
        List<Evidence> evidence = failures.subList(Math.max(0, failures.size() - EVIDENCE), failures.size());
        return Dora.result(settings, level, "changeFailureRate", Math.round(rate * 1000) / 1000.0,
                text + history.confidenceNote(), "In the last " + windowDays + " days " + text + " needed a revert"
                        + " or a hotfix.", "change-failures", evidence);
    }
}
