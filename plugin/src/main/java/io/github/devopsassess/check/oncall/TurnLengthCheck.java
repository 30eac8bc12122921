package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code oncall-turn-length}: turns shorter than a day mean constant hand-overs and lost context; turns longer than
 * two weeks wear people out. PagerDuty recommends weekly rotations.
 */
public final class TurnLengthCheck extends OnCallCheck {

    public static final String ID = "oncall-turn-length";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        double minHours = settings.threshold("minHours", 24);
        double maxDays = settings.threshold("maxDays", 14);
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        for (Schedule s : model.schedules()) {
            for (Layer l : s.layers()) {
                if (l.turnSeconds() <= 0 || l.people().size() < 2) {
                    continue; // a one-person layer has no hand-over; the single-person check reports it
                }
                judged++;
                double hours = l.turnSeconds() / 3600.0;
                String subject = s.id() + "/" + l.name();
                if (hours < minHours) {
                    findings.add(settings.warn("Turns of '" + l.name() + "' in '" + s.name() + "' last "
                            + fmt(hours) + " hours: hand-overs several times a day lose the context of an incident.",
                            subject, List.of(OnCallChecks.at(l.place(), "turn " + fmt(hours) + " h"))));
                } else if (hours > maxDays * 24) {
                    findings.add(settings.warn("Turns of '" + l.name() + "' in '" + s.name() + "' last "
                            + fmt(hours / 24) + " days: more than " + fmt(maxDays) + " days on call in a row wears "
                            + "people out.", subject, List.of(OnCallChecks.at(l.place(), "turn " + fmt(hours / 24)
                                    + " days"))));
                }
            }
        }
        if (judged == 0) {
            return Judgement.inapplicable("no rotation with a known turn length and two or more people");
        }
        return OnCallChecks.result(findings, judged, "rotations have extreme turn lengths", Map.of());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
