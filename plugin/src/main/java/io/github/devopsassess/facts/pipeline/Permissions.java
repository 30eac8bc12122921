package io.github.devopsassess.facts.pipeline;

/**
 * A GitHub Actions {@code permissions:} block.
 *
 * @param level {@code write-all}, {@code read-all}, {@code none} ({@code {}}) or {@code scoped} (a mapping)
 * @param writes whether any scope is granted write access
 * @param at where it is written
 */
public record Permissions(String level, boolean writes, Location at) {
}
