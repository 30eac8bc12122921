package io.github.devopsassess.facts.pipeline;

import java.util.EnumSet;
import java.util.Set;

/**
 * One step of a job: a command, an action call, a script line, a Jenkins step or an Azure task.
 *
 * @param name the step's name or a shortened command, for messages
 * @param at where it is written
 * @param uses action, task or orb command it calls, or {@code null}
 * @param text the command text ({@code run}, {@code script}, {@code sh}), or {@code ""}
 * @param failureIgnored {@code continue-on-error: true}, {@code || true} and the like: its failure does not fail
 *     the job
 * @param roles what the step does
 * @param failureHandled where a later step of the job (or the job's outputs) reads this step's
 *     {@code steps.<id>.outcome}, the value that stays {@code failure} under {@code continue-on-error}: the failure
 *     is let through on purpose and acted on there; {@code null} when nothing reads it
 */
public record Step(String name, Location at, String uses, String text, boolean failureIgnored, Set<StepRole> roles,
        Location failureHandled) {

    public Step {
        text = text == null ? "" : text;
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A step whose outcome nothing reads. */
    public Step(String name, Location at, String uses, String text, boolean failureIgnored, Set<StepRole> roles) {
        this(name, at, uses, text, failureIgnored, roles, null);
    }

    /** This step, its outcome read at {@code where}. */
    public Step handledAt(Location where) {
        return new Step(name, at, uses, text, failureIgnored, roles, where);
    }

    public boolean has(StepRole role) {
        return roles.contains(role);
    }
}
