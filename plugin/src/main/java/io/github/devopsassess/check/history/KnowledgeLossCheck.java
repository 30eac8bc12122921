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
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code knowledge-loss}: the share of live source files whose main author (most lines added) has been inactive for
 * {@code inactiveDays} and where nobody else holds a meaningful share — code whose knowledge has already left.
 */
public final class KnowledgeLossCheck extends HistoryCheck {

    public static final String ID = "knowledge-loss";
    private static final int EVIDENCE_FILES = 10;

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
        int inactiveDays = settings.intThreshold("inactiveDays", 90);
        double otherShare = settings.threshold("otherAuthorShare", 0.10);
        double warn = settings.threshold("warn", 0.10);
        double fail = settings.threshold("fail", 0.25);
        List<AuthoredCommit> humans = HistoryViews.humans(history);
        Map<String, Long> lastActive = new HashMap<>();
        for (AuthoredCommit c : humans) {
            lastActive.merge(c.author().key(), c.commit().commitTime(), Math::max);
        }
        long cutoff = history.headTime() - inactiveDays * HistoryViews.DAY;
        Map<String, FileStats> files = facts.get(FileHistories.class).files();
        if (files.isEmpty()) {
            return Judgement.inapplicable("no source file with history in the assessed tree");
        }
        String prefix = HistoryViews.prefix(facts);
        Map<String, List<String>> abandonedByModule = new TreeMap<>();
        Map<String, String> ownerOf = new HashMap<>();
        int abandoned = 0;
        for (Map.Entry<String, FileStats> e : files.entrySet()) {
            FileStats s = e.getValue();
            String main = s.mainAuthor();
            if (main == null || lastActive.getOrDefault(main, Long.MIN_VALUE) > cutoff) {
                continue;
            }
            boolean someoneElse = s.weights().keySet().stream().anyMatch(p -> !p.equals(main)
                    && s.share(p) >= otherShare);
            if (!someoneElse) {
                abandoned++;
                String module = HistoryViews.moduleOf(e.getKey(), prefix);
                abandonedByModule.computeIfAbsent(module == null ? "" : module, k -> new ArrayList<>())
                        .add(e.getKey());
                ownerOf.put(e.getKey(), main);
            }
        }
        double share = (double) abandoned / files.size();
        String basis = history.lineCounts() ? "lines added" : "commits (line counts were not mined)";
        String summary = String.format(java.util.Locale.ROOT, "%d of %d source files (%.0f%%) belong to someone"
                + " inactive for %d days, by %s", abandoned, files.size(), share * 100, inactiveDays, basis)
                + history.confidenceNote();
        Map<String, Object> metrics = Map.of("knowledgeLossShare", Math.round(share * 1000) / 1000.0);
        if (share < warn || abandoned == 0) {
            return Judgement.clean(summary).metrics(metrics);
        }
        boolean failing = share >= fail;
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : abandonedByModule.entrySet()) {
            String subject = e.getKey().isEmpty() ? (prefix.isEmpty() ? "/" : prefix) : prefix + e.getKey();
            List<String> paths = e.getValue();
            List<String> owners = paths.stream().map(ownerOf::get).distinct().sorted()
                    .map(k -> HistoryViews.display(history, k) + " (last commit "
                            + HistoryViews.date(lastActive.get(k)) + ")").toList();
            List<Evidence> evidence = new ArrayList<>();
            paths.stream().limit(EVIDENCE_FILES).forEach(p -> evidence.add(new Evidence(p, null, null,
                    files.get(p).lastCommit(), "main author " + HistoryViews.display(history, ownerOf.get(p))
                            + " inactive")));
            String message = paths.size() + " source file(s) in " + subject + " were written mainly by "
                    + String.join(", ", owners) + ", inactive for more than " + inactiveDays
                    + " days, and nobody else wrote " + Math.round(otherShare * 100) + "% of them.";
            findings.add(failing ? settings.fail(message, subject, evidence) : settings.warn(message, subject,
                    evidence));
        }
        return Judgement.of(findings, files.size(), summary).lost(abandoned).metrics(metrics);
    }
}
