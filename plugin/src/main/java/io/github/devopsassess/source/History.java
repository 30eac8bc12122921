package io.github.devopsassess.source;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was mined from one repository, newest first.
 *
 * @param head the commit history was mined from
 * @param commits non-merge commits that touched the assessed subtree
 * @param merges merge commits reachable from head (any subtree), for review and release signals
 * @param tags tags that point at commits reachable or not, sorted by name
 * @param shallow true when the clone is shallow, so history is truncated
 * @param truncatedAt epoch seconds of the oldest commit when shallow, else -1
 * @param mainline ids of the commits on the first-parent chain of head: the non-merge commits that are not on it
 *     reached the branch through a merge
 * @param firstRelease commit id → name of the earliest release tag that contains it (release tags only)
 * @param stats how the history was obtained (mined now or read from the cache)
 */
public record History(String head, List<MinedCommit> commits, List<Merge> merges, List<Tag> tags, boolean shallow,
        long truncatedAt, Set<String> mainline, Map<String, String> firstRelease, Stats stats) {

    public History {
        commits = List.copyOf(commits);
        merges = List.copyOf(merges);
        tags = List.copyOf(tags);
        mainline = Set.copyOf(mainline);
        firstRelease = Map.copyOf(firstRelease);
    }

    public History(String head, List<MinedCommit> commits, List<Merge> merges, List<Tag> tags, boolean shallow,
            long truncatedAt) {
        this(head, commits, merges, tags, shallow, truncatedAt, Set.of(), Map.of(), Stats.NONE);
    }

    /** Matches a tag name against a glob of {@code *} and {@code ?} (case-sensitive, like git's tag patterns). */
    public static boolean isRelease(String tagName, String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return tagName.matches(regex.toString());
    }

    /** A merge commit: who merged, when, and its subject ("Merge pull request #12 from …"). */
    public record Merge(String id, String committerName, String committerEmail, long commitTime, String subject) {
    }

    /** A tag and the commit it points at (annotated tags are peeled). */
    public record Tag(String name, String commit, long commitTime) {
    }

    /**
     * @param mined non-merge commits diffed in this run
     * @param fromCache non-merge commits whose facts were read from the cache
     * @param cacheNote why the cache was not used or rebuilt, or {@code null}
     */
    public record Stats(int mined, int fromCache, String cacheNote) {
        public static final Stats NONE = new Stats(0, 0, null);
    }
}
