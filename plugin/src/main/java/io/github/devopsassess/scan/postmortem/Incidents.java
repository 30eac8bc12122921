package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.CauseSimilarity;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.postmortem.Postmortem.ItemStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds the incident summaries of {@link PostmortemFacts#incidents()}. */
final class Incidents {

    private Incidents() {
    }

    static List<PostmortemFacts.Incident> of(List<Postmortem> postmortems, List<CauseSimilarity.Cluster> clusters) {
        List<PostmortemFacts.Incident> out = new ArrayList<>();
        for (Postmortem pm : postmortems) {
            List<String> with = clusters.stream().filter(c -> c.paths().contains(pm.path()))
                    .flatMap(c -> c.paths().stream()).filter(p -> !p.equals(pm.path())).sorted().toList();
            out.add(new PostmortemFacts.Incident(pm.path(), pm.title(), pm.incidentDate(), pm.severity(),
                    pm.minutesToDetect(), pm.minutesToAcknowledge(), pm.minutesToRestore(), pm.actionItems().size(),
                    count(pm, ItemStatus.OPEN),
                    count(pm, ItemStatus.DONE), count(pm, ItemStatus.UNKNOWN), with));
        }
        out.sort(Comparator.comparing((PostmortemFacts.Incident i) -> i.date() == null ? LocalDate.MAX : i.date())
                .thenComparing(PostmortemFacts.Incident::path));
        return out;
    }

    private static int count(Postmortem pm, ItemStatus status) {
        return (int) pm.actionItems().stream().filter(i -> i.status() == status).count();
    }
}
