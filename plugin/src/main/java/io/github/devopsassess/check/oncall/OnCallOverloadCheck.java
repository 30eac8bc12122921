package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.CoverageCalculator;
import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Roster;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.model.Words;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code oncall-overload}: the same person on call in more than {@code maxConcurrentRotations} schedules at the same
 * time (every page lands on them), or a policy whose backup level rotates exactly the same people as its first level
 * (no real backup: the second page goes to the same small group, sometimes the same person).
 */
public final class OnCallOverloadCheck extends OnCallCheck {

    public static final String ID = "oncall-overload";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        if (model.schedules().isEmpty()) {
            return Judgement.inapplicable("no schedule found");
        }
        int max = settings.intThreshold("maxConcurrentRotations", 2);
        List<Finding> findings = new ArrayList<>();
        concurrent(settings, model, max, findings);
        for (EscalationPolicy p : model.policies()) {
            sameBackup(settings, model, p, findings);
        }
        return OnCallChecks.result(findings, model.schedules().size() + model.policies().size(),
                "people or policies are overloaded", Map.of());
    }

    private static void concurrent(CheckSettings settings, OnCallFacts model, int max, List<Finding> findings) {
        Roster roster = new Roster(model, model.referenceTime());
        Instant monday = CoverageCalculator.weekStart(model.referenceTime(), ZoneOffset.UTC).atTime(0, 30)
                .toInstant(ZoneOffset.UTC);
        Map<String, Integer> peak = new TreeMap<>();
        Map<String, Set<String>> where = new TreeMap<>();
        for (int h = 0; h < 7 * 24; h++) {
            Instant at = monday.plusSeconds(h * 3600L);
            Map<String, Set<String>> now = new TreeMap<>();
            for (Schedule s : model.schedules()) {
                for (String person : roster.schedule(s, at).people()) {
                    now.computeIfAbsent(person, k -> new TreeSet<>()).add(s.id());
                }
            }
            now.forEach((person, schedules) -> {
                if (schedules.size() > peak.getOrDefault(person, 0)) {
                    peak.put(person, schedules.size());
                    where.put(person, schedules);
                }
            });
        }
        peak.forEach((person, count) -> {
            if (count > max) {
                Schedule first = model.schedule(where.get(person).iterator().next()).orElseThrow();
                findings.add(settings.fail(model.nameOf(person) + " is on call in " + count
                        + " schedules at the same time (" + String.join(", ", where.get(person))
                        + "): every page lands on them, and one absence leaves all of them uncovered.",
                        "person:" + person, List.of(OnCallChecks.at(first.place(), count + " schedules at once"))));
            }
        });
    }

    private static void sameBackup(CheckSettings settings, OnCallFacts model, EscalationPolicy p,
            List<Finding> findings) {
        List<EscalationLevel> levels = p.levels();
        for (int i = 0; i + 1 < levels.size(); i++) {
            Optional<Set<String>> a = people(model, levels.get(i));
            Optional<Set<String>> b = people(model, levels.get(i + 1));
            if (a.isPresent() && b.isPresent() && !a.get().isEmpty() && a.get().equals(b.get())) {
                findings.add(settings.warn("Levels " + (i + 1) + " and " + (i + 2) + " of escalation policy '"
                        + p.name() + "' rotate the same " + Words.plural(a.get().size(), "person", "people")
                        + ": the backup is drawn from "
                        + "the same group as the first responder, so there is no independent backup.",
                        p.id() + "#same-backup-" + (i + 1), List.of(OnCallChecks.at(levels.get(i + 1).place(),
                                "same people as level " + (i + 1)))));
            }
        }
    }

    private static Optional<Set<String>> people(OnCallFacts model, EscalationLevel level) {
        Set<String> out = new TreeSet<>();
        for (Target t : level.targets()) {
            if (t.kind() != Target.Kind.SCHEDULE) {
                return Optional.empty();
            }
            Schedule s = model.schedule(t.ref()).orElse(null);
            if (s == null || !s.membersKnown()) {
                return Optional.empty();
            }
            s.layers().stream().map(Layer::people).forEach(out::addAll);
        }
        return Optional.of(out);
    }
}
