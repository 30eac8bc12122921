package io.github.devopsassess.facts.pipeline;

import java.util.List;

/**
 * What starts a workflow: {@code push}, {@code pull_request}, {@code pull_request_target},
 * {@code workflow_dispatch}, {@code workflow_call}, {@code schedule}, {@code tag}, {@code manual}...
 *
 * @param event the event name as the CI system calls it
 * @param at where it is written
 * @param inputs inputs of a manual dispatch
 * @param filter its branch and path filters, or {@code null} when it has none (it runs for every change)
 */
public record Trigger(String event, Location at, List<DispatchInput> inputs, PathFilter filter) {

    public Trigger {
        inputs = List.copyOf(inputs);
    }

    /** A trigger without branch or path filters. */
    public Trigger(String event, Location at, List<DispatchInput> inputs) {
        this(event, at, inputs, null);
    }

    /** Whether a change of this file pushed to this branch starts it (true without filters). */
    public boolean admits(String branch, String file) {
        return filter == null || (branch == null || filter.runsOn(branch)) && filter.admits(file);
    }

    /** Whether only a person can start it. */
    public boolean manual() {
        return "workflow_dispatch".equals(event) || "manual".equals(event) || "repository_dispatch".equals(event);
    }
}
