package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.history.FileTouch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code postmortem-timeliness}: PagerDuty's guidance is to hold the postmortem within 5 business days of the
 * incident, while memories are fresh. The postmortem's first commit (following renames) is compared with the incident
 * date.
 */
public final class PostmortemTimelinessCheck implements Check {

    public static final String ID = "postmortem-timeliness";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(PostmortemFacts.class, HistoryFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PostmortemFacts pm = facts.get(PostmortemFacts.class);
        HistoryFacts history = facts.get(HistoryFacts.class);
        int max = settings.intThreshold("maxBusinessDays", 5);
        List<Evidence> places = new ArrayList<>();
        int assessed = 0;
        int late = 0;
        int worst = 0;
        // Postmortems the repository's first day brought in were written elsewhere before it existed: when they were
        // written cannot be told from this history.
        long imported = history.commits().stream().mapToLong(c -> c.commit().authorTime()).min().orElse(0)
                + HistoryViews.DAY;
        for (Postmortem p : pm.postmortems()) {
            AuthoredCommit added = firstCommit(history, p.path());
            if (p.incidentDate() == null || added == null || added.commit().authorTime() <= imported) {
                continue;
            }
            assessed++;
            LocalDate written = Instant.ofEpochSecond(added.commit().authorTime()).atZone(ZoneOffset.UTC)
                    .toLocalDate();
            // counted from the end of the incident: the last event of its timeline when that is later (a long
            // response, a timeline that opens with background from months before)
            LocalDate ended = p.timeline().stream().map(t -> t.time().toLocalDate()).max(LocalDate::compareTo)
                    .filter(d -> d.isAfter(p.incidentDate()) && !d.isAfter(written)).orElse(p.incidentDate());
            int days = PostmortemFactsView.businessDaysBetween(ended, written);
            if (days > max) {
                late++;
                worst = Math.max(worst, days);
                places.add(Evidence.line(p.path(), Math.max(1, p.dateLine())).withNote(PostmortemFactsView.label(p)
                        + ": incident " + (ended.equals(p.incidentDate()) ? "on " + p.incidentDate() + " (from the "
                                + p.dateSource() + ")" : "ended " + ended + " (its timeline's last event)")
                        + ", first committed on " + written + ", " + days + " business days later"));
                places.add(Evidence.commit(added.commit().id(), "first commit of " + p.path() + " on " + written));
            }
        }
        // one root cause, one finding: how long the team takes to write postmortems, the late ones listed
        List<Finding> findings = new ArrayList<>();
        if (late > 0) {
            findings.add(settings.fail(late + " of " + assessed + " postmortem(s) were first committed more than " + max
                    + " business days after their incident ended (up to " + worst + "): details and the will to fix things"
                    + " fade with every day.", "late-postmortems", places.stream().limit(30).toList()));
        }
        if (assessed == 0) {
            return Judgement.inapplicable("no postmortem has both an incident date and a commit that added it");
        }
        double onTime = (assessed - late) / (double) assessed;
        String summary = (assessed - late) + " of " + assessed + " postmortems written within " + max
                + " business days";
        return Judgement.of(findings, assessed, summary).lost(late).metrics(Map.of("postmortemsOnTimeShare",
                Math.round(onTime * 100) / 100.0));
    }

    /** The commit that added the file, following renames back to the original name. */
    static AuthoredCommit firstCommit(HistoryFacts history, String path) {
        String current = path;
        List<AuthoredCommit> commits = history.commits();
        for (int i = commits.size() - 1; i >= 0; i--) { // newest first, so renames are followed backwards
            for (FileTouch t : commits.get(i).commit().files()) {
                if (!t.path().equals(current)) {
                    continue;
                }
                if (t.kind() == 'A') {
                    return commits.get(i);
                }
                if ((t.kind() == 'R' || t.kind() == 'C') && t.oldPath() != null) {
                    current = t.oldPath();
                }
            }
        }
        return null;
    }
}
