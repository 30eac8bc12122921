package io.github.devopsassess.engine;

import io.github.devopsassess.scan.history.HistoryOptions;
import io.github.devopsassess.source.GitCommit;
import io.github.devopsassess.source.GitHistory;
import io.github.devopsassess.source.GitRepository;
import io.github.devopsassess.source.LineScope;
import io.github.devopsassess.source.History;
import io.github.devopsassess.source.Mailmap;
import io.github.devopsassess.source.RepoTree;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.util.Optional;

/**
 * Decides what is read: an explicit repository at a ref, the project's repository at a ref, the working tree of the
 * project's repository, or a plain folder with no history at all.
 */
final class Sources implements AutoCloseable {

    /** Whether history mining computes line counts: some enabled check needs them, or the user asked. */
    static Sources open(AssessmentRequest request) throws AssessmentException {
        return open(request, true);
    }

    private final GitRepository repository;
    private final RepoTree tree;
    private final History history;
    private final String historyMissing;
    private final GitCommit head;
    private final String commit;
    private final long commitTime;
    private final String refName;
    private final boolean workingTree;

    private Sources(GitRepository repository, RepoTree tree, History history, String historyMissing, GitCommit commit,
            String refName, boolean workingTree) {
        this.repository = repository;
        this.tree = tree;
        this.history = history;
        this.historyMissing = historyMissing;
        this.head = commit;
        this.commit = commit == null ? null : commit.id();
        this.commitTime = commit == null ? 0 : commit.commitTime();
        this.refName = refName;
        this.workingTree = workingTree;
    }

    static Sources open(AssessmentRequest request, boolean lineCountsNeeded) throws AssessmentException {
        return open(request, lineCountsNeeded, 0);
    }

