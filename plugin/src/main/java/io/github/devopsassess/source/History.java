package io.github.devopsassess.source;

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
 */
public record History(String head, List<MinedCommit> commits, List<Merge> merges, List<Tag> tags, boolean shallow,
        long truncatedAt, Set<String> mainline, Map<String, String> firstDeployment, List<Deployment> deployMarkers,
        Stats stats) {

    public History {
        commits = List.copyOf(commits);
        merges = List.copyOf(merges);
        tags = List.copyOf(tags);
        mainline = Set.copyOf(mainline);
        firstDeployment = Map.copyOf(firstDeployment);
        deployMarkers = List.copyOf(deployMarkers);
    }

    public History(String head, List<MinedCommit> commits, List<Merge> merges, List<Tag> tags, boolean shallow,
            long truncatedAt) {
        this(head, commits, merges, tags, shallow, truncatedAt, Set.of(), Map.of(), List.of(), Stats.NONE);
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
     * Every deployment, oldest first (then by name): each release tag, and each deploy-marker commit that no release
     * tag points at. A tagged marker commit is one deployment, named by its tag, so it is not counted twice; two
     * release tags on one commit stay two releases, as they always were.
     */
    public static List<Deployment> deployments(List<Tag> tags, String releaseGlob, List<Deployment> markers) {
        List<Deployment> out = new ArrayList<>();
        Set<String> tagged = new HashSet<>();
        for (Tag t : tags) {
            if (isRelease(t.name(), releaseGlob)) {
                out.add(new Deployment(t.name(), t.commit(), t.commitTime(), Deployment.Kind.TAG));
                tagged.add(t.commit());
            }
        }
        for (Deployment m : markers) {
            if (!tagged.contains(m.commit())) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingLong(Deployment::commitTime).thenComparing(Deployment::name)
                .thenComparing(Deployment::commit));
        return out;
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
     * A deployment: a release tag, or a deploy-marker commit on the mainline.
     *
     * @param name the tag name, or the marker commit's subject
     * @param commit id of the deployed commit (the tagged commit, or the marker commit itself)
     * @param commitTime commit time of that commit, epoch seconds
     * @param kind what marked the deployment
     */
    public record Deployment(String name, String commit, long commitTime, Kind kind) {

        /** What marked a deployment. */
        public enum Kind {
            /** A tag matching the release-tag glob. */
            TAG,
            /** A mainline commit whose subject matches the deploy-marker pattern. */
            MARKER
        }
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
