package io.github.devopsassess.scan.history;

import io.github.devopsassess.source.MinedCommit;

/** A mined commit with its author resolved to a {@link Person}. */
public record AuthoredCommit(MinedCommit commit, Person author) {
}
