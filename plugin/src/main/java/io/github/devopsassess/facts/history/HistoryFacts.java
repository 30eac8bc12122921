package io.github.devopsassess.facts.history;

import io.github.devopsassess.facts.Input;
import java.util.Optional;
import io.github.devopsassess.facts.Facts;

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
 * @param firstDeployment commit id → commit id of the earliest deployment (see {@link #deployments()}) containing it
 * @param releaseTags the glob that marks release tags
 * @param lineCounts true when lines added and removed were mined
 * @param markerCommits mainline commits whose subject matches {@code deployMarkers}, oldest first, tagged or not
 * @param deployMarkers the regular expression over commit subjects that marks deploy commits, or {@code null} when
 *     none is configured
 */
public record HistoryFacts(boolean available, String missingReason, List<AuthoredCommit> commits,
        List<Merge> merges, List<Tag> tags, Map<String, Person> people, List<String> sourceFiles,
        long headTime, boolean shallow, long truncatedAt, Set<String> mainline, Map<String, String> firstDeployment,
        String releaseTags, boolean lineCounts, List<Deployment> markerCommits, String deployMarkers) implements Input {

    public HistoryFacts {
        commits = List.copyOf(commits);
        merges = List.copyOf(merges);
        tags = List.copyOf(tags);
        people = Map.copyOf(people);
        sourceFiles = List.copyOf(sourceFiles);
        mainline = Set.copyOf(mainline);
        firstDeployment = Map.copyOf(firstDeployment);
        markerCommits = List.copyOf(markerCommits);
    }

    public HistoryFacts(boolean available, String missingReason, List<AuthoredCommit> commits,
            List<Merge> merges, List<Tag> tags, Map<String, Person> people, List<String> sourceFiles,
            long headTime, boolean shallow) {
        this(available, missingReason, commits, merges, tags, people, sourceFiles, headTime, shallow, -1, Set.of(),
                Map.of(), "v*", false, List.of(), null);
    }

    /** The history among the facts, or a missing one when the history scanner did not run. */
    public static HistoryFacts in(Facts facts) {
        return facts.find(HistoryFacts.class).orElse(missing("history was not scanned"));
    }

    public static HistoryFacts missing(String reason) {
        return new HistoryFacts(false, reason, List.of(), List.of(), List.of(), Map.of(), List.of(), 0, false);
    }

    /**
     * Deployments, oldest first: release tags (matching {@link #releaseTags()}) and deploy-marker commits, a tagged
     * marker commit once.
     */
    public List<Deployment> deployments() {
        return Deployment.deployments(tags, releaseTags, markerCommits);
    }

    /**
     * Why no deployment was found, naming both ways to mark one, for the not-assessed reason of the delivery checks.
     *
     * @param scope what was searched, e.g. {@code ""} or {@code " in the last 365 days"}
     */
    public String noDeploymentReason(String scope) {
        String tagsPart = "no release tag matches '" + releaseTags + "'";
        String both = deployMarkers == null ? tagsPart + scope + " and no deploy marker is configured"
                : tagsPart + " and no mainline commit subject matches the deploy marker '" + deployMarkers + "'"
                        + scope;
        return both + " (set devops.releaseTags to the team's tag pattern or devops.deployMarkers to a pattern of its"
                + " deploy commit subjects)";
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

    /** Without history (no repository, no commit in the folder) no history check can say anything. */
    @Override
    public Optional<String> unusable() {
        return available ? Optional.empty() : Optional.of(missingReason);
    }
}
