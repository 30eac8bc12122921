package io.github.devopsassess.scan;

import io.github.devopsassess.source.History;
import io.github.devopsassess.source.RepoTree;

import java.util.function.Consumer;

/**
 * What a scanner may read.
 *
 * @param tree the files of the assessed commit or working tree
 * @param history mined history, or {@code null} when there is none (then {@code historyMissing} says why)
 * @param historyMissing why there is no history ("no git repository found above /x"), or {@code null}
 * @param options scanner settings
 * @param log progress and warnings for the build log
 */
public record ScanContext(RepoTree tree, History history, String historyMissing, ScanOptions options,
        Consumer<String> log) {
}
