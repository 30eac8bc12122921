package io.github.devopsassess.source;

import java.util.List;

/**
 * What was mined from one repository, newest first.
 *
 * @param head the commit history was mined from
 * @param commits non-merge commits that touched the assessed subtree
 * @param merges merge commits reachable from head (any subtree), for review and release signals
 * @param tags tags that point at commits reachable or not, sorted by name
 * @param shallow true when the clone is shallow, so history is truncated
 * @param truncatedAt epoch seconds of the oldest commit when shallow, else -1
 */
public record History(String head, List<MinedCommit> commits, List<Merge> merges, List<Tag> tags, boolean shallow,
        long truncatedAt) {

    public History {
        commits = List.copyOf(commits);
        merges = List.copyOf(merges);
        tags = List.copyOf(tags);
    }

    /** A merge commit: who merged, when, and its subject ("Merge pull request #12 from …"). */
    public record Merge(String id, String committerName, String committerEmail, long commitTime, String subject) {
    }

    /** A tag and the commit it points at (annotated tags are peeled). */
    public record Tag(String name, String commit, long commitTime) {
    }
}
