package io.github.devopsassess.facts.history;

import io.github.devopsassess.facts.history.MinedCommit;

/** A mined commit with its author resolved to a {@link Person}. */
public record AuthoredCommit(MinedCommit commit, Person author) {
}
