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
 * @param failureHandled where a later step of the job (or the job's outputs) reads this step's
 *     {@code steps.<id>.outcome}, the value that stays {@code failure} under {@code continue-on-error}: the failure
 *     is let through on purpose and acted on there; {@code null} when nothing reads it
 * @param ignoredAt the lines of its script that throw a failure away ({@code || true}, {@code set +e}), when the
 *     scanner could place them; empty otherwise
 */
public record Step(String name, Location at, String uses, String text, boolean failureIgnored, Set<StepRole> roles,
        List<ScriptExpression> expressions, Location failureHandled, List<Location> ignoredAt) {

    public Step {
        text = text == null ? "" : text;
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        expressions = expressions == null ? List.of() : List.copyOf(expressions);
        ignoredAt = ignoredAt == null ? List.of() : List.copyOf(ignoredAt);
    }

    /** A step whose script lines that ignore failures are not placed. */
    public Step(String name, Location at, String uses, String text, boolean failureIgnored, Set<StepRole> roles,
            List<ScriptExpression> expressions, Location failureHandled) {
        this(name, at, uses, text, failureIgnored, roles, expressions, failureHandled, List.of());
    }

    /** A step with no expression in its script, whose outcome nothing reads. */
    public Step(String name, Location at, String uses, String text, boolean failureIgnored, Set<StepRole> roles) {
        this(name, at, uses, text, failureIgnored, roles, List.of(), null);
    }

    /** A step whose outcome nothing reads. */
    public Step(String name, Location at, String uses, String text, boolean failureIgnored, Set<StepRole> roles,
            List<ScriptExpression> expressions) {
        this(name, at, uses, text, failureIgnored, roles, expressions, null);
    }

    /** The same step with other roles. */
    public Step withRoles(Set<StepRole> other) {
        return new Step(name, at, uses, text, failureIgnored, other, expressions, failureHandled, ignoredAt);
    }

    /** This step, its outcome read at {@code where}. */
    public Step handledAt(Location where) {
        return new Step(name, at, uses, text, failureIgnored, roles, expressions, where, ignoredAt);
    }

    /** This step, with the script lines that throw its failures away. */
    public Step ignoredAt(List<Location> lines) {
        return new Step(name, at, uses, text, failureIgnored, roles, expressions, failureHandled, lines);
    }

    public boolean has(StepRole role) {
        return roles.contains(role);
    }
}
