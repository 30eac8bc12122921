package io.github.devopsassess.facts.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes the representative week of every service: for each hour of the week (in the zone of the first schedule
 * on its path), whether the escalation path reaches two or more people, one, or nobody. The path is sampled every
 * five minutes and an hour takes the worst state it contains, so a gap of ten minutes still shows.
 */
public final class CoverageCalculator {

    /** With no reference date, a fixed Monday without DST changes anywhere; start and end dates are then ignored. */
    static final LocalDate NO_REFERENCE_WEEK = LocalDate.of(2024, 1, 8);

    private static final int SAMPLE_MINUTES = 5;

    private CoverageCalculator() {
    }

    public static List<WeeklyCoverage> compute(OnCallFacts model) {
        Roster roster = new Roster(model, model.referenceTime());
        List<WeeklyCoverage> out = new ArrayList<>();
        Set<String> usedPolicies = new TreeSet<>();
        for (Service s : model.services()) {
            if (s.policyId() == null) {
                continue;
            }
            model.policy(s.policyId()).ifPresent(p -> {
                usedPolicies.add(p.id());
                if (!p.levels().isEmpty()) {
                    out.add(week(model, roster, s.id(), s.name(), p, s.place()));
                }
            });
        }
        for (EscalationPolicy p : model.policies()) {
            // a policy without readable levels (looked up by name as a data source, or built from variables with a
            // dynamic block) is unknown, not a week without anyone: its coverage is not computed
            if (!usedPolicies.contains(p.id()) && !p.levels().isEmpty()) {
                out.add(week(model, roster, "policy:" + p.id(), p.name(), p, p.place()));
            }
        }
        out.sort(Comparator.comparing(WeeklyCoverage::subject));
        return out;
    }

    static WeeklyCoverage week(OnCallFacts model, Roster roster, String subject, String name,
            EscalationPolicy policy, Place place) {
        String zoneId = firstZone(model, policy);
        ZoneId zone = Roster.zone(zoneId);
        LocalDate monday = weekStart(model.referenceTime(), zone);
        List<List<CoverageState>> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            List<CoverageState> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                CoverageState worst = CoverageState.COVERED;
                for (int m = 0; m < 60; m += SAMPLE_MINUTES) {
                    Instant at = monday.plusDays(d).atTime(h, m).atZone(zone).toInstant();
                    worst = worse(worst, roster.policy(policy, at).state());
                }
                hours.add(worst);
            }
            days.add(hours);
        }
        return new WeeklyCoverage(subject, name, policy.id(), zone.getId(), monday, days, place);
    }

    public static LocalDate weekStart(Instant reference, ZoneId zone) {
        if (reference == null) {
            return NO_REFERENCE_WEEK;
        }
        return LocalDate.ofInstant(reference, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String firstZone(OnCallFacts model, EscalationPolicy policy) {
        for (EscalationLevel level : policy.levels()) {
            for (Target t : level.targets()) {
                if (t.kind() == Target.Kind.SCHEDULE) {
                    String z = model.schedule(t.ref()).map(Schedule::timeZone).orElse(null);
                    if (z != null) {
                        return z;
                    }
                }
            }
        }
        return "UTC";
    }

    private static CoverageState worse(CoverageState a, CoverageState b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(CoverageState s) {
        return switch (s) {
            case COVERED -> 0;
            case UNKNOWN -> 1;
            case SINGLE -> 2;
            case GAP -> 3;
        };
    }
}
