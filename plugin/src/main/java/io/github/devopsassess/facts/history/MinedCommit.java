package io.github.devopsassess.facts.history;

import java.util.List;

/**
 * A non-merge commit as mined from history.
 *
 * @param id full commit id
 * @param authorName author name after {@code .mailmap}
 * @param authorEmail author e-mail after {@code .mailmap}
 * @param authorTime author time, seconds since the epoch
 * @param commitTime committer time, seconds since the epoch
 * @param parents number of parents (0 for a root commit)
 * @param subject first line of the message
 * @param trailers lower-cased names of trailers such as "reviewed-by" found at the end of the message
 * @param files files changed inside the assessed subtree
 * @param reverts the commit id named by "This reverts commit …" in the message, or {@code null}
 */
public record MinedCommit(String id, String authorName, String authorEmail, long authorTime, long commitTime,
        int parents, String subject, List<String> trailers, List<FileTouch> files, String reverts) {

    public MinedCommit {
        trailers = List.copyOf(trailers);
        files = List.copyOf(files);
    }

    /** A commit that reverts nothing. */
    public MinedCommit(String id, String authorName, String authorEmail, long authorTime, long commitTime,
            int parents, String subject, List<String> trailers, List<FileTouch> files) {
        this(id, authorName, authorEmail, authorTime, commitTime, parents, subject, trailers, files, null);
    }

    /** The same commit attributed to another name and e-mail (after {@code .mailmap}). */
    public MinedCommit withAuthor(String name, String email) {
        return new MinedCommit(id, name, email, authorTime, commitTime, parents, subject, trailers, files, reverts);
    }
}
