package io.github.devopsassess.source;

import org.eclipse.jgit.revwalk.RevCommit;

/**
 * One commit of a {@link GitRepository}, as the engine sees it: its id and its commit time. The JGit commit behind
 * it stays inside this package.
 */
public final class GitCommit {

    private final RevCommit commit;

    GitCommit(RevCommit commit) {
        this.commit = commit;
    }

    /** The commit's full id, 40 hex digits. */
    public String id() {
        return commit.name();
    }

    /** The committer time, seconds since the epoch. */
    public long commitTime() {
        return commit.getCommitTime();
    }

    RevCommit revCommit() {
        return commit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GitCommit other && id().equals(other.id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return id();
    }
}
