package io.github.devopsassess.report.sections;

import io.github.devopsassess.report.Adoc;
import io.github.devopsassess.report.SiteSection;
import io.github.devopsassess.facts.oncall.CoverageState;
import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Person;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Service;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.facts.oncall.Team;
import io.github.devopsassess.facts.oncall.WeeklyCoverage;
import io.github.devopsassess.model.Words;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The "On-call" section of the incident-response page: per service, the escalation path level by level (delay,
 * targets, the schedules' layers with their people) and a weekly 7 × 24 coverage grid with a text summary of gaps.
 */
public final class OnCallSection implements SiteSection {

    public static final String AREA = "incident-response";

    @Override
    public List<Section> sections(SiteContext context) {
        if (!AREA.equals(context.area())) {
            return List.of();
        }
        Optional<OnCallFacts> found = context.facts().find(OnCallFacts.class);
        if (found.isEmpty() || found.get().empty()) {
            return List.of();
        }
        OnCallFacts facts = found.get();
        PeopleNames names = PeopleNames.of(context.facts());
        StringBuilder a = new StringBuilder();
        a.append("Read from ").append(Words.plural(facts.files().size(), "on-call file", "on-call files"))
                .append(". Each service's escalation"
                + " path is listed level by level; its coverage grid shows, hour by hour over one representative"
                + " week, how many people the whole path can reach.\n\n");
        for (Service s : facts.services()) {
            a.append("=== ").append(Adoc.text("Service " + s.name())).append("\n\n");
            a.append("Defined in ").append(Adoc.code(s.place().label()))
                    .append(s.production() ? ", a production service" : "").append(".\n\n");
            if (s.policyId() == null) {
                a.append("[.oncall-missing]#No escalation policy#: nobody is paged for this service.\n\n");
            } else {
                Optional<EscalationPolicy> policy = facts.policy(s.policyId());
                if (policy.isEmpty()) {
                    a.append("The escalation policy ").append(Adoc.code(s.policyId()))
                            .append(" is not defined in the files read, so its path cannot be shown.\n\n");
                } else {
                    escalation(a, facts, names, policy.get());
                }
            }
            coverage(a, facts.coverage().stream().filter(w -> w.subject().equals(s.id())).findFirst());
        }
        for (WeeklyCoverage w : facts.coverage()) {
            if (w.subject().startsWith("policy:")) {
                a.append("=== ").append(Adoc.text("Escalation policy " + w.name() + " (no service uses it)"))
                        .append("\n\n");
                facts.policy(w.policyId()).ifPresent(p -> escalation(a, facts, names, p));
                coverage(a, Optional.of(w));
            }
        }
        return List.of(new Section("On-call", a.toString()));
    }

    private static void escalation(StringBuilder a, OnCallFacts facts, PeopleNames names, EscalationPolicy p) {
        a.append("Escalation path ").append(Adoc.text(p.name())).append(" (").append(Adoc.code(p.place().label()))
                .append("): ").append(p.levels().size()).append(p.levels().size() == 1 ? " level" : " levels");
        if (p.repeats() != null && p.repeats() == 0) {
            a.append(", not repeated when nobody acknowledges");
        } else if (p.repeats() != null) {
            a.append(", repeated ").append(p.repeats()).append(p.repeats() == 1 ? " time" : " times")
                    .append(" when nobody acknowledges");
        }
        a.append(".\n\n");
        if (p.levels().isEmpty()) {
            return;
        }
        a.append("[.oncall-escalation,cols=\"1,2,4,6\",options=\"header\"]\n|===\n|Level |Escalates after"
                + " |Who is paged |Schedule layers and people\n");
        int n = 0;
        for (EscalationLevel level : p.levels()) {
            n++;
            int delay = (n == 1 ? p.firstNotifyMinutes() : 0);
            a.append("|").append(n).append(" |");
            a.append(level.escalateAfterMinutes() == null ? (n == p.levels().size() ? "last level" : "not stated")
                    : level.escalateAfterMinutes() + " min");
            if (delay > 0) {
                a.append(" (first page after ").append(delay).append(" min)");
            }
            a.append(" |").append(level.targets().stream().map(t -> target(facts, names, t))
                    .collect(Collectors.joining(" +\n")));
            a.append(" |").append(layers(facts, names, level)).append("\n");
        }
        a.append("|===\n\n");
    }

    private static String target(OnCallFacts facts, PeopleNames names, Target t) {
        return switch (t.kind()) {
            case SCHEDULE -> "schedule " + Adoc.text(facts.schedule(t.ref()).map(Schedule::name)
                    .orElse(t.ref() + " (not defined)"));
            case USER -> "person " + Adoc.text(person(facts, names, t.ref()));
            case TEAM -> facts.team(t.ref()).map(team -> "team " + Adoc.text(team.name()) + " ("
                    + Words.plural(team.members().size(), "member", "members") + ": " + Adoc.text(people(facts, names, team.members())) + ")")
                    .orElse("team " + Adoc.text(t.ref() == null ? "unknown" : t.ref()) + " (not defined)");
            case UNKNOWN -> "a target that cannot be read from the files";
        };
    }

    private static String layers(OnCallFacts facts, PeopleNames names, EscalationLevel level) {
        StringBuilder out = new StringBuilder();
        for (Target t : level.targets()) {
            if (t.kind() != Target.Kind.SCHEDULE) {
                continue;
            }
            Optional<Schedule> schedule = facts.schedule(t.ref());
            if (schedule.isEmpty()) {
                continue;
            }
            Schedule s = schedule.get();
            String zone = s.timeZone() == null ? "time zone not stated" : s.timeZone();
            if (!s.layersKnown()) {
                out.append(out.length() > 0 ? " +\n" : "").append(Adoc.text(s.name() + ": layers generated, not"
                        + " readable"));
                continue;
            }
            for (Layer layer : s.layers()) {
                String who = !layer.membersKnown() ? "roster not readable from the files"
                        : layer.people().isEmpty() ? "nobody" : people(facts, names, layer.people());
                String hours = layer.restrictions().isEmpty() ? "all hours" : "restricted hours";
                out.append(out.length() > 0 ? " +\n" : "").append(Adoc.text(s.name() + " / " + layer.name() + " ("
                        + hours + ", " + zone + "): " + who));
            }
        }
        return out.length() == 0 ? "none" : out.toString();
    }

    private static String people(OnCallFacts facts, PeopleNames names, List<String> ids) {
        return ids.stream().map(id -> person(facts, names, id)).collect(Collectors.joining(", "));
    }

    private static String person(OnCallFacts facts, PeopleNames names, String id) {
        if (id == null) {
            return "unknown";
        }
        Person p = facts.people().get(id);
        String shown = names.person(id, p == null ? id : p.name());
        return facts.shared(id) ? shown + " (shared account)" : shown;
    }

    private static void coverage(StringBuilder a, Optional<WeeklyCoverage> found) {
        if (found.isEmpty()) {
            a.append("No coverage could be computed for it.\n\n");
            return;
        }
        WeeklyCoverage w = found.get();
        a.append(CoverageGrid.html(w)).append("\n");
        summary(a, w, CoverageState.GAP, "Gaps (nobody on call)");
        summary(a, w, CoverageState.SINGLE, "One person only");
        summary(a, w, CoverageState.UNKNOWN, "Unknown");
    }

    private static void summary(StringBuilder a, WeeklyCoverage w, CoverageState state, String label) {
        List<String> ranges = w.ranges(state);
        a.append(label).append(": ");
        a.append(ranges.isEmpty() ? "none" : w.count(state) + " h of 168, " + Adoc.text(String.join(", ", ranges)))
                .append(".\n\n");
    }
}
