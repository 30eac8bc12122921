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
 * {@code oncall-single-person-rotation}: a layer or rotation with one human in it, or only a shared "team" account
 * standing in for people. That person is on call every week, without relief, and nobody else learns the system.
 */
public final class SinglePersonRotationCheck extends OnCallCheck {

    public static final String ID = "oncall-single-person-rotation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        for (Schedule s : model.schedules()) {
            // a schedule with a rotation of two or more named people keeps a one-person or shared-account layer
            // as its fallback (so that incidents are still created when the rota has a gap): not a single point
            // (a layer whose roster is computed, e.g. `users = [for u in local.order : …]`, may well be that rota:
            // the fallback beside it is then not judged either)
            boolean rotaBeside = s.layers().stream().anyMatch(l -> !l.membersKnown()
                    || l.people().stream().filter(p -> !model.shared(p)).distinct().count() >= 2);
            for (Layer layer : s.layers()) {
                if (!layer.membersKnown() || layer.people().isEmpty()) {
                    continue;
                }
                if (rotaBeside && layer.people().stream().filter(p -> !model.shared(p)).distinct().count() < 2) {
                    continue;
                }
                judged++;
                List<String> people = layer.people();
                List<String> humans = people.stream().filter(p -> !model.shared(p)).toList();
                String subject = s.id() + "/" + layer.name();
                if (humans.isEmpty()) {
                    String who = String.join(", ", people.stream().map(model::nameOf).toList());
                    findings.add(settings.fail("Layer '" + layer.name() + "' of schedule '" + s.name()
                            + "' is staffed only by the shared account " + who
                            + ": it looks covered, but no named person is responsible when it pages.", subject,
                            List.of(OnCallChecks.at(layer.place(), "shared account " + who))));
                } else if (people.size() == 1) {
                    String who = model.nameOf(people.get(0));
                    findings.add(settings.fail("Layer '" + layer.name() + "' of schedule '" + s.name()
                            + "' rotates through one person, " + who + ", who is on call every turn with nobody to "
                            + "hand over to.", subject, List.of(OnCallChecks.at(layer.place(), "only " + who))));
                }
            }
        }
        if (judged == 0) {
            return Judgement.inapplicable("no rotation with a roster readable from the files");
        }
        return OnCallChecks.result(findings, judged, "rotations have a single person or a shared account",
                Map.of());
    }
}
