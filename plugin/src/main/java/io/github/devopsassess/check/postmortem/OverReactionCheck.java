package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.postmortem.ActionItemPostmortems;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.postmortem.CauseSimilarity;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.Postmortem.ActionItem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.postmortem.SectionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code postmortem-over-reaction}: an incident answered with a long list of action items, or with items that have
 * nothing to do with what happened, adds process instead of fixing the cause. An item is "unrelated" when it shares
 * no word (three letters or more, lightly stemmed, common words left out) with the title, summary, impact, causes,
 * timeline, resolution or lessons of its postmortem — a deliberately simple rule that a reader can check by eye.
 */
public final class OverReactionCheck implements Check {

    public static final String ID = "postmortem-over-reaction";

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
        int max = settings.intThreshold("maxActionItems", 10);
        int minUnrelated = settings.intThreshold("minUnrelatedItems", 2);
        List<Finding> findings = new ArrayList<>();
        int withItems = 0;
        for (Postmortem p : pm.postmortems()) {
            if (p.actionItems().isEmpty() || !p.english()) {
                continue;
            }
            withItems++;
            Set<String> context = CauseSimilarity.termsOf(p.title() + "\n" + p.text(SectionKind.SUMMARY,
                    SectionKind.IMPACT, SectionKind.CAUSE, SectionKind.TIMELINE, SectionKind.RESOLUTION,
                    SectionKind.DETECTION, SectionKind.LESSONS));
            List<Evidence> unrelated = new ArrayList<>();
            for (ActionItem item : p.actionItems()) {
                if (CauseSimilarity.termsOf(item.text()).stream().noneMatch(context::contains)) {
                    unrelated.add(Evidence.line(p.path(), item.line()).withNote("\"" + item.text()
                            + "\" shares no word with the description of the incident"));
                }
            }
            int n = p.actionItems().size();
            boolean tooMany = n > max;
            boolean offTopic = unrelated.size() >= minUnrelated && unrelated.size() * 2 > n;
            if (tooMany || offTopic) {
                List<Evidence> evidence = new ArrayList<>();
                evidence.add(Evidence.line(p.path(), PostmortemFactsView.lineOf(p, SectionKind.ACTION_ITEMS))
                        .withNote(n + " action items"));
                evidence.addAll(unrelated);
                String why = tooMany ? n + " action items (more than " + max + ")" : "";
                why += offTopic ? (tooMany ? " and " : "") + unrelated.size() + " of " + n
                        + " items unrelated to the described incident" : "";
                findings.add(settings.warn(PostmortemFactsView.label(p) + ": " + why + ". Long or unrelated"
                        + " follow-up lists add work and process without fixing the cause.", p.path(), evidence));
            }
        }
        if (withItems == 0) {
            return Judgement.inapplicable("no English postmortem with action items");
        }
        return Judgement.of(findings, withItems, findings.size() + " of "
                + Words.plural(withItems, "postmortem", "postmortems")
                + " with a long or unrelated action list (max " + max + " items)").lost(findings.size());
    }
}
