package io.github.devopsassess.check.history;

import io.github.devopsassess.facts.history.Reviews;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.analysis.ReviewSignals;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code exempt-area}: the untouchable co-founder. A folder that changes often, whose recent commits all come from
 * one person, straight onto the branch: never through a merge, never with a review trailer.
 */
public final class ExemptAreaCheck extends HistoryCheck {

    public static final String ID = "exempt-area";

    /** What the window says about one folder. */
    private static final class Area {
        final Set<String> people = new TreeSet<>();
        int commits;
        int reviewed;
        String last;
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
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class, Reviews.class);
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        Reviews reviews = facts.get(Reviews.class);
        int windowDays = settings.intThreshold("windowDays", 365);
        int minCommits = settings.intThreshold("minCommits", 10);
        double minReviewedShare = settings.threshold("minReviewedShare", 0.5);
        String prefix = HistoryViews.prefix(facts);
        Map<String, Area> areas = new TreeMap<>();
        for (AuthoredCommit c : HistoryViews.window(HistoryViews.humans(history), history.headTime(), windowDays)) {
            boolean reviewed = reviews.reviewed(c);
            Set<String> folders = new TreeSet<>();
            for (FileTouch t : c.commit().files()) {
                String m = HistoryViews.moduleOf(t.path(), prefix);
                if (m != null) {
                    folders.add(m);
                }
            }
            for (String f : folders) {
                Area a = areas.computeIfAbsent(f, k -> new Area());
                a.people.add(c.author().key());
                a.commits++;
                if (reviewed) {
                    a.reviewed++;
                } else {
                    a.last = c.commit().id();
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        for (Map.Entry<String, Area> e : areas.entrySet()) {
            Area a = e.getValue();
            if (a.commits < minCommits) {
                continue;
            }
            judged++;
            // one reviewed change a year does not clear a folder: most of its changes must have been reviewed
            if (a.people.size() == 1 && a.reviewed < minReviewedShare * a.commits) {
                String path = prefix + e.getKey();
                String who = HistoryViews.display(history, a.people.iterator().next());
                String how = a.reviewed == 0 ? " directly on the branch, with no merge and no review"
                        : ", and only " + a.reviewed + " of those changes came through a merge, a pull request or"
                                + " a review trailer";
                findings.add(settings.fail(path + "/ changed " + a.commits + " times in the last " + windowDays
                        + " days, every time by " + who + how + ": an area exempt from the team's rules.", path,
                        List.of(new Evidence(path, null, null, a.last, "latest unreviewed change by " + who))));
            }
        }
        if (judged == 0) {
            return Judgement.inapplicable("no folder with at least " + minCommits + " commits in the last "
                    + windowDays + " days");
        }
        String summary = findings.size() + " of " + judged + " frequently changed folders are changed by one"
                + " person without review" + history.confidenceNote();
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, judged, summary).lost(findings.size());
    }
}
