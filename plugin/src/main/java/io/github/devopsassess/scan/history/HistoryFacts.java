package io.github.devopsassess.scan.history;

import io.github.devopsassess.source.History;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What git history says about the assessed subtree.
 *
 * @param available false when there is no usable history; {@code missingReason} says why
 * @param missingReason why history is missing, or {@code null}
 * @param commits non-merge commits touching the subtree, oldest first
 * @param merges merge commits, oldest first
 * @param tags tags with the commit they point at
 * @param people everyone who authored or merged a commit, by key
 * @param sourceFiles files of the current tree that count as source (documentation, vendored, generated and binary
 *     files left out), for authorship analyses
 * @param headTime commit time of the assessed commit, epoch seconds; the "now" of every time window
 * @param shallow true when the clone is shallow and history is truncated
 * @param truncatedAt when shallow, epoch seconds of the oldest commit seen, else -1
 * @param mainline ids of the commits on the first-parent chain of the assessed commit; a non-merge commit not on it
 *     reached the branch through a merge
 * @param firstRelease commit id → the earliest release tag containing it
 * @param releaseTags the glob that marks release tags
 * @param lineCounts true when lines added and removed were mined
 */
public record HistoryFacts(boolean available, String missingReason, List<AuthoredCommit> commits,
        List<History.Merge> merges, List<History.Tag> tags, Map<String, Person> people, List<String> sourceFiles,
        long headTime, boolean shallow, long truncatedAt, Set<String> mainline, Map<String, String> firstRelease,
        String releaseTags, boolean lineCounts) {

    public HistoryFacts {
        commits = List.copyOf(commits);
        merges = List.copyOf(merges);
        tags = List.copyOf(tags);
        people = Map.copyOf(people);
        sourceFiles = List.copyOf(sourceFiles);
        mainline = Set.copyOf(mainline);
        firstRelease = Map.copyOf(firstRelease);
    }

    public HistoryFacts(boolean available, String missingReason, List<AuthoredCommit> commits,
            List<History.Merge> merges, List<History.Tag> tags, Map<String, Person> people, List<String> sourceFiles,
            long headTime, boolean shallow) {
        this(available, missingReason, commits, merges, tags, people, sourceFiles, headTime, shallow, -1, Set.of(),
                Map.of(), "v*", false);
    }

    public static HistoryFacts missing(String reason) {
        return new HistoryFacts(false, reason, List.of(), List.of(), List.of(), Map.of(), List.of(), 0, false);
    }

    /** Release tags (matching {@link #releaseTags()}), oldest first. */
    public List<History.Tag> releases() {
        return tags.stream().filter(t -> History.isRelease(t.name(), releaseTags))
                .sorted(java.util.Comparator.comparingLong(History.Tag::commitTime).thenComparing(History.Tag::name))
                .toList();
    }

    /**
     * Appended to the summary of every history check on a shallow clone: the figures are computed on part of the
     * history, so they are low-confidence rather than wrong.
     */
    public String confidenceNote() {
        if (!shallow) {
            return "";
        }
        return "; low confidence: history truncated at " + (truncatedAt < 0 ? "an unknown date"
                : DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochSecond(truncatedAt).atOffset(ZoneOffset.UTC)));
    }
}
