package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Words;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code postmortem-timeliness}: PagerDuty's guidance is to hold the postmortem within 5 business days of the
 * incident, while memories are fresh. The date the document says it was written or published wins; else the
 * postmortem's first commit (following renames) is compared with the incident date. Postmortems brought in by a bulk
 * import (at least {@code bulkImport} of them added by one commit, or on the repository's first day) were written
 * before the import, so their commit dates say nothing about when: they are named as an import, not judged late.
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
        int bulk = settings.intThreshold("bulkImport", 5);
        List<Evidence> places = new ArrayList<>();
        int assessed = 0;
        int late = 0;
        int worst = 0;
        // Postmortems the repository's first day brought in were written elsewhere before it existed: when they were
        // written cannot be told from this history.
        long firstDay = history.commits().stream().mapToLong(c -> c.commit().authorTime()).min().orElse(0)
                + HistoryViews.DAY;
        Map<String, AuthoredCommit> added = new LinkedHashMap<>(); // path -> the commit that added it
        for (Postmortem p : pm.postmortems()) {
            AuthoredCommit commit = firstCommit(history, p.path());
            if (commit != null) {
                added.put(p.path(), commit);
            }
        }
        Map<String, Long> addedBy = added.values().stream().collect(Collectors.groupingBy(c -> c.commit().id(),
                Collectors.counting()));
        Map<String, List<Postmortem>> imports = new TreeMap<>(); // commit id -> imported postmortems not judged
        for (Postmortem p : pm.postmortems()) {
            if (p.incidentDate() == null) {
                continue;
            }
            AuthoredCommit commit = added.get(p.path());
            boolean stated = p.writtenDate() != null && !p.writtenDate().isBefore(p.incidentDate());
            boolean imported = commit != null && (commit.commit().authorTime() <= firstDay
                    || addedBy.get(commit.commit().id()) >= bulk);
            if (!stated && (commit == null || imported)) {
                if (imported) {
                    imports.computeIfAbsent(commit.commit().id(), k -> new ArrayList<>()).add(p);
                }
                continue;
            }
            assessed++;
            LocalDate written = stated ? p.writtenDate() : Instant.ofEpochSecond(commit.commit().authorTime())
                    .atZone(ZoneOffset.UTC).toLocalDate();
            // counted from the end of the incident: the last event of its timeline when that is later (a long
            // response, a timeline that opens with background from months before)
            LocalDate ended = p.timeline().stream().map(t -> t.time().toLocalDate()).max(LocalDate::compareTo)
                    .filter(d -> d.isAfter(p.incidentDate()) && !d.isAfter(written)).orElse(p.incidentDate());
            int days = PostmortemFactsView.businessDaysBetween(ended, written);
            if (days > max) {
                late++;
                worst = Math.max(worst, days);
                String incident = "incident " + (ended.equals(p.incidentDate()) ? "on " + p.incidentDate()
                        + " (from the " + p.dateSource() + ")" : "ended " + ended + " (its timeline's last event)");
                if (stated) {
                    places.add(Evidence.line(p.path(), Math.max(1, p.writtenLine())).withNote(PostmortemFactsView
                            .label(p) + ": " + incident + ", written on " + written + " (" + p.writtenSource()
                            + "), " + days + " business days later"));
                } else {
                    places.add(Evidence.line(p.path(), Math.max(1, p.dateLine())).withNote(PostmortemFactsView
                            .label(p) + ": " + incident + ", first committed on " + written + ", " + days
                            + " business days later"));
                    places.add(Evidence.commit(commit.commit().id(), "first commit of " + p.path() + " on "
                            + written));
                }
            }
        }
        String importNote = importNote(imports, history);
        // one root cause, one finding: how long the team takes to write postmortems, the late ones listed
        List<Finding> findings = new ArrayList<>();
        if (late > 0) {
            List<Evidence> evidence = new ArrayList<>(places.stream().limit(30).toList());
            imports.forEach((id, ps) -> evidence.add(Evidence.commit(id, importEvidence(id, ps, history))));
            findings.add(settings.fail(late + " of " + Words.plural(assessed, "postmortem", "postmortems") + " "
                    + Words.noun(late, "was", "were") + " written more than " + max
                    + " business days after their incident ended (up to " + worst + "): details and the will to fix"
                    + " things fade with every day.", "late-postmortems", evidence));
        }
        if (assessed == 0) {
            return Judgement.inapplicable(imports.isEmpty()
                    ? "no postmortem has both an incident date and a written date or a commit that added it"
                    : "no postmortem has both an incident date and a written date or a commit that added it: "
                            + importNote);
        }
        double onTime = (assessed - late) / (double) assessed;
        String summary = (assessed - late) + " of " + Words.plural(assessed, "postmortem", "postmortems")
                + " written within " + max
                + " business days" + (imports.isEmpty() ? "" : "; " + importNote);
        return Judgement.of(findings, assessed, summary).lost(late).metrics(Map.of("postmortemsOnTimeShare",
                Math.round(onTime * 100) / 100.0));
    }

    /** "12 postmortems imported in bulk (commit 1a2b3c4d on 2024-05-01), when they were written is unknown". */
    private static String importNote(Map<String, List<Postmortem>> imports, HistoryFacts history) {
        if (imports.isEmpty()) {
            return "";
        }
        int count = imports.values().stream().mapToInt(List::size).sum();
        List<String> commits = imports.keySet().stream().map(id -> "commit " + id.substring(0, Math.min(8,
                id.length())) + " on " + day(history, id)).toList();
        return Words.plural(count, "postmortem", "postmortems") + " imported in bulk (" + String.join(", ", commits)
                + ") not judged: their commit date is the import's, not when they were written";
    }

    private static String importEvidence(String id, List<Postmortem> imported, HistoryFacts history) {
        return "import of " + Words.plural(imported.size(), "postmortem", "postmortems") + " on " + day(history, id)
                + ", not judged: "
                + String.join(", ", imported.stream().map(Postmortem::path).sorted().limit(5).toList())
                + (imported.size() > 5 ? ", …" : "");
    }

    private static LocalDate day(HistoryFacts history, String id) {
        return history.commits().stream().filter(c -> c.commit().id().equals(id)).findFirst()
                .map(c -> Instant.ofEpochSecond(c.commit().authorTime()).atZone(ZoneOffset.UTC).toLocalDate())
                .orElse(null);
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
