package io.github.devopsassess.facts.history;

/**
 * One file changed by one commit.
 *
 * @param path path after the commit (for a deletion: the deleted path)
 * @param oldPath path before a rename or copy, else {@code null}
 * @param kind 'A' added, 'M' modified, 'D' deleted, 'R' renamed, 'C' copied
 * @param added lines added, -1 when line counts were not computed or the file is binary or too large
 * @param removed lines removed, -1 likewise
 */
public record FileTouch(String path, String oldPath, char kind, int added, int removed) {
}
