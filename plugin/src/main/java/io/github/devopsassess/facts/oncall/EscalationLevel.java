package io.github.devopsassess.facts.oncall;

import java.util.List;

/**
 * One level (rule) of an escalation policy.
 *
 * @param escalateAfterMinutes minutes this level has to acknowledge before the next level is paged, or {@code null}
 *     when unknown or when it is the last level of a vendor that has no such delay
 * @param targets who is paged
 * @param place where it is defined
 */
public record EscalationLevel(Integer escalateAfterMinutes, List<Target> targets, Place place) {

    public EscalationLevel {
        targets = List.copyOf(targets);
    }
}
