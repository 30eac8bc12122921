package io.github.devopsassess.facts.pipeline;

/** What a step does, as far as its name, command or action tells. A step may have several roles. */
public enum StepRole {
    TEST, DEPLOY, ROLLBACK, NOTIFY, RELEASE, SKIPS_TESTS, CHECKOUT_PR_HEAD
}
