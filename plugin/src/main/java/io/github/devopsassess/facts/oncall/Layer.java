package io.github.devopsassess.facts.oncall;

import java.time.Instant;
import java.util.List;

/**
 * One layer (PagerDuty), rotation (Opsgenie, oncall.yaml) or shift (Grafana OnCall).
 *
 * @param name layer name
 * @param slots the turns in order; each turn lists who is on call during it (usually one person; Grafana rolling
 *     groups may list several; an empty list is a turn with nobody, such as Opsgenie's {@code type: none})
 * @param membersKnown false when the roster could not be resolved from the files (a variable without default, a
 *     data source, a for expression); then {@code slots} is empty and nothing is guessed
 * @param start when the layer starts, or {@code null} when unknown or unbounded
 * @param end when the layer ends, or {@code null} for never
 * @param rotationStart when the first turn starts; {@code null} means {@code start}
 * @param turnSeconds length of one turn, 0 when unknown
 * @param restrictions windows of local time the layer covers; empty means all the time
 * @param place where it is defined
 */
public record Layer(String name, List<List<String>> slots, boolean membersKnown, Instant start, Instant end,
        Instant rotationStart, long turnSeconds, List<Restriction> restrictions, Place place) {

    public Layer {
        slots = slots.stream().map(List::copyOf).toList();
        restrictions = List.copyOf(restrictions);
    }

    /** Distinct people across all turns, in first-seen order. */
    public List<String> people() {
        return slots.stream().flatMap(List::stream).distinct().toList();
    }
}
