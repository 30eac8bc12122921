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
        Roster roster = new Roster(model, model.referenceTime());
        List<Instant> week = hoursOfWeek(model);
        concurrent(settings, model, roster, week, max, findings);
        for (EscalationPolicy p : model.policies()) {
            sameBackup(settings, model, roster, week, p, findings);
        }
        return OnCallChecks.result(findings, model.schedules().size() + model.policies().size(),
                "people or policies are overloaded", Map.of());
    }

    /** The half past of every hour of the reference week (UTC), the instants both rules look at. */
    private static List<Instant> hoursOfWeek(OnCallFacts model) {
        Instant monday = CoverageCalculator.weekStart(model.referenceTime(), ZoneOffset.UTC).atTime(0, 30)
                .toInstant(ZoneOffset.UTC);
        List<Instant> hours = new ArrayList<>(7 * 24);
        for (int h = 0; h < 7 * 24; h++) {
            hours.add(monday.plusSeconds(h * 3600L));
        }
        return hours;
    }

    private static void concurrent(CheckSettings settings, OnCallFacts model, Roster roster, List<Instant> week,
            int max, List<Finding> findings) {
        Map<String, Integer> peak = new TreeMap<>();
        Map<String, Set<String>> where = new TreeMap<>();
        for (Instant at : week) {
            Map<String, Set<String>> now = new TreeMap<>();
            for (Schedule s : model.schedules()) {
                for (String person : roster.schedule(s, at).people()) {
                    if (model.shared(person)) {
                        continue; // a shared team account is a fallback, not a person who can be overloaded
                    }
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
                        "person:" + model.nameOf(person), List.of(OnCallChecks.at(first.place(), count
                                + " schedules at once"))).withFingerprintOf("person:" + person));
            }
        });
    }

    /**
     * A backup level that is the same person as the first level at the same moment: the standard primary/secondary
     * pattern rotates the same people in both levels on purpose, in different orders, and is not a finding; only an
     * hour of the reference week in which someone is on call at both levels is.
     */
    private static void sameBackup(CheckSettings settings, OnCallFacts model, Roster roster, List<Instant> week,
            EscalationPolicy p, List<Finding> findings) {
        List<EscalationLevel> levels = p.levels();
        for (int i = 0; i + 1 < levels.size(); i++) {
            Optional<Set<String>> a = people(model, levels.get(i));
            Optional<Set<String>> b = people(model, levels.get(i + 1));
            if (a.isEmpty() || b.isEmpty() || a.get().isEmpty() || !a.get().equals(b.get())) {
                continue;
            }
            int hours = 0;
            String who = null;
            Instant first = null;
            for (Instant at : week) {
                Set<String> both = onCall(model, roster, levels.get(i), at);
                both.retainAll(onCall(model, roster, levels.get(i + 1), at));
                if (!both.isEmpty()) {
                    hours++;
                    if (who == null) {
                        who = both.iterator().next();
                        first = at;
                    }
                }
            }
            if (hours > 0) {
                findings.add(settings.warn("Levels " + (i + 1) + " and " + (i + 2) + " of escalation policy '"
                        + p.name() + "' rotate the same " + Words.plural(a.get().size(), "person", "people")
                        + ", and for " + Words.plural(hours, "hour", "hours") + " of the week of "
                        + first.toString().substring(0, 10) + " ("
                        + "first " + first.toString().substring(0, 13).replace('T', ' ') + ":00 UTC) "
                        + model.nameOf(who) + " is on call at both: when they miss the page, the backup is "
                        + "the same person.", p.id() + "#same-backup-" + (i + 1),
                        List.of(OnCallChecks.at(levels.get(i + 1).place(), "same person as level " + (i + 1)))));
            }
        }
    }

    /** The named people (shared accounts left out) on call at a level's schedules at an instant. */
    private static Set<String> onCall(OnCallFacts model, Roster roster, EscalationLevel level, Instant at) {
        Set<String> out = new TreeSet<>();
        for (Target t : level.targets()) {
            model.schedule(t.ref()).ifPresent(s -> roster.schedule(s, at).people().stream()
                    .filter(person -> !model.shared(person)).forEach(out::add));
        }
        return out;
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
