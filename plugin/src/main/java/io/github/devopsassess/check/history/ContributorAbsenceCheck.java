package io.github.devopsassess.check.history;

import io.github.devopsassess.check.Listing;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Activity;
import io.github.devopsassess.facts.history.FileTouch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code contributor-absence}: per top-level module, the contributor absence factor (CHAOSS) over a recent window —
 * the fewest people who made half of the module's commits. A factor of 1 means the module's recent work stops when
 * one person is on holiday.
 */
public final class ContributorAbsenceCheck extends HistoryCheck {

    public static final String ID = "contributor-absence";

    /** Commits per person and the latest commit of one module. */
    private static final class Module {
        final Map<String, Integer> commits = new TreeMap<>();
        int total;
        String last;
        String lastAuthor;
    }

    /** "Most of the commits": clearly more than half, so that a two-way split is not one person's silo. */
    private static final double MOST = 0.6;

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
        return List.of(HistoryFacts.class, Activity.class);
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        int windowDays = settings.intThreshold("windowDays", 365);
        int minCommits = settings.intThreshold("minCommits", 5);
        int fail = settings.intThreshold("fail", 1);
        String prefix = HistoryViews.prefix(facts);
        Map<String, Module> modules = new TreeMap<>();
        // Work on what the tree holds now: a folder that was renamed or deleted (doc/ become docs/) stops nobody,
        // and documentation, generated and vendored files are not the knowledge this check is about.
        java.util.Set<String> current = new java.util.HashSet<>(history.sourceFiles());
        for (AuthoredCommit c : HistoryViews.window(HistoryViews.humans(history), history.headTime(), windowDays)) {
            java.util.Set<String> touched = new java.util.TreeSet<>();
            for (FileTouch t : c.commit().files()) {
                if (!current.contains(t.path())) {
                    continue;
                }
                String m = HistoryViews.moduleOf(t.path(), prefix);
                if (m != null) {
                    touched.add(m);
                }
            }
            for (String m : touched) {
                Module mod = modules.computeIfAbsent(m, k -> new Module());
                mod.commits.merge(c.author().key(), 1, Integer::sum);
                mod.total++;
                mod.last = c.commit().id();
                mod.lastAuthor = c.author().key();
            }
        }
        // Who is still around: a person whose last commit is older than the inactivity limit has already gone (that
        // is knowledge-loss), so "their work stops when they are away" would be false.
        int inactiveDays = settings.intThreshold("inactiveDays", 90);
        Activity activity = facts.get(Activity.class);
        long activeSince = history.headTime() - inactiveDays * HistoryViews.DAY;
        Map<String, Object> metrics = new LinkedHashMap<>();
        // one root cause, one finding: the person whose absence stops modules, with the modules listed
        Map<String, List<String>> modulesBy = new java.util.TreeMap<>();
        Map<String, List<Evidence>> evidenceBy = new java.util.TreeMap<>();
        int absent = 0;
        int judged = 0;
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            Module m = e.getValue();
            if (m.total < minCommits) {
                continue;
            }
            judged++;
            List<String> caf = HistoryViews.contributorAbsence(m.commits);
            metrics.put("contributorAbsenceFactor." + e.getKey(), caf.size());
            double topShare = (double) m.commits.get(caf.get(0)) / m.total;
            boolean stillHere = activity.activeAfter(caf.get(0), activeSince);
            // someone else made the module's latest change: another person is current on it, so its work does not
            // stop when the main committer is away
            boolean currentOnIt = caf.get(0).equals(m.lastAuthor);
            if (caf.size() <= fail && topShare >= MOST && stillHere && currentOnIt) {
                absent++;
                String path = prefix + e.getKey();
                modulesBy.computeIfAbsent(caf.get(0), k -> new ArrayList<>()).add(path + "/ ("
                        + m.commits.get(caf.get(0)) + " of " + m.total + ")");
                evidenceBy.computeIfAbsent(caf.get(0), k -> new ArrayList<>()).add(new Evidence(path, null, null,
                        m.last, "latest change in the window"));
            }
        }
        if (judged == 0) {
            return Judgement.inapplicable("no module with at least " + minCommits + " commits in the last "
                    + windowDays + " days");
        }
        List<Finding> findings = new ArrayList<>();
        modulesBy.forEach((person, theirs) -> {
            String who = HistoryViews.display(history, person);
            findings.add(settings.fail("In the last " + windowDays + " days " + who + " made most of the commits to "
                    + Words.plural(theirs.size(), "active module", "active modules") + ": "
                    + Listing.some(theirs, 6, ", ")
                    + ". Their work stops when this one person is away.", "person:" + who,
                    evidenceBy.get(person).stream().limit(10).toList())
                    // the subject shows the pseudonym; the fingerprint is the same whatever the key or showNames
                    .withFingerprintOf("person:" + Pseudonyms.fingerprintTag(person)));
        });
        String summary = absent + " of " + Words.plural(judged, "active module", "active modules") + " "
                + Words.noun(absent, "has", "have") + " a contributor absence factor of "
                + fail + history.confidenceNote();
        if (findings.isEmpty()) {
            return Judgement.clean(summary).metrics(metrics);
        }
        return Judgement.of(findings, judged, summary).lost(absent).metrics(metrics);
    }
}
