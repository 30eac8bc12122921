package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code oncall-escalation-policy}: escalation that cannot back up the first responder — a single level (worse when
 * it never repeats), a first level that waits too long before escalating (PagerDuty's guidance: 5 minutes is a good
 * default, 30 is far too long for a high-urgency page), levels that page one user directly instead of a schedule,
 * and a schedule that exists (typically the "secondary") but that no policy ever pages.
 */
public final class EscalationPolicyCheck extends OnCallCheck {

    public static final String ID = "oncall-escalation-policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        if (model.policies().isEmpty()) {
            return Judgement.inapplicable("no escalation policy found");
        }
        int warnDelay = settings.intThreshold("warnDelayMinutes", 5);
        int failDelay = settings.intThreshold("failDelayMinutes", 30);
        List<Finding> findings = new ArrayList<>();
        Set<String> paged = new TreeSet<>();
        for (EscalationPolicy p : model.policies()) {
            p.levels().forEach(l -> l.targets().stream().filter(t -> t.kind() == Target.Kind.SCHEDULE)
                    .forEach(t -> paged.add(t.ref())));
            levels(settings, p, findings);
            delay(settings, p, warnDelay, failDelay, findings);
            directUsers(settings, model, p, findings);
        }
        for (Schedule s : model.schedules()) {
            if (!paged.contains(s.id())) {
                findings.add(settings.warn("Schedule '" + s.name() + "' is defined but no escalation policy pages "
                        + "it: whoever is on it believes they are backing someone up, and is never called.",
                        s.id() + "#unused", List.of(OnCallChecks.at(s.place(), "not referenced by any policy"))));
            }
        }
        return OnCallChecks.result(findings, model.policies().size() + model.schedules().size(),
                "escalation policies and schedules have escalation problems", Map.of());
    }

    private static void levels(CheckSettings settings, EscalationPolicy p, List<Finding> findings) {
        if (p.levels().size() == 0) {
            findings.add(settings.fail("Escalation policy '" + p.name() + "' has no level: it pages nobody.",
                    p.id() + "#levels", List.of(OnCallChecks.at(p.place(), "no escalation rule"))));
        } else if (p.levels().size() == 1) {
            boolean repeats = p.repeats() != null && p.repeats() > 0;
            String message = "Escalation policy '" + p.name() + "' has a single level: when the first responder "
                    + "does not answer, nobody else is paged" + (repeats ? " (it repeats " + p.repeats()
                            + " times to the same target)." : " and it never repeats (num_loops 0).");
            var evidence = List.of(OnCallChecks.at(p.levels().get(0).place(), "the only level"));
            findings.add(repeats ? settings.warn(message, p.id() + "#levels", evidence)
                    : settings.fail(message, p.id() + "#levels", evidence));
        }
    }

    private static void delay(CheckSettings settings, EscalationPolicy p, int warn, int fail,
            List<Finding> findings) {
        if (p.firstNotifyMinutes() > warn) {
            String message = "Escalation policy '" + p.name() + "' pages nobody for the first "
                    + p.firstNotifyMinutes() + " minutes of an alert.";
            var evidence = List.of(OnCallChecks.at(p.levels().isEmpty() ? p.place() : p.levels().get(0).place(),
                    "first notification after " + p.firstNotifyMinutes() + " min"));
            findings.add(p.firstNotifyMinutes() > fail ? settings.fail(message, p.id() + "#first-notify", evidence)
                    : settings.warn(message, p.id() + "#first-notify", evidence));
        }
        if (p.levels().size() < 2) {
            return;
        }
        EscalationLevel first = p.levels().get(0);
        Integer d = first.escalateAfterMinutes();
        if (d != null && d > warn) {
            String message = "Escalation policy '" + p.name() + "' waits " + d + " minutes before paging the "
                    + "backup when the first responder does not acknowledge (guidance: " + warn + " minutes).";
            var evidence = List.of(OnCallChecks.at(first.place(), "escalation delay " + d + " min"));
            findings.add(d > fail ? settings.fail(message, p.id() + "#delay", evidence)
                    : settings.warn(message, p.id() + "#delay", evidence));
        }
    }

    private static void directUsers(CheckSettings settings, OnCallFacts model, EscalationPolicy p,
            List<Finding> findings) {
        for (EscalationLevel level : p.levels()) {
            for (Target t : level.targets()) {
                if (t.kind() == Target.Kind.USER) {
                    findings.add(settings.warn("Escalation policy '" + p.name() + "' pages " + model.nameOf(t.ref())
                            + " directly instead of a schedule: holidays, sick days and leaving the company are "
                            + "not covered.", p.id() + "#user:" + t.ref(), List.of(OnCallChecks.at(t.place(),
                                    "user target " + model.nameOf(t.ref())))));
                }
            }
        }
    }
}
