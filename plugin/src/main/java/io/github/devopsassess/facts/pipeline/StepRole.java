package io.github.devopsassess.facts.pipeline;

/** What a step does, as far as its name, command or action tells. A step may have several roles. */
public enum StepRole {
    TEST, DEPLOY, ROLLBACK, NOTIFY, RELEASE, SKIPS_TESTS,
    /** Checks out or fetches the pull request's own code (its head, its merge ref, a workflow_run's head). */
    CHECKOUT_PR_HEAD,
    /**
     * Checks who started the run before going on: a permission-check action, a collaborator-permission API call,
     * or a condition on {@code author_association}.
     */
    PERMISSION_CHECK
}
