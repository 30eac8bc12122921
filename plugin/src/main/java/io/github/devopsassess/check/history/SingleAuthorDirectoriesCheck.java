package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.FileTouch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code single-author-directories}: top-level folders of the assessed tree that only one person has ever changed —
 * a silo that leaves with that person.
 */
public final class SingleAuthorDirectoriesCheck extends HistoryCheck {

    public static final String ID = "single-author-directories";

    /** How many of a silo folder's most changed files the finding names. */
    private static final int MOST_CHANGED = 3;

    /** What history says about one folder. */
    private static final class Folder {
        final Set<String> people = new TreeSet<>();
        /** Commits per file of the folder that is still in the tree. */
        final Map<String, Integer> files = new TreeMap<>();
        int commits;
        String lastCommit;
    }

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
        String prefix = HistoryViews.prefix(facts);
        Set<String> current = new TreeSet<>();
        Set<String> sources = new HashSet<>(history.sourceFiles());
        for (String f : history.sourceFiles()) {
            String folder = HistoryViews.moduleOf(f, prefix);
            // .github/, .husky/, .devcontainer/: tool configuration, not a part of the code someone must know
            // (the pipeline's single author is devops-person's finding)
            if (folder != null && !folder.startsWith(".")) {
                current.add(folder);
            }
        }
        Map<String, Folder> folders = new TreeMap<>();
        // a path recurs in many commits: its folder is worked out once ("" for none)
        Map<String, String> folderOf = new HashMap<>();
        for (AuthoredCommit c : history.commits()) {
            if (c.author().bot()) {
                continue;
            }
            Set<String> touched = new TreeSet<>();
            for (FileTouch t : c.commit().files()) {
                String folder = folderOf.computeIfAbsent(t.path(), p -> {
                    String top = HistoryViews.moduleOf(p, prefix);
                    return top == null ? "" : top;
                });
                if (!folder.isEmpty() && current.contains(folder)) {
                    touched.add(folder);
                    if (sources.contains(t.path())) {
                        folders.computeIfAbsent(folder, k -> new Folder()).files.merge(t.path(), 1, Integer::sum);
                    }
                }
            }
            for (String folder : touched) {
                Folder f = folders.computeIfAbsent(folder, k -> new Folder());
                f.people.add(c.author().key());
                f.commits++;
                f.lastCommit = c.commit().id();
            }
        }
        int minCommits = settings.intThreshold("minCommits", 10);
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        for (Map.Entry<String, Folder> e : folders.entrySet()) {
            Folder f = e.getValue();
            if (f.commits < minCommits) {
                continue;
            }
            judged++;
            if (f.people.size() == 1) {
                String person = history.people().get(f.people.iterator().next()).display();
                String path = prefix + e.getKey();
                List<Evidence> evidence = new ArrayList<>();
                evidence.add(new Evidence(path, null, null, f.lastCommit, "last change by " + person));
                // where the knowledge sits: the folder's files changed most often (ties by path)
                f.files.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(MOST_CHANGED)
                        .forEach(m -> evidence.add(Evidence.file(m.getKey()).withNote("changed in "
                                + Words.plural(m.getValue(), "commit", "commits") + " by " + person)));
                findings.add(settings.fail("Only " + person + " has ever changed " + path + "/ (" + f.commits
                        + " commits): nobody else knows this part of the code.", path, evidence));
            }
        }
        if (judged == 0) {
            return Judgement.inapplicable("no top-level folder with at least " + minCommits + " commits");
        }
        String summary = findings.size() + " of " + Words.plural(judged, "top-level folder", "top-level folders")
                + " " + Words.noun(findings.size(), "has", "have") + " a single author";
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, judged, summary).lost(findings.size());
    }
}
