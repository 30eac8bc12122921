package io.github.devopsassess.check.history;

import io.github.devopsassess.facts.history.FileHistories;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.FileStats;
import io.github.devopsassess.analysis.FileOwnership;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.HistoryFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code single-author-hotspots}: the most-changed source files (top decile by commits) whose main author wrote most
 * of their lines. The code that changes most is where a silo hurts most.
 */
public final class SingleAuthorHotspotsCheck extends HistoryCheck {

    public static final String ID = "single-author-hotspots";

    @Override
    protected boolean repeatsSoleMaintainer() {
        return true;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean needsLineCounts() {
        return true;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class, FileHistories.class);
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        double ownership = settings.threshold("ownership", 0.75);
        double topShare = settings.threshold("topShare", 0.10);
        int minCommits = settings.intThreshold("minCommits", 3);
        double fail = settings.threshold("fail", 0.5);
        Map<String, FileStats> files = facts.get(FileHistories.class).files();
        List<Map.Entry<String, FileStats>> ranked = new ArrayList<>(files.entrySet().stream()
                .filter(e -> e.getValue().commits() >= minCommits).toList());
        if (ranked.isEmpty()) {
            return Judgement.inapplicable("no source file with at least " + minCommits + " commits");
        }
        ranked.sort(Comparator.comparingInt((Map.Entry<String, FileStats> e) -> e.getValue().commits())
                .reversed().thenComparing(Map.Entry::getKey));
        int top = Math.max(1, (int) Math.ceil(files.size() * topShare));
        List<Map.Entry<String, FileStats>> hotspots = ranked.subList(0, Math.min(top, ranked.size()));
        String basis = history.lineCounts() ? "lines added" : "commits";
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, FileStats> e : hotspots) {
            FileStats s = e.getValue();
            String main = s.mainAuthor();
            double share = s.share(main);
            if (share >= ownership) {
                String who = HistoryViews.display(history, main);
                findings.add(settings.warn(String.format(java.util.Locale.ROOT, "%s is one of the most-changed"
                        + " files (%d commits) and %s wrote %.0f%% of it (by %s): every change there waits for"
                        + " one person.", e.getKey(), s.commits(), who, share * 100, basis), e.getKey(),
                        List.of(new Evidence(e.getKey(), null, null, s.lastCommit(), "latest change"))));
            }
        }
        double ratio = (double) findings.size() / hotspots.size();
        String summary = findings.size() + " of the " + hotspots.size() + " most-changed source files have one main"
                + " author" + history.confidenceNote();
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        if (ratio >= fail) {
            findings = findings.stream().map(f -> settings.fail(f.message(), f.subject(), f.evidence())).toList();
            return Judgement.of(findings, hotspots.size(), summary).lost(findings.size());
        }
        return Judgement.of(findings, hotspots.size(), summary).lost(findings.size());
    }
}
