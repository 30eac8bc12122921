package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.postmortem.ActionItemPostmortems;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.Postmortem.ActionItem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code action-items-tracked}: an action item without an owner is nobody's, and one without a ticket is forgotten
 * after the meeting. PagerDuty asks for every action item to be a ticket.
 */
public final class ActionItemsTrackedCheck implements Check {

    public static final String ID = "action-items-tracked";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(PostmortemFacts.class, ActionItemPostmortems.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PostmortemFacts pm = facts.get(PostmortemFacts.class);
        int total = 0;
        int tracked = 0;
        List<Finding> findings = new ArrayList<>();
        List<Evidence> places = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int untracked = 0;
        for (Postmortem p : pm.postmortems()) {
            List<Evidence> evidence = new ArrayList<>();
            int noOwner = 0;
            int noLink = 0;
            for (ActionItem item : p.actionItems()) {
                total++;
                boolean owner = item.owner() != null;
                boolean link = item.tracking() != null;
                if (owner && link) {
                    tracked++;
                    continue;
                }
                noOwner += owner ? 0 : 1;
                noLink += link ? 0 : 1;
                evidence.add(Evidence.line(p.path(), item.line()).withNote("\"" + item.text() + "\": "
                        + (owner ? "" : "no owner") + (!owner && !link ? ", " : "") + (link ? "" : "no tracking link")));
            }
            if (!evidence.isEmpty()) {
                places.add(evidence.get(0).withNote(PostmortemFactsView.label(p) + ": " + evidence.size() + " of "
                        + p.actionItems().size() + " without an owner (" + noOwner + ") or a tracking link (" + noLink
                        + ")"));
                counts.add(evidence.size());
                untracked += evidence.size();
            }
        }
        // the postmortems with most untracked items first (then by path), as far as the evidence list goes
        List<Evidence> worstFirst = new ArrayList<>(IntStream.range(0, places.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> -counts.get(i)).thenComparing(i -> places.get(i).path()))
                .map(places::get).toList());
        // the root cause when every postmortem starts from a template that asks for neither an owner nor a ticket
        PostmortemFacts.TemplateForm form = pm.templateForms().stream()
                .filter(t -> !t.asksOwner() && !t.asksTracking()).findFirst().orElse(null);
        if (form != null && !worstFirst.isEmpty()) {
            worstFirst.add(0, Evidence.line(form.path(), form.line()).withNote("the template's action items ask for"
                    + " no owner and no ticket, so every postmortem written from it starts without them"));
        }
        // one root cause, one finding: the team's way of writing action items, with the postmortems listed
        if (!places.isEmpty()) {
            findings.add(settings.warn(Words.plural(untracked, "action item", "action items") + " in "
                    + Words.plural(places.size(), "postmortem", "postmortems") + " "
                    + Words.noun(untracked, "has", "have")
                    + " no owner or no tracking link, so nothing makes sure "
                    + Words.noun(untracked, "it is", "they are")
                    + " done; " + (form == null ? "" : "the template " + form.path() + " asks for neither, so add"
                    + " owner and ticket fields to its action items, and ")
                    + "give every action item an"
                    + " owner and a ticket.", "action-items", worstFirst.stream().limit(form == null ? 15 : 16)
                    .toList()));
        }
        double share = (double) tracked / total;
        double fail = settings.threshold("failBelowShare", 0.5);
        double warn = settings.threshold("warnBelowShare", 0.8);
        if (share < fail) {
            findings = findings.stream().map(f -> settings.fail(f.message(), f.subject(), f.evidence())).toList();
        }
        return Judgement.of(findings, total, tracked + " of "
                + Words.plural(total, "action item", "action items") + " " + Words.noun(tracked, "has", "have")
                + " an owner and a"
                + " tracking link").lost(findings.isEmpty() ? 0 : total - tracked)
                .metrics(Map.of("actionItemsTrackedShare", Math.round(share * 100) / 100.0));
    }
}
