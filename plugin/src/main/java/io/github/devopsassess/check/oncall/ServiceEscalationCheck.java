package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code oncall-service-escalation}: a service without an escalation policy pages nobody; a service whose
 * acknowledgement timeout is disabled lets an acknowledged incident be forgotten forever.
 */
public final class ServiceEscalationCheck extends OnCallCheck {

    public static final String ID = "oncall-service-escalation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        if (model.services().isEmpty()) {
            return Judgement.inapplicable("no service found in the on-call configuration");
        }
        List<Finding> findings = new ArrayList<>();
        for (Service s : model.services()) {
            if (s.policyId() == null && !s.policyUnknown()) {
                findings.add(settings.fail("Service '" + s.name() + "' has no escalation policy: its alerts page "
                        + "nobody.", s.id() + "#policy", List.of(OnCallChecks.at(s.place(), "no escalation policy"))));
            }
            if (s.acknowledgementTimeoutDisabled()) {
                findings.add(settings.warn("Service '" + s.name() + "' has its acknowledgement timeout disabled: "
                        + "an incident acknowledged and then forgotten never pages again.", s.id() + "#ack-timeout",
                        List.of(OnCallChecks.at(s.place(), "acknowledgement_timeout disabled"))));
            }
        }
        return OnCallChecks.result(findings, model.services().size() * 2,
                "service settings leave incidents unanswered", Map.of());
    }
}
