package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Listing;
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
import io.github.devopsassess.facts.history.Activity;
import io.github.devopsassess.facts.history.GeneratedProject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code knowledge-loss}: the share of live source files whose main author (most lines added) has been inactive for
 * {@code inactiveDays} and where the people still active together hold less than a meaningful share — code whose
 * knowledge has already left.
 */
public final class KnowledgeLossCheck extends HistoryCheck {

    public static final String ID = "knowledge-loss";
    private static final int EVIDENCE_FILES = 10;

    /**
     * Files that hold no knowledge of the code: translations synced from a translation service, placeholders, editor
     * and git settings, licences, certificates and keys.
     */
    private static final java.util.regex.Pattern NO_KNOWLEDGE = java.util.regex.Pattern.compile("(?i)(\\.(po|pot|mo"
            + "|xliff?|pem|crt|key)$|(^|/)(i18n|locales?|translations)/|(^|/)(\\.gitkeep|\\.keep|\\.empty|\\.gitignore"
            + "|\\.gitattributes|\\.editorconfig|\\.dockerignore|LICEN[CS]E[^/]*|NOTICE[^/]*)$)");

    /**
     * Source code before settings: a file whose name starts with a dot ({@code .yamllint}, {@code .npmrc}) or that
     * holds a tool's settings rather than the team's code comes last; then the most lines written first.
     */
    static java.util.Comparator<String> byWeight(Map<String, FileStats> files) {
        // each key once per path, not once per comparison: the sort runs over every abandoned file at each trend point
        Map<String, Boolean> settings = new java.util.HashMap<>();
        Map<String, Long> weights = new java.util.HashMap<>();
        return java.util.Comparator.comparing((String p) -> settings.computeIfAbsent(p,
                        k -> TOOL_SETTINGS.matcher(k).find()))
                .thenComparing(p -> -weights.computeIfAbsent(p,
                        k -> files.get(k).weights().values().stream().mapToLong(Long::longValue).sum()))
                .thenComparing(p -> p);
    }

