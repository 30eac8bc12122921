package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.oncall.OnCallChecks;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.model.Words;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code oncall-population}: fewer than {@code min} named people share all of on-call. Shared team accounts do not
 * count: they stand in for people, they are not people.
 */
public final class OnCallPopulationCheck extends OnCallCheck {

    public static final String ID = "oncall-population";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        Set<String> humans = new TreeSet<>();
        boolean unknown = false;
        for (Schedule s : model.schedules()) {
            unknown |= !s.membersKnown();
            // people of a layer that has ended before the assessed commit are no longer on call
            s.layers().stream().filter(l -> l.end() == null || model.referenceTime() == null
                    || l.end().isAfter(model.referenceTime())).map(Layer::people).flatMap(List::stream).filter(p -> !model.shared(p))
                    .forEach(humans::add);
        }
        model.policies().forEach(p -> p.levels().forEach(l -> l.targets().stream()
                .filter(t -> t.kind() == Target.Kind.USER && !model.shared(t.ref())).forEach(t -> humans.add(
                        t.ref()))));
        // the same person may appear under different ids in different formats (Terraform address, oncall.yaml id)
        Set<String> byName = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        humans.forEach(h -> byName.add(model.nameOf(h)));
        humans.clear();
        humans.addAll(byName);
        int min = settings.intThreshold("min", 3);
        Map<String, Object> metrics = Map.of("onCallPopulation", humans.size());
        if (humans.size() >= min) {
            return Judgement.clean(Words.plural(humans.size(), "person shares", "people share") + " on-call")
                    .metrics(metrics);
        }
        if (humans.isEmpty()) {
            // Schedules without a named person (a Terraform module whose users are its inputs, a roster filled in
            // at apply time) do not show who is on call: "only 0 people" would be no claim anyone could sign.
            return Judgement.inapplicable("unknown: the on-call files name no person (the roster is "
                    + (unknown ? "computed or " : "") + "given elsewhere, such as a module's inputs)");
        }
        String names = String.join(", ", humans);
        Evidence where = model.schedules().isEmpty()
                ? OnCallChecks.at(model.policies().get(0).place(), "all escalation targets")
                : OnCallChecks.at(model.schedules().get(0).place(), "all schedules");
        String message = "Only " + humans.size() + " named " + (humans.size() == 1 ? "person shares" : "people share")
                + " all of on-call (" + names + ")" + (unknown ? ", as far as the files show" : "")
                + ": support rests on \"the DevOps person\", who can never be ill, on holiday or leave.";
        return Judgement.of(List.of(settings.fail(message, "oncall-population", List.of(where))), min,
                Words.plural(humans.size(), "person", "people") + " on call, fewer than " + min).lost(min - humans.size()).metrics(metrics);
    }
}
