package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.CoverageCalculator;
import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Service;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.facts.oncall.WeeklyCoverage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Joins what the readers collected: rotations and shifts defined apart from their schedules, escalation steps apart
 * from their chains, Opsgenie services routed through their team; reports references to ids that no scanned file
 * defines; and computes the weekly coverage.
 */
final class OnCallAssembler {

    private final OnCallModel model;

    OnCallAssembler(OnCallModel model) {
        this.model = model;
    }

    OnCallFacts assemble(Instant reference, String referenceSource) {
        attachRotations();
        attachShifts();
        attachEscalationSteps();
        routeOpsgenieServices();
        checkReferences();
        OnCallFacts withoutCoverage = new OnCallFacts(new ArrayList<>(model.files),
                new ArrayList<>(model.schedules.values()), new ArrayList<>(model.policies.values()),
                new ArrayList<>(model.services.values()), new ArrayList<>(model.teams.values()), model.people,
                new ArrayList<>(model.vendors.values()), reference, referenceSource, List.of());
        List<WeeklyCoverage> coverage = CoverageCalculator.compute(withoutCoverage);
        return new OnCallFacts(withoutCoverage.files(), withoutCoverage.schedules(), withoutCoverage.policies(),
                withoutCoverage.services(), withoutCoverage.teams(), withoutCoverage.people(),
                withoutCoverage.vendors(), reference, referenceSource, coverage);
    }

    private void attachRotations() {
        for (Map.Entry<String, List<Layer>> e : model.detachedLayers.entrySet()) {
            if (e.getKey().startsWith("shift:")) {
                continue;
            }
            Schedule s = model.schedules.get(e.getKey());
            if (s == null) {
                Place p = e.getValue().get(0).place();
                model.problem(p.path(), p.line(), "rotation refers to schedule '" + e.getKey()
                        + "', which no scanned file defines");
                continue;
            }
            List<Layer> layers = new ArrayList<>(s.layers());
            layers.addAll(e.getValue());
            Place ignored = s.rosterIgnoredAt() != null ? s.rosterIgnoredAt()
                    : model.detachedRosterIgnored.get(e.getKey());
            model.schedules.put(s.id(), new Schedule(s.id(), s.name(), s.vendor(), s.timeZone(), layers,
                    s.layersKnown(), s.overlay(), ignored, s.place()));
        }
    }

    private void attachShifts() {
        for (Map.Entry<String, List<String>> e : model.scheduleShifts.entrySet()) {
            Schedule s = model.schedules.get(e.getKey());
            if (s == null) {
                continue;
            }
            List<Layer> layers = new ArrayList<>(s.layers());
            Place ignored = s.rosterIgnoredAt();
            boolean known = s.layersKnown();
            for (String shift : e.getValue()) {
                List<Layer> found = model.detachedLayers.get("shift:" + shift);
                if (found == null) {
                    model.problem(s.place().path(), s.place().line(), "schedule '" + s.id() + "' lists shift '"
                            + shift + "', which no scanned file defines");
                    known = false;
                    continue;
                }
                layers.addAll(found);
                if (ignored == null) {
                    ignored = model.detachedRosterIgnored.get("shift:" + shift);
                }
            }
            model.schedules.put(s.id(), new Schedule(s.id(), s.name(), s.vendor(), s.timeZone(), layers, known,
                    s.overlay(), ignored, s.place()));
        }
    }

    /** Grafana steps: a "wait" step is the delay of the level before it. */
    private void attachEscalationSteps() {
        for (Map.Entry<String, Map<Integer, EscalationLevel>> e : model.detachedLevels.entrySet()) {
            EscalationPolicy p = model.policies.get(e.getKey());
            if (p == null) {
                EscalationLevel first = e.getValue().values().iterator().next();
                model.problem(first.place().path(), first.place().line(), "escalation step refers to chain '"
                        + e.getKey() + "', which no scanned file defines");
                continue;
            }
            List<EscalationLevel> levels = new ArrayList<>();
            for (EscalationLevel step : e.getValue().values()) {
                boolean wait = step.targets().isEmpty();
                if (wait && !levels.isEmpty()) {
                    EscalationLevel last = levels.remove(levels.size() - 1);
                    int before = last.escalateAfterMinutes() == null ? 0 : last.escalateAfterMinutes();
                    levels.add(new EscalationLevel(before + step.escalateAfterMinutes(), last.targets(),
                            last.place()));
                } else if (!wait) {
                    levels.add(new EscalationLevel(null, step.targets(), step.place()));
                }
            }
            int repeats = model.repeatingChains.contains(p.id()) ? 5 : 0; // Grafana repeats a chain up to 5 times
            model.policies.put(p.id(), new EscalationPolicy(p.id(), p.name(), p.vendor(), levels,
                    p.firstNotifyMinutes(), repeats, p.team(), p.place()));
        }
    }

    private void routeOpsgenieServices() {
        for (Service s : new ArrayList<>(model.services.values())) {
            if (s.policyId() != null && s.policyId().startsWith("routing:")) {
                String escalation = model.teamRouting.get(s.policyId().substring("routing:".length()));
                model.services.put(s.id(), new Service(s.id(), s.name(), s.vendor(), escalation, escalation == null,
                        s.acknowledgementTimeoutDisabled(), s.production(), s.place()));
            }
        }
    }

    private void checkReferences() {
        for (EscalationPolicy p : model.policies.values()) {
            for (EscalationLevel level : p.levels()) {
                for (Target t : level.targets()) {
                    if (t.kind() == Target.Kind.SCHEDULE && !model.schedules.containsKey(t.ref())) {
                        model.problem(t.place().path(), t.place().line(), "escalation policy '" + p.id()
                                + "' targets schedule '" + t.ref() + "', which no scanned file defines");
                    }
                }
            }
        }
        for (Service s : model.services.values()) {
            if (s.policyId() != null && !model.policies.containsKey(s.policyId())) {
                model.problem(s.place().path(), s.place().line(), "service '" + s.id()
                        + "' uses escalation policy '" + s.policyId() + "', which no scanned file defines");
            }
        }
    }
}
