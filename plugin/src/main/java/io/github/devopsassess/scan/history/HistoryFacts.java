package io.github.devopsassess.scan.history;

import io.github.devopsassess.source.History;

import java.util.List;
import java.util.Map;

/**
 * What git history says about the assessed subtree.
 *
 * @param available false when there is no usable history; {@code missingReason} says why
 * @param missingReason why history is missing, or {@code null}
 * @param commits non-merge commits touching the subtree, oldest first
 * @param merges merge commits, oldest first
 * @param tags tags with the commit they point at
 * @param people everyone who authored a commit, by key
 * @param sourceFiles files of the current tree that count as source (documentation, vendored, generated and binary
 *     files left out), for authorship analyses
 * @param headTime commit time of the assessed commit, epoch seconds; the "now" of every time window
 * @param shallow true when the clone is shallow and history is truncated
 */
public record HistoryFacts(boolean available, String missingReason, List<AuthoredCommit> commits,
        List<History.Merge> merges, List<History.Tag> tags, Map<String, Person> people, List<String> sourceFiles,
        long headTime, boolean shallow) {

    public HistoryFacts {
        commits = List.copyOf(commits);
        merges = List.copyOf(merges);
        tags = List.copyOf(tags);
        people = Map.copyOf(people);
        sourceFiles = List.copyOf(sourceFiles);
    }

    public static HistoryFacts missing(String reason) {
        return new HistoryFacts(false, reason, List.of(), List.of(), List.of(), Map.of(), List.of(), 0, false);
    }
}
