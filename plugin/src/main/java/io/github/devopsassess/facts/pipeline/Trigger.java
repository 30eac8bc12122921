package io.github.devopsassess.facts.pipeline;

import java.util.List;

/**
 * What starts a workflow: {@code push}, {@code pull_request}, {@code pull_request_target},
 * {@code workflow_dispatch}, {@code workflow_call}, {@code schedule}, {@code tag}, {@code manual}...
 *
 * @param event the event name as the CI system calls it
 * @param at where it is written
 * @param inputs inputs of a manual dispatch
 */
public record Trigger(String event, Location at, List<DispatchInput> inputs) {

    public Trigger {
        inputs = List.copyOf(inputs);
    }

    /** Whether only a person can start it. */
    public boolean manual() {
        return "workflow_dispatch".equals(event) || "manual".equals(event) || "repository_dispatch".equals(event);
    }
}
