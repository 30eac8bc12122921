package io.github.devopsassess.source;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * Which files' lines added and removed an assessment reads, so that mining counts lines only there. The checks that
 * weigh by lines read them only for files of an assessed tree (the files' histories, following renames, and the
 * changes of files that CODEOWNERS assigns): the tree assessed now and the trees of the trend's past points. Every
 * other touch keeps its tree diff (who changed which file, renames) and leaves its lines uncounted, which is most of
 * the cost of mining a long history. The facts the checks read are the same as with every line counted.
 */
public interface LineScope {

    /** Every touch's lines are counted. */
    LineScope ALL = new LineScope() {
        @Override
        public boolean all() {
            return true;
        }

        @Override
        public Collection<String> liveFiles() {
            return List.of();
        }

        @Override
        public Collection<GitCommit> pastCommits(GitCommit head, long oldestTime) {
            return List.of();
        }
    };

    /** True when every touch is counted, whatever the trees. */
    default boolean all() {
        return false;
    }

    /** Files assessed besides those of the head commit's tree (a working tree may differ from its commit). */
    Collection<String> liveFiles();

    /**
     * The commits whose trees are assessed besides the head (the trend's points), chosen as the trend chooses them.
     *
     * @param oldestTime the oldest commit time of the mined history (non-merge commits that touch a file, merges)
     * @return the commits, or {@code null} when every touch must be counted
     */
    Collection<GitCommit> pastCommits(GitCommit head, long oldestTime) throws IOException;
}
