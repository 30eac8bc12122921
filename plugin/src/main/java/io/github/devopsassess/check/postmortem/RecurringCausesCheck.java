package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.postmortem.CauseSimilarity;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.postmortem.SectionKind;
import io.github.devopsassess.model.Words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code recurring-causes}: the same cause in several postmortems means the earlier fixes did not land or did not
 * address it. Similarity is TF-IDF cosine over titles and cause sections; each cluster is explained by its shared
 * terms.
 */
public final class RecurringCausesCheck extends PostmortemCheck {

    public static final String ID = "recurring-causes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PostmortemFacts pm, Facts facts, CheckSettings settings) {
        if (pm.postmortems().size() < 2) {
            return Judgement.inapplicable("fewer than two postmortems to compare");
        }
        double threshold = settings.threshold("similarity", PostmortemFacts.DEFAULT_SIMILARITY);
        List<CauseSimilarity.Cluster> clusters = CauseSimilarity.clusters(pm.postmortems(), threshold);
        Map<String, Postmortem> byPath = pm.postmortems().stream()
                .collect(Collectors.toMap(Postmortem::path, Function.identity()));
        List<Finding> findings = new ArrayList<>();
        int recurring = 0;
        for (CauseSimilarity.Cluster cluster : clusters) {
            List<Postmortem> members = cluster.paths().stream().map(byPath::get)
                    .sorted(Comparator.comparing((Postmortem p) -> p.incidentDate() == null ? java.time.LocalDate.MAX
                            : p.incidentDate()).thenComparing(Postmortem::path)).toList();
            recurring += members.size();
            List<Evidence> evidence = new ArrayList<>();
            for (Postmortem p : members) {
                int line = PostmortemFactsView.lineOf(p, SectionKind.CAUSE);
                evidence.add(Evidence.line(p.path(), line).withNote("causes of " + PostmortemFactsView.label(p)));
            }
            long earlierOpen = members.subList(0, members.size() - 1).stream()
                    .flatMap(p -> p.actionItems().stream()).filter(PostmortemFactsView::open).count();
            String why = " postmortems describe the same cause (similarity " + cluster.similarity()
                    + ", shared terms: " + String.join(", ", cluster.sharedTerms()) + "): ";
            String message = members.size() + why
                    + members.stream().map(PostmortemFactsView::label).collect(Collectors.joining(", "))
                    + ". The problem arose again" + (earlierOpen > 0 ? "; "
                    + Words.plural(earlierOpen, "action item", "action items")
                    + " of the earlier " + Words.noun(members.size() - 1, "postmortem", "postmortems") + " "
                    + Words.noun(earlierOpen, "is", "are") + " still open." : " although the earlier action items were"
                    + " closed: they did not address the cause.");
            findings.add(settings.fail(message, "recurring:" + String.join("|", cluster.paths()), evidence));
        }
        double share = (double) recurring / pm.postmortems().size();
        String summary = clusters.isEmpty() ? "no recurring cause among " + pm.postmortems().size()
                + " postmortems (similarity threshold " + threshold + ")"
                : Words.plural(clusters.size(), "recurring cause", "recurring causes") + " across " + recurring + " of " + pm.postmortems().size()
                        + " postmortems (similarity ≥ " + threshold + ")";
        return Judgement.of(findings, pm.postmortems().size(), summary).lost(recurring)
                .metrics(Map.of("recurringCauseClusters", clusters.size()));
    }
}
