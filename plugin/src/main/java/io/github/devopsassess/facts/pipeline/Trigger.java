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
 * @param filter its branch and path filters as a matcher, or {@code null} when it has none (it runs for every change)
 */
public record Trigger(String event, Location at, List<DispatchInput> inputs, List<String> branches,
        List<String> paths, PathFilter filter) {

    public Trigger {
        inputs = List.copyOf(inputs);
        branches = List.copyOf(branches);
        paths = List.copyOf(paths);
    }

    /** A trigger with no branch or path filter. */
    public Trigger(String event, Location at, List<DispatchInput> inputs) {
        this(event, at, inputs, List.of(), List.of(), null);
    }

    /** A trigger with the branches and paths as written, and no matcher. */
    public Trigger(String event, Location at, List<DispatchInput> inputs, List<String> branches, List<String> paths) {
        this(event, at, inputs, branches, paths, null);
    }

    /** A trigger with a matcher of its filters. */
    public Trigger(String event, Location at, List<DispatchInput> inputs, PathFilter filter) {
        this(event, at, inputs, List.of(), List.of(), filter);
    }

    /** Whether a change of this file pushed to this branch starts it (true without filters). */
    public boolean admits(String branch, String file) {
        return filter == null || (branch == null || filter.runsOn(branch)) && filter.admits(file);
    }

    /**
     * GitHub events that anyone outside the team can fire (an issue, a comment, a fork's pull request, a discussion,
     * a wiki edit, a run of a workflow a fork started) while the workflow runs with the base repository's token and
     * secrets.
     */
    private static final java.util.Set<String> OUTSIDER_PRIVILEGED = java.util.Set.of("pull_request_target",
            "issue_comment", "issues", "workflow_run", "discussion", "discussion_comment", "gollum");

    /** Whether an outsider can fire this event while the workflow holds the base repository's token and secrets. */
    public static boolean outsiderPrivileged(String event) {
        return OUTSIDER_PRIVILEGED.contains(event);
    }

    /** Whether an outsider can start it while it holds the base repository's token and secrets. */
    public boolean outsiderPrivileged() {
        return outsiderPrivileged(event);
    }

    /** Whether only a person can start it. */
    public boolean manual() {
        return "workflow_dispatch".equals(event) || "manual".equals(event) || "repository_dispatch".equals(event);
    }
}
