package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.history.Reviews;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.analysis.ReviewSignals;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code review-signals}: from git alone, the share of changes that had a second person on them (a merge, a
 * {@code Reviewed-by}/{@code Co-authored-by}/{@code Approved-by} trailer, a squash-merged pull request), and whether
 * one person merges everything.
 */
public final class ReviewSignalsCheck extends HistoryCheck {

    public static final String ID = "review-signals";

    /** The committer of merges made in GitHub's web interface ("GitHub <noreply@github.com>"). */

    @Override
    protected boolean repeatsSoleMaintainer() {
        return true;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class, Reviews.class);
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        Reviews reviews = facts.get(Reviews.class);
        int windowDays = settings.intThreshold("windowDays", 365);
        int minCommits = settings.intThreshold("minCommits", 10);
        double warn = settings.threshold("warn", 0.5);
        double fail = settings.threshold("fail", 0.2);
        double mergerShare = settings.threshold("mergerShare", 0.8);
        int minMerges = settings.intThreshold("minMerges", 5);
        List<AuthoredCommit> recent = HistoryViews.window(HistoryViews.humans(history), history.headTime(),
                windowDays);
        if (recent.size() < minCommits) {
            return Judgement.inapplicable(Words.plural(recent.size(), "commit", "commits") + " in the last "
                    + windowDays + " days (fewer than "
                    + minCommits + ")");
        }
        AuthoredCommit lastUnreviewed = null;
        int reviewed = 0;
        for (AuthoredCommit c : recent) {
            if (reviews.reviewed(c)) {
                reviewed++;
            } else {
                lastUnreviewed = c;
            }
        }
        double share = (double) reviewed / recent.size();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("reviewedShare", Math.round(share * 1000) / 1000.0);
        List<Finding> findings = new ArrayList<>();
        if (share < warn) {
            boolean failing = share < fail;
            String message = String.format(Locale.ROOT, "Only %d of %d changes (%.0f%%) in the last %d days show"
                    + " a second person (merge, review trailer or pull request): most changes reach the branch"
                    + " unseen.", reviewed, recent.size(), share * 100, windowDays);
            List<Evidence> evidence = List.of(Evidence.commit(lastUnreviewed.commit().id(),
                    "latest change with no review signal"));
            findings.add(failing ? settings.fail(message, "review", evidence)
                    : settings.warn(message, "review", evidence));
        }
        long from = history.headTime() - windowDays * HistoryViews.DAY;
        Map<String, Integer> mergers = new TreeMap<>();
        Map<String, String> lastMerge = new TreeMap<>();
        int merges = 0;
        for (Merge m : history.merges()) {
            if (m.commitTime() <= from) {
                continue;
            }
            String key = m.committerKey();
            Person committer = history.people().get(key);
            if (m.committedByPlatform() || committer != null && committer.bot()) {
                continue; // GitHub's web merges and merge bots commit what people approved: nobody gatekeeps
            }
            mergers.merge(key, 1, Integer::sum);
            lastMerge.put(key, m.id());
            merges++;
        }
        int people = (int) recent.stream().map(c -> c.author().key()).distinct().count();
        if (merges >= minMerges && people > 1) {
            Map.Entry<String, Integer> top = null;
            for (Map.Entry<String, Integer> e : mergers.entrySet()) { // sorted by key: ties go to the first
                if (top == null || e.getValue() > top.getValue()) {
                    top = e;
                }
            }
            double topShare = (double) top.getValue() / merges;
            metrics.put("topMergerShare", Math.round(topShare * 1000) / 1000.0);
            if (topShare >= mergerShare) {
                String who = HistoryViews.display(history, top.getKey());
                findings.add(settings.warn(String.format(Locale.ROOT, "%s made %d of the %d merges (%.0f%%) in the"
                        + " last %d days: every change waits for one gatekeeper.", who, top.getValue(), merges,
                        topShare * 100, windowDays), "mergers",
                        List.of(Evidence.commit(lastMerge.get(top.getKey()), "latest merge by " + who))));
            }
        }
        String summary = String.format(Locale.ROOT, "%.0f%% of %s show review; %s",
                share * 100, Words.plural(recent.size(), "recent change", "recent changes"),
                Words.plural(merges, "merge", "merges")) + history.confidenceNote();
        return Judgement.of(findings, 0, summary).metrics(metrics);
    }
}
