package io.github.devopsassess.check.alerting;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.alerting.AlertFacts;
import io.github.devopsassess.facts.alerting.AlertRule;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code alert-runbooks}: an alert that pages without a runbook or a dashboard leaves the responder to guess — the
 * "incorrect reaction for lack of information" of the article. One finding per rule file, listing its alerts
 * without a link at their lines.
 */
public final class AlertRunbooksCheck implements Check {

    public static final String ID = "alert-runbooks";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(AlertFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        AlertFacts alerts = facts.get(AlertFacts.class);
        Map<String, List<AlertRule>> unlinked = new LinkedHashMap<>();
        Map<String, Integer> perFile = new LinkedHashMap<>();
        for (AlertRule rule : alerts.rules()) {
            perFile.merge(rule.path(), 1, Integer::sum);
            if (!rule.linked()) {
                unlinked.computeIfAbsent(rule.path(), p -> new ArrayList<>()).add(rule);
            }
        }
        List<Finding> findings = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, List<AlertRule>> e : unlinked.entrySet()) {
            List<AlertRule> rules = e.getValue();
            missing += rules.size();
            int total = perFile.get(e.getKey());
            List<Evidence> evidence = rules.stream().map(r -> Evidence.line(r.path(), r.line())
                    .withNote("alert '" + r.name() + "' has no runbook or dashboard link")).toList();
            String names = Listing.some(rules.stream().map(r -> "'" + r.name() + "' (line " + r.line() + ")")
                    .toList(), 5, ", ");
            String message = rules.size() + " of " + Words.plural(total, "alert", "alerts") + " in " + e.getKey()
                    + Words.noun(rules.size(), " gives", " give") + " the responder no"
                    + " runbook or dashboard link: " + names + ".";
            // A file whose alerts all lack a link is the full finding; a file that links most of them is a gap.
            findings.add(rules.size() * 2 > total ? settings.fail(message, e.getKey(), evidence)
                    : settings.warn(message, e.getKey(), evidence));
        }
        String summary = missing + " of " + Words.plural(alerts.rules().size(), "alert", "alerts") + " in "
                + Words.plural(alerts.files().size(), "file", "files") + Words.noun(missing, " has", " have")
                + " no runbook or dashboard link";
        return Judgement.of(findings, alerts.rules().size(), summary).lost(missing)
                .metrics(Map.of("alerts", alerts.rules().size(), "alertsWithoutRunbook", missing));
    }
}
