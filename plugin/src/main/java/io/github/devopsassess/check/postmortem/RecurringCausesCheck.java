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
 * terms. The same failure again (titles alike) with causes described differently is a second, milder finding: each
 * cause was fixed, the failure mode was not.
 */
public final class RecurringCausesCheck extends PostmortemCheck {

    public static final String ID = "recurring-causes";

    @Override
    public String id() {
        return ID;
    }

    /** A cluster's postmortems, earliest incident first (undated ones last), then by path. */
    private static List<Postmortem> inIncidentOrder(CauseSimilarity.Cluster cluster, Map<String, Postmortem> byPath) {
        return cluster.paths().stream().map(byPath::get)
                .sorted(Comparator.comparing((Postmortem p) -> p.incidentDate() == null ? java.time.LocalDate.MAX
                        : p.incidentDate()).thenComparing(Postmortem::path)).toList();
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
            List<Postmortem> members = inIncidentOrder(cluster, byPath);
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
        // the same symptom again, whatever its cause: the failure mode stayed open although each cause was fixed
        double titleThreshold = settings.threshold("titleSimilarity", 0.6);
        List<CauseSimilarity.Cluster> symptoms = CauseSimilarity.symptomClusters(pm.postmortems(), titleThreshold)
                .stream().filter(sym -> clusters.stream().noneMatch(c -> c.paths().containsAll(sym.paths())))
                .toList();
        for (CauseSimilarity.Cluster cluster : symptoms) {
            List<Postmortem> members = inIncidentOrder(cluster, byPath);
            recurring += (int) members.stream().filter(p -> clusters.stream()
                    .noneMatch(c -> c.paths().contains(p.path()))).count();
            List<Evidence> evidence = members.stream().map(p -> Evidence.line(p.path(), 1)
                    .withNote("title: " + p.title())).toList();
            List<java.time.LocalDate> dates = members.stream().map(Postmortem::incidentDate)
                    .filter(java.util.Objects::nonNull).toList();
            String span = dates.size() < 2 ? "" : " within " + Words.plural(java.time.temporal.ChronoUnit.DAYS.between(
                    dates.get(0), dates.get(dates.size() - 1)), "day", "days");
            String message = members.size() + " postmortems report the same failure" + span + " (titles similar "
                    + cluster.similarity() + ", shared terms: " + String.join(", ", cluster.sharedTerms()) + "): "
                    + members.stream().map(PostmortemFactsView::label).collect(Collectors.joining(", "))
                    + ". Their causes are described differently, so each fix addressed its own cause while the way it"
                    + " fails stayed open: guard the failure itself (a test of what users reach, an alert on the"
                    + " symptom, a check in the change that caused it).";
            findings.add(settings.warn(message, "recurring-symptom:" + String.join("|", cluster.paths()), evidence));
        }
        double share = (double) recurring / pm.postmortems().size();
        String summary = clusters.isEmpty() && symptoms.isEmpty() ? "no recurring cause or failure among "
                + pm.postmortems().size() + " postmortems (similarity threshold " + threshold + ", titles "
                + titleThreshold + ")"
                : Words.plural(clusters.size(), "recurring cause", "recurring causes") + " and "
                        + Words.plural(symptoms.size(), "recurring failure", "recurring failures") + " across "
                        + recurring + " of " + pm.postmortems().size() + " postmortems (similarity ≥ " + threshold
                        + ", titles ≥ " + titleThreshold + ")";
        return Judgement.of(findings, pm.postmortems().size(), summary).lost(recurring)
                .metrics(Map.of("recurringCauseClusters", clusters.size(), "recurringSymptomClusters",
                        symptoms.size()));
    }
}
