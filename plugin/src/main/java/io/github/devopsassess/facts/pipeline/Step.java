package io.github.devopsassess.facts.pipeline;

import java.util.EnumSet;
import java.util.List;
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
 * @param expressions the {@code ${{ … }}} expressions written into its script ({@code run:}, or the {@code script:}
 *     of {@code actions/github-script}), in order
 */
public record Step(String name, Location at, String uses, String text, boolean failureIgnored, Set<StepRole> roles,
        List<ScriptExpression> expressions) {

    public Step {
        text = text == null ? "" : text;
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        expressions = expressions == null ? List.of() : List.copyOf(expressions);
    }

    /** A step with no expression in its script. */
    public Step(String name, Location at, String uses, String text, boolean failureIgnored, Set<StepRole> roles) {
        this(name, at, uses, text, failureIgnored, roles, List.of());
    }

    /** The same step with other roles. */
    public Step withRoles(Set<StepRole> other) {
        return new Step(name, at, uses, text, failureIgnored, other, expressions);
    }

    public boolean has(StepRole role) {
        return roles.contains(role);
    }
}
