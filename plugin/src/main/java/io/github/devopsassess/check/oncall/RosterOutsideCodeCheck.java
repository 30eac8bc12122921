package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code oncall-roster-outside-code}: {@code lifecycle { ignore_changes = [...users...] }} means the real roster is
 * edited in the vendor's UI; the code, its review and this assessment no longer say who is on call.
 */
public final class RosterOutsideCodeCheck extends OnCallCheck {

    public static final String ID = "oncall-roster-outside-code";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        if (model.schedules().isEmpty()) {
            return Judgement.inapplicable("no schedule found");
        }
        List<Finding> findings = new ArrayList<>();
        for (Schedule s : model.schedules()) {
            if (s.rosterIgnoredAt() != null) {
                findings.add(settings.fail("The roster of schedule '" + s.name() + "' is excluded from Terraform "
                        + "(lifecycle ignore_changes): who is on call is changed by hand outside review, and the "
                        + "people in the code may not be the people paged.", s.id(),
                        List.of(OnCallChecks.at(s.rosterIgnoredAt(), "ignore_changes on the roster"))));
            }
        }
        return OnCallChecks.result(findings, model.schedules().size(),
                "schedules keep their roster outside code", Map.of());
    }
}
