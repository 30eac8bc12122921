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
 */
public record Step(String name, Location at, String uses, String text, boolean failureIgnored, Set<StepRole> roles) {

    public Step {
        text = text == null ? "" : text;
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(StepRole role) {
        return roles.contains(role);
    }
}
