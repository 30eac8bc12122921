package io.github.devopsassess.facts.pipeline;

import java.util.List;

/**
 * What starts a workflow: {@code push}, {@code pull_request}, {@code pull_request_target},
 * {@code workflow_dispatch}, {@code workflow_call}, {@code schedule}, {@code tag}, {@code manual}...
 *
 * @param event the event name as the CI system calls it
 * @param at where it is written
 * @param inputs inputs of a manual dispatch
 * @param branches the branches a push is filtered to ({@code branches:}), empty when any or not told
 * @param paths the path filters of a push ({@code paths:}, {@code !} excludes kept as written), empty when any
 */
public record Trigger(String event, Location at, List<DispatchInput> inputs, List<String> branches,
        List<String> paths) {

    public Trigger {
        inputs = List.copyOf(inputs);
        branches = List.copyOf(branches);
        paths = List.copyOf(paths);
    }

    /** A trigger with no branch or path filter. */
    public Trigger(String event, Location at, List<DispatchInput> inputs) {
        this(event, at, inputs, List.of(), List.of());
    }

    /** Whether only a person can start it. */
    public boolean manual() {
        return "workflow_dispatch".equals(event) || "manual".equals(event) || "repository_dispatch".equals(event);
    }
}
