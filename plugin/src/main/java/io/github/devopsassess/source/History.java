package io.github.devopsassess.source;

import io.github.devopsassess.facts.history.*;
import io.github.devopsassess.facts.history.MinedCommit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 * @param firstDeployment commit id → commit id of the earliest deployment (release tag or deploy marker, see
 *     {@link #deployments}) that contains it
 * @param deployMarkers mainline commits whose subject matches the deploy-marker pattern, oldest first, tagged or not
 *     (empty when no pattern is configured)
 * @param stats how the history was obtained (mined now or read from the cache)
 * @param involvements committers and the people of review, acknowledgement and co-author trailers of every commit
 *     (merges included), newest first, after {@code .mailmap}; read from the commits on every run, never cached
 */
public record History(String head, List<MinedCommit> commits, List<Merge> merges, List<Tag> tags, boolean shallow,
        long truncatedAt, Set<String> mainline, Map<String, String> firstDeployment, List<Deployment> deployMarkers,
        Stats stats, List<Involvement> involvements) {

    public History {
        commits = List.copyOf(commits);
        merges = List.copyOf(merges);
        tags = List.copyOf(tags);
        mainline = Set.copyOf(mainline);
        firstDeployment = Map.copyOf(firstDeployment);
        deployMarkers = List.copyOf(deployMarkers);
        involvements = List.copyOf(involvements);
    }

    /** A history whose commits name nobody besides their authors. */
    public History(String head, List<MinedCommit> commits, List<Merge> merges, List<Tag> tags, boolean shallow,
            long truncatedAt, Set<String> mainline, Map<String, String> firstDeployment, List<Deployment> deployMarkers,
            Stats stats) {
        this(head, commits, merges, tags, shallow, truncatedAt, mainline, firstDeployment, deployMarkers, stats,
                List.of());
    }

    public History(String head, List<MinedCommit> commits, List<Merge> merges, List<Tag> tags, boolean shallow,
            long truncatedAt) {
        this(head, commits, merges, tags, shallow, truncatedAt, Set.of(), Map.of(), List.of(), Stats.NONE, List.of());
    }

    /**
     * The deploy-marker pattern: found anywhere in a commit's subject, case-insensitive.
     *
     * @param regex a Java regular expression, or {@code null} or blank for none
     * @return the pattern, or {@code null} when none is configured
     * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid regular expression
     */
    public static Pattern deployMarkerPattern(String regex) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        return Pattern.compile(regex.trim(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
