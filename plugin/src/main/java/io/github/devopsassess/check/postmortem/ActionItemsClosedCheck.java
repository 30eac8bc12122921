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

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code action-items-closed}: action items still open long after the incident are how "the same problem arises
 * again soon after". Counts items open after {@code maxOpenDays} (from the incident date, or past their due date)
 * and the share of open items over all postmortems.
 */
public final class ActionItemsClosedCheck implements Check {

    public static final String ID = "action-items-closed";

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
        LocalDate now = PostmortemFactsView.now(facts, pm).orElse(null);
        int maxDays = settings.intThreshold("maxOpenDays", 30);
        int total = 0;
        int open = 0;
        int overdue = 0;
        List<Finding> findings = new ArrayList<>();
        for (Postmortem p : pm.postmortems()) {
            List<Evidence> evidence = new ArrayList<>();
            for (ActionItem item : p.actionItems()) {
                total++;
                if (!PostmortemFactsView.open(item)) {
                    continue;
                }
                open++;
                String age = age(item, p, now, maxDays);
                if (age != null) {
                    overdue++;
                    evidence.add(Evidence.line(p.path(), item.line()).withNote("\"" + item.text() + "\" " + age));
                }
            }
            if (!evidence.isEmpty()) {
                findings.add(settings.fail(PostmortemFactsView.label(p) + ": "
                        + Words.plural(evidence.size(), "action item", "action items")
                        + " still open more than " + maxDays + " days after the incident; the fix that would stop"
                        + " it happening again has not landed.", p.path(), evidence));
            }
        }
        double share = (double) open / total;
        double failShare = settings.threshold("failOpenShare", 0.5);
        double warnShare = settings.threshold("warnOpenShare", 0.25);
        String summary = open + " of " + Words.plural(total, "action item", "action items") + " open ("
                + Math.round(share * 100) + "%), "
                + overdue + " open for more than " + maxDays + " days" + (now == null ? "" : " as of " + now);
        boolean failing = share >= failShare;
        boolean warning = !failing && (share >= warnShare || overdue > 0);
        if (warning) {
            findings = findings.stream().map(f -> settings.warn(f.message(), f.subject(), f.evidence())).toList();
        }
        if (findings.isEmpty() && (failing || warning)) {
            findings = List.of(settings.warn(open + " of " + total + " postmortem action items are open ("
                    + Math.round(share * 100) + "%).", "open-action-items", List.of(Evidence.note(summary))));
        }
        // under the warning share, with nothing overdue, nothing is lost: the rubric's thresholds say that is fine
        return Judgement.of(findings, total, summary).lost(findings.isEmpty() ? 0 : open).metrics(Map.of("openActionItemShare",
                Math.round(share * 100) / 100.0, "overdueActionItems", overdue));
    }

    /** Why an open item is overdue ("open 142 days after the incident", "due 2026-02-15"), or {@code null}. */
    private static String age(ActionItem item, Postmortem p, LocalDate now, int maxDays) {
        if (now == null) {
            return null;
        }
        if (item.due() != null) {
            return item.due().isBefore(now) ? "was due " + item.due() : null;
        }
        if (p.incidentDate() == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(p.incidentDate(), now);
        return days > maxDays ? "open " + days + " days after the incident" : null;
    }
}
