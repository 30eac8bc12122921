package io.github.devopsassess.facts.oncall;

import java.util.List;

/**
 * An escalation policy (PagerDuty), escalation (Opsgenie), escalation chain (Grafana OnCall) or the escalation of
 * an oncall.yaml service.
 *
 * @param id stable id
 * @param name display name
 * @param vendor as in {@link Schedule#vendor()}
 * @param levels the levels in order
 * @param firstNotifyMinutes minutes before anyone is paged at all (Opsgenie rule delay of the first rule, 0 elsewhere)
 * @param repeats how often the whole policy repeats when nobody acknowledges ({@code num_loops}), {@code null} when
 *     unknown
 * @param team the owning team id, or {@code null}
 * @param place where it is defined
 */
public record EscalationPolicy(String id, String name, String vendor, List<EscalationLevel> levels,
        int firstNotifyMinutes, Integer repeats, String team, Place place) {

    public EscalationPolicy {
        levels = List.copyOf(levels);
    }
}
