package io.github.devopsassess.report.sections;

import io.github.devopsassess.report.Adoc;
import io.github.devopsassess.report.SiteSection;
import io.github.devopsassess.facts.postmortem.CauseSimilarity;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "Incidents" section of the incident-response page: a timeline of the postmortems (date, severity, times to
 * detect, acknowledge and restore, action-item status) and the clusters of incidents whose causes recur.
 * Action-item owners are never shown: the facts keep them as written, and the timeline is about the system, not about
 * people.
 */
public final class IncidentsSection implements SiteSection {

    public static final String AREA = "incident-response";
    static final int MAX_INCIDENTS = 200;

    @Override
    public List<Section> sections(SiteContext context) {
        if (!AREA.equals(context.area())) {
            return List.of();
        }
        Optional<PostmortemFacts> found = context.facts().find(PostmortemFacts.class);
        if (found.isEmpty() || found.get().incidents().isEmpty() && found.get().unreadable().isEmpty()) {
            return List.of();
        }
        PostmortemFacts facts = found.get();
        StringBuilder a = new StringBuilder();
        timeline(a, facts.incidents());
        recurring(a, facts.recurring());
        unreadable(a, facts.unreadable());
        return List.of(new Section("Incidents", a.toString()));
    }

    private static void timeline(StringBuilder a, List<PostmortemFacts.Incident> incidents) {
        a.append("=== Timeline\n\n");
        if (incidents.isEmpty()) {
            a.append("No readable postmortem.\n\n");
            return;
        }
        a.append(incidents.size()).append(incidents.size() == 1 ? " incident" : " incidents")
                .append(" with a readable postmortem, oldest first (undated ones last).\n\n");
        a.append("[.incident-timeline,cols=\"2,5,1,2,2,2,3,3\",options=\"header\"]\n|===\n|Date |Incident"
                + " |Severity |Time to detect |Time to acknowledge |Time to restore |Action items"
                + " |Recurring cause shared with\n");
        for (PostmortemFacts.Incident i : incidents.subList(0, Math.min(MAX_INCIDENTS, incidents.size()))) {
            a.append("|").append(i.date() == null ? "[.not-assessed]#no date#" : i.date().toString())
                    .append(" |").append(Adoc.text(i.title())).append(" +\n").append(Adoc.code(i.path()))
                    .append(" |").append(i.severity() == null ? "[.not-assessed]#not stated#" : Adoc.text(i.severity()))
                    .append(" |").append(minutes(i.minutesToDetect()))
                    .append(" |").append(minutes(i.minutesToAcknowledge()))
                    .append(" |").append(minutes(i.minutesToRestore()))
                    .append(" |").append(items(i))
                    .append(" |").append(i.recurringWith().isEmpty() ? "none"
                            : String.join(" +\n", i.recurringWith().stream().map(Adoc::code).toList()))
                    .append("\n");
        }
        a.append("|===\n\n");
        if (incidents.size() > MAX_INCIDENTS) {
            a.append(incidents.size() - MAX_INCIDENTS).append(" later incidents are left out.\n\n");
        }
    }

    private static String minutes(Integer minutes) {
        return minutes == null ? "[.not-assessed]#not stated#" : duration(minutes);
    }

    private static String items(PostmortemFacts.Incident i) {
        if (i.actionItems() == 0) {
            return "[.incident-no-items]#none recorded#";
        }
        return i.actionItems() + ": " + i.openItems() + " open, " + i.doneItems() + " done, " + i.unknownItems()
                + " unknown";
    }

    static String duration(int minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return minutes / (24 * 60) + " days " + minutes % (24 * 60) / 60 + " h";
    }

    private static void recurring(StringBuilder a, List<CauseSimilarity.Cluster> clusters) {
        a.append("=== Recurring causes\n\n");
        if (clusters.isEmpty()) {
            a.append("No two postmortems share a cause closely enough to count as recurring.\n\n");
            return;
        }
        a.append("Postmortems whose causes share enough terms to look like the same problem coming back.\n\n");
        a.append("[.incident-clusters,cols=\"5,4,1\",options=\"header\"]\n|===\n|Postmortems |Shared terms"
                + " |Similarity\n");
        for (CauseSimilarity.Cluster c : clusters) {
            a.append("|").append(String.join(" +\n", c.paths().stream().map(Adoc::code).toList()))
                    .append(" |").append(Adoc.text(String.join(", ", c.sharedTerms())))
                    .append(" |").append(String.format(Locale.ROOT, "%.0f%%", c.similarity() * 100)).append("\n");
        }
        a.append("|===\n\n");
    }

    private static void unreadable(StringBuilder a, List<PostmortemFacts.Unreadable> files) {
        if (files.isEmpty()) {
            return;
        }
        a.append("=== Postmortems that could not be read\n\n");
        for (PostmortemFacts.Unreadable u : files) {
            a.append("* ").append(Adoc.code(u.path())).append(": ").append(Adoc.text(u.reason())).append("\n");
        }
        a.append("\n");
    }
}