    /**
     * @param lineCountsNeeded an enabled check weighs by lines
     * @param trendPoints the trend's past points (0 for none): their trees are assessed too, so the lines of their
     *     files are counted as well as those of the assessed tree's
     */
    static Sources open(AssessmentRequest request, boolean lineCountsNeeded, int trendPoints)
            throws AssessmentException {
        long maxFile = request.options().maxFileSize();
        GitRepository repo; // its factories install the process-wide JGit settings before the first repository opens
        String subtree;
        try {
            if (request.repository() != null) {
                repo = GitRepository.open(request.repository());
                subtree = "";
            } else {
                Optional<GitRepository> found = GitRepository.findUpwards(request.projectDir());
                if (found.isEmpty()) {
                    return new Sources(null, new WorkingTree(request.projectDir(), "", maxFile), null,
                            "no git repository at or above " + request.projectDir(), null, null, true);
                }
                repo = found.get();
                subtree = repo.subtreeOf(request.projectDir()).orElse("");
                if (!repo.tracks(subtree)) {
                    // A generated or ignored folder (an integration-test project under target/) is not described by
                    // the surrounding repository's history or root files: assess it as a plain folder.
                    String root = String.valueOf(repo.workTree());
                    repo.close();
                    return new Sources(null, new WorkingTree(request.projectDir(), "", maxFile), null,
                            request.projectDir() + " is not tracked by the git repository at " + root, null, null,
                            true);
                }
            }
        } catch (IOException e) {
            throw new AssessmentException("Cannot open the repository: " + e.getMessage(), e);
        }
        try {
            String wanted = request.ref() == null || request.ref().isBlank() ? null : request.ref().trim();
            GitCommit head;
            try {
                head = repo.resolve(wanted == null ? "HEAD" : wanted).orElse(null);
            } catch (IOException damaged) {
                if (wanted != null || repo.bare() || request.repository() != null) {
                    throw damaged;
                }
                // A corrupt or missing HEAD commit (a damaged clone, a partial clone without its objects) must not
                // cost the files on disk their assessment; only the history areas need the object database.
                String reason = "history could not be read: the HEAD commit is damaged (" + damaged.getMessage()
                        + "); run git fsck to repair the clone";
                request.warn().accept("History could not be mined (" + reason + "); history areas are not assessed");
                return new Sources(repo, repo.workingTree(subtree, maxFile), null, reason, null, repo.currentBranch(),
                        true);
            }
            if (wanted != null && head == null) {
                repo.close();
                throw new AssessmentException("Cannot resolve devops.ref '" + wanted + "' in " + repo.directory()
                        + ": it is neither a commit, a tag nor a branch");
            }
            String refName = wanted != null ? wanted : repo.currentBranch();
            boolean useWorkingTree = wanted == null && !repo.bare() && request.repository() == null;
            RepoTree tree;
            if (useWorkingTree) {
                tree = repo.workingTree(subtree, maxFile);
            } else if (head != null) {
                tree = repo.tree(head, subtree, maxFile);
            } else {
                repo.close();
                throw new AssessmentException("The repository " + repo.directory() + " has no commits to assess");
            }
            if (head == null) {
                return new Sources(repo, tree, null, "the repository has no commits yet", null, refName, true);
            }
            Mailmap mailmap = readMailmap(repo.tree(head, "", maxFile));
            HistoryOptions h = request.options().history();
            GitHistory.Options options = new GitHistory.Options(request.options().mineLineCounts(lineCountsNeeded),
                    true, 1024 * 1024, h.threads(), h.releaseTags(), h.cacheFolder())
                    .withDeployMarkers(h.deployMarkers());
            long start = System.nanoTime();
            History history;
            try {
                history = repo.mine(head, subtree, mailmap, options, lineScope(request, repo, tree, trendPoints),
                        request.info());
            } catch (IOException | RuntimeException e) {
                request.warn().accept("History could not be mined (" + e.getMessage()
                        + "); history areas are not assessed");
                return new Sources(repo, tree, null, "history could not be read: " + e.getMessage(), head, refName,
                        useWorkingTree);
            }
            if (history.stats().cacheNote() != null) {
                request.warn().accept("History cache: " + history.stats().cacheNote());
            }
            request.info().accept(String.format(java.util.Locale.ROOT, "History: mined %d new commits (%d from cache)"
                    + " in %.1f s%s", history.stats().mined(), history.stats().fromCache(),
                    (System.nanoTime() - start) / 1e9, options.lineCounts() ? ", with line counts" : ""));
            return new Sources(repo, tree, history, null, head, refName, useWorkingTree);
        } catch (IOException e) {
            repo.close();
            throw new AssessmentException("Cannot read the repository " + repo.directory() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The files whose lines the checks read: those of the assessed tree and of the trend's trees, followed back
     * through renames by the miner. {@code devops.lineCounts=true} counts every file's lines, as before this scope.
     */
    private static LineScope lineScope(AssessmentRequest request, GitRepository repo, RepoTree tree,
            int trendPoints) {
        if (request.options().history().lineCounts() == HistoryOptions.LineCounts.ALWAYS) {
            return LineScope.ALL;
        }
        return new LineScope() {
            @Override
            public java.util.Collection<String> liveFiles() {
                return tree.files();
            }

            @Override
            public java.util.Collection<GitCommit> pastCommits(GitCommit head, long oldestTime) throws IOException {
                return TrendAssessor.pastCommits(repo, head, oldestTime, trendPoints);
            }
        };
    }

    private static Mailmap readMailmap(RepoTree root) {
        RepoTree.TextRead read = root.readText(".mailmap");
        return read.ok() ? Mailmap.parse(read.text()) : Mailmap.empty();
    }

    RepoTree tree() {
        return tree;
    }

    History history() {
        return history;
    }

    String historyMissing() {
        return historyMissing;
    }

    /** The repository, or {@code null} for a plain folder; open until {@link #close()}. */
    GitRepository repository() {
        return repository;
    }

    /** The assessed commit (HEAD under a working tree), or {@code null}. */
    GitCommit head() {
        return head;
    }

    String commit() {
        return commit;
    }

    long commitTime() {
        return commitTime;
    }

    String refName() {
        return refName;
    }

    boolean workingTree() {
        return workingTree;
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
