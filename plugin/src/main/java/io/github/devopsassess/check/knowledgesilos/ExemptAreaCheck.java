package io.github.devopsassess.check.knowledgesilos;

import io.github.devopsassess.check.HistoryCheck;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.history.AuthoredCommit;
import io.github.devopsassess.scan.history.HistoryFacts;
import io.github.devopsassess.source.FileTouch;

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
        boolean reviewed;
        String last;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected CheckResult evaluate(HistoryFacts history, Facts facts, CheckSettings settings) {
        int windowDays = settings.intThreshold("windowDays", 365);
        int minCommits = settings.intThreshold("minCommits", 10);
        String prefix = HistoryViews.prefix(facts);
        Map<String, Area> areas = new TreeMap<>();
        for (AuthoredCommit c : HistoryViews.window(HistoryViews.humans(history), history.headTime(), windowDays)) {
            boolean reviewed = ReviewSignals.reviewed(c, history);
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
                a.reviewed |= reviewed;
                a.last = c.commit().id();
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
            if (a.people.size() == 1 && !a.reviewed) {
                String path = prefix + e.getKey();
                String who = HistoryViews.display(history, a.people.iterator().next());
                findings.add(settings.fail(path + "/ changed " + a.commits + " times in the last " + windowDays
                        + " days, every time by " + who + " directly on the branch, with no merge and no review:"
                        + " an area exempt from the team's rules.", path,
                        List.of(new Evidence(path, null, null, a.last, "latest unreviewed change by " + who))));
            }
        }
        if (judged == 0) {
            return settings.notAssessed("no folder with at least " + minCommits + " commits in the last "
                    + windowDays + " days");
        }
        String summary = findings.size() + " of " + judged + " frequently changed folders are changed by one"
                + " person without review" + history.confidenceNote();
        if (findings.isEmpty()) {
            return settings.pass(summary);
        }
        return settings.result(CheckStatus.FAIL, 1.0 - (double) findings.size() / judged, summary, findings);
    }
}
