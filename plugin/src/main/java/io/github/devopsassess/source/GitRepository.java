package io.github.devopsassess.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * An open git repository, as the engine uses it: found or opened ({@link GitRepos}), its commits resolved, its trees
 * read ({@link WorkingTree}, {@link CommitTree}) and its history mined ({@link GitHistory}), without any JGit type
 * leaving this package. Open until {@link #close()}.
 */
public final class GitRepository implements AutoCloseable {

    private final Repository repository;

    private GitRepository(Repository repository) {
        this.repository = repository;
    }

    /**
     * Walks up from {@code start} to the first folder holding a repository; empty when there is none. Installs the
     * process-wide JGit settings first ({@link JGitSetup}).
     */
    public static Optional<GitRepository> findUpwards(Path start) throws IOException {
        JGitSetup.installOnce();
        return GitRepos.findUpwards(start).map(GitRepository::new);
    }

    /**
     * Opens a clone (its work tree or its {@code .git} folder) or a bare repository. Installs the process-wide JGit
     * settings first ({@link JGitSetup}).
     *
     * @throws IOException naming the folder when it holds no repository
     */
    public static GitRepository open(Path location) throws IOException {
        JGitSetup.installOnce();
        return new GitRepository(GitRepos.open(location));
    }

    /** Whether any file below {@code subtree} is in the index or HEAD; see {@link GitRepos#tracks}. */
    public boolean tracks(String subtree) throws IOException {
        return GitRepos.tracks(repository, subtree);
    }

    /** The folder of {@code dir} relative to the work tree, "" at the root; empty when outside. */
    public Optional<String> subtreeOf(Path dir) {
        return GitRepos.subtreeOf(repository, dir);
    }

    public boolean bare() {
        return repository.isBare();
    }

    /** The work tree's folder; not for a {@linkplain #bare() bare} repository. */
    public Path workTree() {
        return repository.getWorkTree().toPath();
    }

    /** The repository's own folder ({@code .git}, or the bare repository), for messages. */
    public Path directory() {
        return repository.getDirectory().toPath();
    }

    /**
     * The commit {@code ref} names (a commit id, tag, branch or any revision expression, peeled to a commit).
     *
     * @return empty when nothing by that name exists, or when {@code ref} is not even valid revision syntax
     * @throws IOException when the named commit cannot be read (a damaged or partial clone)
     */
    public Optional<GitCommit> resolve(String ref) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(ref + "^{commit}");
        } catch (RevisionSyntaxException e) {
            return Optional.empty();
        }
        if (id == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return Optional.of(new GitCommit(walk.parseCommit(id)));
        }
    }

    /**
     * The repository's {@code owner/name} on its forge, read from the {@code origin} remote's URL (HTTPS or SSH, with
     * or without {@code .git}); empty without such a remote.
     */
    public java.util.Optional<String> originName() {
        String url = repository.getConfig().getString("remote", "origin", "url");
        return nameOf(url);
    }

    /** {@code git@github.com:acme/shop.git}, {@code https://gitlab.com/acme/team/shop} → the path after the host. */
    static java.util.Optional<String> nameOf(String url) {
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^(?:[a-z+]+://(?:[^@/]+@)?[^/:]+(?::\\d+)?/|[^@/:]+@[^:/]+:)([^\\s]+?)(?:\\.git)?/?$")
                .matcher(url.trim());
        if (!m.matches() || !m.group(1).contains("/")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(m.group(1));
    }

    /** The checked-out branch's short name; {@code null} on a detached HEAD. */
    public String currentBranch() throws IOException {
        String full = repository.getFullBranch();
        if (full == null) {
            return null;
        }
        return full.startsWith("refs/heads/") ? full.substring("refs/heads/".length()) : null;
    }

    /** The files on disk below {@code subtree}, without those the repository ignores. */
    public RepoTree workingTree(String subtree, long maxFileSize) {
        return new WorkingTree(workTree(), subtree, maxFileSize, repository);
    }

    /** The files of {@code commit} below {@code subtree}, read from the object database without a checkout. */
    public RepoTree tree(GitCommit commit, String subtree, long maxFileSize) {
        return new CommitTree(repository, commit.revCommit(), subtree, maxFileSize);
    }

    /**
     * Mines the history reachable from {@code head}; see {@link GitHistory#mine}.
     *
     * @param progress receives "mined done / total" lines during long mining
     */
    public History mine(GitCommit head, String subtree, Mailmap mailmap, GitHistory.Options options,
            Consumer<String> progress) throws IOException {
        return mine(head, subtree, mailmap, options, LineScope.ALL, progress);
    }

    /**
     * Mines the history reachable from {@code head}, counting lines only for the files the scope names; see
     * {@link GitHistory#mine(org.eclipse.jgit.lib.ObjectId, String, LineScope)}.
     */
    public History mine(GitCommit head, String subtree, Mailmap mailmap, GitHistory.Options options,
            LineScope lines, Consumer<String> progress) throws IOException {
        return new GitHistory(repository, mailmap, options, progress).mine(head.revCommit(), subtree, lines);
    }

    /**
     * The origins of lines of files at {@code commit} ({@code git blame}, one per file, bounded): see
     * {@link LineOrigins}. Valid while this repository is open.
     */
    public LineOrigins lineOrigins(GitCommit commit) throws IOException {
        return new LineOrigins(repository, commit.revCommit());
    }

    /**
     * The newest commit on the first-parent chain from {@code head} (itself included) that was committed at or
     * before {@code time}: the commit the branch pointed at then, as far as the chain can tell.
     *
     * @return {@code null} when every commit of the chain is younger than {@code time}
     * @throws IOException when a commit of the chain cannot be read
     */
    public GitCommit firstParentAt(GitCommit head, long time) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false); // only times and parents are read
            RevCommit c = walk.parseCommit(head.revCommit());
            while (c.getCommitTime() > time) {
                if (c.getParentCount() == 0) {
                    return null;
                }
                c = walk.parseCommit(c.getParent(0));
            }
            return new GitCommit(c);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