    /** Dotfiles and the settings of tools at a folder's top: not where the team's knowledge is. */
    private static final java.util.regex.Pattern TOOL_SETTINGS = java.util.regex.Pattern.compile(
            "(^|/)\\.[^/]+$|(^|/)[^/]*(rc|ignore|config|\\.config\\.[a-z]+|\\.lock)$|(^|/)(atmos|renovate|"
            + "codecov|mkdocs|tox|setup)\\.(ya?ml|cfg|toml|json)$");

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
        return List.of(HistoryFacts.class, FileHistories.class, Activity.class);
    }

    @Override
    public List<Class<?>> reads() {
        return List.of(GeneratedProject.class);
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        int inactiveDays = settings.intThreshold("inactiveDays", 90);
        double otherShare = settings.threshold("otherAuthorShare", 0.10);
        double warn = settings.threshold("warn", 0.10);
        double fail = settings.threshold("fail", 0.25);
        List<AuthoredCommit> humans = HistoryViews.humans(history);
        // A maintainer who now merges others' pull requests still knows the code: merging is activity too.
        Activity activity = facts.get(Activity.class);
        long cutoff = history.headTime() - inactiveDays * HistoryViews.DAY;
        java.util.Optional<GeneratedProject> generated = facts.find(GeneratedProject.class);
        if (generated.isPresent()) {
            return Judgement.inapplicable(generated.get().reason());
        }
        Map<String, FileStats> files = facts.get(FileHistories.class).files();
        if (files.isEmpty()) {
            return Judgement.inapplicable("no source file with history in the assessed tree");
        }
        int minFiles = settings.intThreshold("minFiles", 10);
        if (files.size() < minFiles) {
            return Judgement.inapplicable("only " + Words.plural(files.size(), "source file", "source files")
                    + " with history (fewer than " + minFiles + "): too little code for lost knowledge to matter");
        }
        String prefix = HistoryViews.prefix(facts);
        Map<String, List<String>> abandonedByModule = new TreeMap<>();
        Map<String, String> ownerOf = new HashMap<>();
        int abandoned = 0;
        for (Map.Entry<String, FileStats> e : files.entrySet()) {
            if (NO_KNOWLEDGE.matcher(e.getKey()).find()) {
                continue;
            }
            FileStats s = e.getValue();
            String main = s.mainAuthor();
            if (main == null || activity.activeAfter(main, cutoff)) {
                continue;
            }
            // the knowledge stays when the people still here together wrote a meaningful share: a file many active
            // people keep changing is held by them, even if none of them alone reaches the share
            // each active person's share as FileStats.share gives it, with the file's total summed once, not per person
            Map<String, Long> weights = s.weights();
            long total = weights.values().stream().mapToLong(Long::longValue).sum();
            double heldByActive = total == 0 ? 0 : weights.entrySet().stream()
                    .filter(w -> activity.activeAfter(w.getKey(), cutoff))
                    .mapToDouble(w -> (double) w.getValue() / total).sum();
            if (heldByActive < otherShare) {
                abandoned++;
                String module = HistoryViews.moduleOf(e.getKey(), prefix);
                abandonedByModule.computeIfAbsent(module == null ? "" : module, k -> new ArrayList<>())
                        .add(e.getKey());
                ownerOf.put(e.getKey(), main);
            }
        }
        double share = (double) abandoned / files.size();
        String basis = history.lineCounts() ? "lines added" : "commits (line counts were not mined)";
        String summary = abandoned + " of " + Words.plural(files.size(), "source file", "source files")
                + String.format(java.util.Locale.ROOT, " (%.0f%%) %s to someone inactive for %d days, by %s",
                        share * 100, Words.noun(abandoned, "belongs", "belong"), inactiveDays, basis)
                + history.confidenceNote();
        Map<String, Object> metrics = Map.of("knowledgeLossShare", Math.round(share * 1000) / 1000.0);
        if (share < warn || abandoned == 0) {
            return Judgement.clean(summary).metrics(metrics);
        }
        boolean failing = share >= fail;
        // one root cause, one finding: the knowledge that left with its authors, the modules it sits in listed
        List<String> owners = ownerOf.values().stream().distinct().sorted()
                .map(k -> HistoryViews.display(history, k) + " (last commit " + HistoryViews.date(activity.last(k))
                        + ")").toList();
        List<String> modules = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        // the modules that lost most first, and in each its weightiest files: the places a reader should look at
        // first are the team's largest code, not a tool's settings file
        List<Map.Entry<String, List<String>>> byLoss = new ArrayList<>(abandonedByModule.entrySet());
        byLoss.sort(java.util.Comparator.comparing((Map.Entry<String, List<String>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, List<String>> e : byLoss) {
            String module = e.getKey().isEmpty() ? (prefix.isEmpty() ? "/" : prefix) : prefix + e.getKey() + "/";
            modules.add(module + " (" + e.getValue().size() + ")");
            e.getValue().stream().sorted(byWeight(files)).limit(2).forEach(p -> evidence.add(new Evidence(p, null, null,
                    files.get(p).lastCommit(), "main author " + HistoryViews.display(history, ownerOf.get(p))
                            + " inactive")));
        }
        String message = Words.plural(abandoned, "source file was", "source files were")
                + " written mainly by people inactive for more than "
                + inactiveDays + " days (" + Listing.some(owners, 5, ", ")
                + "), and people still active wrote less than " + Math.round(otherShare * 100) + "% of "
                + Words.noun(abandoned, "it", "each") + "; by module: "
                + Listing.some(modules, 6, ", ") + ".";
        List<Evidence> shown = evidence.stream().limit(EVIDENCE_FILES * 2).toList();
        List<Finding> findings = List.of(failing ? settings.fail(message, "knowledge-loss", shown)
                : settings.warn(message, "knowledge-loss", shown));
        return Judgement.of(findings, files.size(), summary).lost(abandoned).metrics(metrics);
    }
}
