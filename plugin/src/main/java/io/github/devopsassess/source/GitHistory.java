package io.github.devopsassess.source;

import io.github.devopsassess.facts.history.Deployment;
import io.github.devopsassess.facts.history.Tag;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.Involvement;
import io.github.devopsassess.facts.history.MinedCommit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Mines history with JGit. Commits are walked once; the facts of each non-merge commit (files touched, optionally
 * lines added and removed) come from the on-disk {@link HistoryCache} when it knows the commit, else from a
 * {@link CommitMiner}, in parallel workers when the history is large. The result does not depend on the number of
 * workers or on the cache.
 */
public final class GitHistory {

    /** Below this many commits to mine, one worker is as fast as several (thread start-up, cold caches). */
    static final int PARALLEL_MINIMUM = 4000;
    private static final int BATCH = 128;

    /**
     * @param lineCounts compute lines added and removed (costs a content diff per changed file); without them only
     *     tree diffs are read
     * @param renames follow renames and copies so a renamed file keeps its authorship
     * @param maxBlobSize blobs larger than this are not diffed (their lines count as -1)
     * @param threads mining workers: 0 chooses by the number of cores and the size of the history (one per core, at
     *     most four, from 4000 commits), 1 mines on the calling thread
     * @param releaseTags glob over tag names marking releases ({@code *} and {@code ?}), e.g. {@code v*}
     * @param cacheFolder folder of the per-commit facts cache, or {@code null} for none
     * @param deployMarkers regular expression over commit subjects marking mainline deploy commits (see
     *     {@link History#deployMarkerPattern}), or {@code null} for none
     */
    public record Options(boolean lineCounts, boolean renames, long maxBlobSize, int threads, String releaseTags,
            Path cacheFolder, String deployMarkers) {
        public static final Options DEFAULT = new Options(true, true, 1024 * 1024, 0, "v*", null);

        public Options(boolean lineCounts, boolean renames, long maxBlobSize) {
            this(lineCounts, renames, maxBlobSize, 0, "v*", null);
        }

        public Options(boolean lineCounts, boolean renames, long maxBlobSize, int threads, String releaseTags,
                Path cacheFolder) {
            this(lineCounts, renames, maxBlobSize, threads, releaseTags, cacheFolder, null);
        }

        public Options withThreads(int n) {
            return new Options(lineCounts, renames, maxBlobSize, n, releaseTags, cacheFolder, deployMarkers);
        }

        public Options withCache(Path folder) {
            return new Options(lineCounts, renames, maxBlobSize, threads, releaseTags, folder, deployMarkers);
        }

        public Options withDeployMarkers(String regex) {
            return new Options(lineCounts, renames, maxBlobSize, threads, releaseTags, cacheFolder, regex);
        }

        /**
         * What the cached facts depend on: a cache written with other options is not used. Release tags and deploy
         * markers are left out on purpose: they are read from refs and subjects on every run and change no
         * per-commit fact, so changing them must not throw the cache away.
         */
        String fingerprint(String subtree) {
            return "lineCounts=" + lineCounts + ";renames=" + renames + ";maxBlobSize=" + maxBlobSize + ";subtree="
                    + subtree;
        }
    }

    private static final Pattern TRAILER = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*):\\s+\\S.*$");
    private static final Pattern REVERTS = Pattern.compile("This reverts commit ([0-9a-fA-F]{7,40})");

    private final Repository repository;
    private final Mailmap mailmap;
    private final Options options;
    private final Consumer<String> progress;
    /** Lines counted file by file ({@link #countInPathOrder}); false only to compare with commit order in tests. */
    private final boolean pathOrder;

    public GitHistory(Repository repository, Mailmap mailmap, Options options) {
        this(repository, mailmap, options, s -> { });
    }

    /** @param progress receives "mined done / total" lines during long mining */
    public GitHistory(Repository repository, Mailmap mailmap, Options options, Consumer<String> progress) {
        this(repository, mailmap, options, progress, true);
    }

    private GitHistory(Repository repository, Mailmap mailmap, Options options, Consumer<String> progress,
            boolean pathOrder) {
        this.repository = repository;
        this.mailmap = mailmap;
        this.options = options;
        this.progress = progress;
        this.pathOrder = pathOrder;
    }

    /** The same miner counting lines commit by commit, as before lines were counted file by file (for tests). */
    GitHistory countingInCommitOrder() {
        return new GitHistory(repository, mailmap, options, progress, false);
    }

    /**
     * @param head the commit to mine from
     * @param subtree only changes below this folder are kept ("" for all)
     */
    public History mine(ObjectId head, String subtree) throws IOException {
        return mine(head, subtree, LineScope.ALL);
    }

    /**
     * @param head the commit to mine from
     * @param subtree only changes below this folder are kept ("" for all)
     * @param scope the files whose lines are counted (when the options count lines)
     */
    public History mine(ObjectId head, String subtree, LineScope scope) throws IOException {
        String fingerprint = options.fingerprint(subtree);
        Path cacheFile = options.cacheFolder() == null ? null
                : HistoryCache.fileFor(options.cacheFolder(), repository.getDirectory().getAbsolutePath(),
                        fingerprint);
        HistoryCache.Loaded cached = cacheFile == null ? new HistoryCache.Loaded(Map.of(), null)
                : HistoryCache.read(cacheFile, fingerprint);

        Set<ObjectId> shallowCommits = repository.getObjectDatabase().getShallowCommits();
        List<RevCommit> nonMerges = new ArrayList<>();
        List<Merge> merges = new ArrayList<>();
        List<Involvement> involvements = new ArrayList<>();
        List<RevCommit> firstParents = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        // one walk for the whole run: the deployments below reuse the commits it has parsed
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit start = walk.parseCommit(head);
            walk.markStart(start);
            for (RevCommit c : walk) {
                oldest = Math.min(oldest, c.getCommitTime());
                involvements(c, involvements);
                if (c.getParentCount() > 1) {
                    // a merge's people are mapped as a commit's are: .mailmap names one person under one identity
                    String[] author = mailmap.map(c.getAuthorIdent().getName(), c.getAuthorIdent().getEmailAddress());
                    String[] committer = mailmap.map(c.getCommitterIdent().getName(),
                            c.getCommitterIdent().getEmailAddress());
                    merges.add(new Merge(c.name(), author[0], author[1], committer[0], committer[1],
                            c.getCommitTime(), c.getShortMessage()));
                } else if (!shallowCommits.contains(c)) {
                    // a shallow boundary commit has no parent here: diffing it against nothing would credit its
                    // author with creating every file, so it is left out (history is reported as truncated)
                    nonMerges.add(c);
                }
            }
            for (RevCommit c = start; c != null; c = c.getParentCount() == 0 ? null : c.getParent(0)) {
                firstParents.add(c);
            }
            Set<String> mainline = new HashSet<>();
            firstParents.forEach(c -> mainline.add(c.name()));

            List<RevCommit> toMine = new ArrayList<>();
            for (RevCommit c : nonMerges) {
                if (!cached.commits().containsKey(c.name())) {
                    toMine.add(c);
                }
            }
            Map<String, MinedCommit> fresh = options.lineCounts()
                    ? mineInScope(start, nonMerges, merges, toMine, cached.commits(), subtree, scope)
                    : mineAll(toMine, subtree);
            int mined = fresh.size();

            List<MinedCommit> commits = new ArrayList<>();
            Map<String, MinedCommit> keep = new LinkedHashMap<>();
            Map<String, String> paths = new HashMap<>();
            for (RevCommit rc : nonMerges) {
                MinedCommit raw = fresh.get(rc.name());
                raw = raw == null ? cached.commits().get(rc.name()) : raw;
                keep.put(raw.id(), raw); // as mined: the cache remembers which lines were left uncounted
                if (!raw.files().isEmpty()) {
                    MinedCommit shared = sharePaths(raw, paths);
                    String[] mapped = mailmap.map(shared.authorName(), shared.authorEmail());
                    commits.add(shared.withAuthor(mapped[0], mapped[1]));
                }
            }
            String cacheNote = cached.problem();
            if (cacheFile != null && (mined > 0 || keep.size() != cached.commits().size())) {
                try {
                    HistoryCache.write(cacheFile, fingerprint, keep.values());
                } catch (IOException e) {
                    cacheNote = "the history cache " + cacheFile + " could not be written (" + e.getMessage() + ")";
                }
            }
            boolean shallow = !shallowCommits.isEmpty();
            History.Stats stats = new History.Stats(mined, nonMerges.size() - mined, cacheNote);
            List<Tag> tags = tags();
            List<Deployment> markers = deployMarkers(firstParents);
            return new History(head.name(), commits, merges, tags, shallow, shallow ? oldest : -1, mainline,
                    firstDeployment(walk, Deployment.deployments(tags, options.releaseTags(), markers)), markers, stats,
                    involvements);
        }
    }

    /**
     * Mines line counts only where the scope needs them. First every new commit's tree diff (cheap: trees only, the
     * blob ids kept); then the paths whose lines are read: the files of the head's tree, of the scope's other trees
     * and its live files, and every earlier name of those files (renames followed back, by name, through the whole
     * history, so that a file's history keeps the lines of its former names), or every path for {@link LineScope#ALL};
     * then the lines of the touches of those paths, file by file ({@link #countInPathOrder}). A cached commit that
     * left uncounted a touch now needed (the tree moved on) is mined again.
     *
     * @return the mined commits by id, cached ones mined again included
     */
    private Map<String, MinedCommit> mineInScope(RevCommit head, List<RevCommit> nonMerges, List<Merge> merges,
            List<RevCommit> toMine, Map<String, MinedCommit> cached, String subtree, LineScope scope)
            throws IOException {
        MiningProgress meter = new MiningProgress(progress, toMine.size());
        AtomicInteger missing = new AtomicInteger();
        CommitMiner.Diffed[] diffed = new CommitMiner.Diffed[toMine.size()];
        forEach(toMine.size(), subtree, meter, missing, (miner, i) -> diffed[i] = miner.diff(toMine.get(i)));
        Map<String, List<FileTouch>> touches = new HashMap<>(nonMerges.size() * 2);
        for (int i = 0; i < diffed.length; i++) {
            touches.put(toMine.get(i).name(), diffed[i].files());
        }
        for (RevCommit c : nonMerges) {
            touches.computeIfAbsent(c.name(), id -> cached.get(id).files());
        }
        long oldest = Long.MAX_VALUE;
        for (RevCommit c : nonMerges) {
            if (!touches.get(c.name()).isEmpty()) {
                oldest = Math.min(oldest, c.getCommitTime());
            }
        }
        for (Merge m : merges) {
            oldest = Math.min(oldest, m.commitTime());
        }
        Collection<GitCommit> past = scope.all() ? null
                : scope.pastCommits(new GitCommit(head), oldest == Long.MAX_VALUE ? 0 : oldest);
        Set<String> counted = past == null ? null : countedPaths(head, past, scope.liveFiles(), subtree, nonMerges,
                touches);
        Predicate<String> needed = counted == null ? p -> true : counted::contains;

        // cached commits that left a needed touch uncounted are mined again, after the new ones
        List<RevCommit> again = new ArrayList<>();
        for (RevCommit c : nonMerges) {
            MinedCommit old = cached.get(c.name());
            if (old != null && old.files().stream().anyMatch(t -> t.added() == CommitMiner.NOT_COUNTED
                    && needed.test(t.path()))) {
                again.add(c);
            }
        }
        List<RevCommit> all = new ArrayList<>(toMine);
        all.addAll(again);
        CommitMiner.Diffed[] every = java.util.Arrays.copyOf(diffed, all.size());
        MinedCommit[] out = new MinedCommit[all.size()];
        if (pathOrder) {
            // the commits mined again were read from the cache: their tree diffs (blob ids) are read now
            forEach(again.size(), subtree, new MiningProgress(progress, again.size()), missing,
                    (miner, k) -> every[toMine.size() + k] = miner.diff(all.get(toMine.size() + k)));
            int[][][] lines = countInPathOrder(every, needed, subtree, missing);
            for (int i = 0; i < out.length; i++) {
                out[i] = raw(all.get(i), CommitMiner.withLines(every[i], lines[i]));
            }
        } else {
            MiningProgress counting = new MiningProgress(progress, all.size());
            forEach(all.size(), subtree, counting, missing, (miner, i) -> {
                RevCommit c = all.get(i);
                CommitMiner.Diffed d = every[i] != null ? every[i] : miner.diff(c);
                out[i] = raw(c, miner.count(d, needed));
            });
        }
        reportMissing(missing);
        Map<String, MinedCommit> byId = new HashMap<>(out.length * 2);
        for (MinedCommit c : out) {
            byId.put(c.id(), c);
        }
        return byId;
    }

    /**
     * Counts the lines of the needed touches file by file instead of commit by commit: every change of one path, newest
     * first, then the next path. A file's versions are stored as delta chains against each other in the pack, so
     * reading them one after the other finds each version's base in the reader's delta base cache and the previous
     * version in the miner's blob cache (the old version of one change is the new version of the next one read);
     * reading them commit by commit, as they come in history, resolved most chains from their full base again. Each
     * touch's count depends only on its two blobs, so the counts are those of commit order.
     *
     * @return per commit, per touch (in the diff's order): lines added and removed, {@code null} for a touch left
     *     uncounted
     */
    private int[][][] countInPathOrder(CommitMiner.Diffed[] diffs, Predicate<String> needed, String subtree,
            AtomicInteger missing) throws IOException {
        int[][][] lines = new int[diffs.length][][];
        int jobs = 0;
        for (int i = 0; i < diffs.length; i++) {
            lines[i] = new int[diffs[i].files().size()][];
            for (FileTouch t : diffs[i].files()) {
                jobs += needed.test(t.path()) ? 1 : 0;
            }
        }
        // a job is (commit index, touch index) packed in a long; sorted by path, then commit (newest first)
        long[] packed = new long[jobs];
        int n = 0;
        for (int i = 0; i < diffs.length; i++) {
            List<FileTouch> files = diffs[i].files();
            for (int j = 0; j < files.size(); j++) {
                if (needed.test(files.get(j).path())) {
                    packed[n++] = ((long) i << 32) | j;
                }
            }
        }
        Long[] order = new Long[jobs];
        for (int k = 0; k < jobs; k++) {
            order[k] = packed[k];
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparing((Long job) -> diffs[(int) (job >>> 32)].files()
                .get((int) (long) job).path()).thenComparingLong(job -> job));
        MiningProgress meter = new MiningProgress(progress, jobs, "counted the lines of %d / %d changes");
        forEach(jobs, subtree, meter, missing, (miner, k) -> {
            long job = order[k];
            int i = (int) (job >>> 32);
            int j = (int) job;
            lines[i][j] = miner.lines(diffs[i], j);
        });
        return lines;
    }

    /**
     * The paths whose lines are read: the files of the head's tree and of the past commits' trees below the subtree,
     * the live files, and, through renames anywhere in the history, every former name of one of them.
     */
    private Set<String> countedPaths(RevCommit head, Collection<GitCommit> past, Collection<String> liveFiles,
            String subtree, List<RevCommit> nonMerges, Map<String, List<FileTouch>> touches) throws IOException {
        Set<String> counted = new HashSet<>(liveFiles);
        List<RevCommit> trees = new ArrayList<>();
        trees.add(head);
        past.forEach(c -> trees.add(c.revCommit()));
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(walk.getObjectReader())) {
            for (RevCommit c : trees) {
                tree.reset(walk.parseCommit(c).getTree());
                tree.setRecursive(true);
                tree.setFilter(subtree.isEmpty() ? TreeFilter.ALL : PathFilter.create(subtree));
                while (tree.next()) {
                    counted.add(tree.getPathString());
                }
            }
        }
        boolean grew = true;
        while (grew) { // renames chain (a → b → c) in any order of the list: until nothing is added
            grew = false;
            for (RevCommit c : nonMerges) {
                for (FileTouch t : touches.get(c.name())) {
                    if (t.kind() == 'R' && counted.contains(t.path()) && counted.add(t.oldPath())) {
                        grew = true;
                    }
                }
            }
        }
        return counted;
    }

    /**
     * The commit with each path replaced by the one instance of that path in this history. Every check replays the
     * history through maps keyed by path; with one instance per path a lookup ends at the identity test instead of
     * comparing two long paths character by character, which was a sixth of the trend's time on spring-boot.
     */
    private static MinedCommit sharePaths(MinedCommit c, Map<String, String> paths) {
        List<FileTouch> files = c.files();
        List<FileTouch> shared = null;
        for (int i = 0; i < files.size(); i++) {
            FileTouch t = files.get(i);
            String path = paths.computeIfAbsent(t.path(), p -> p);
            String oldPath = t.oldPath() == null ? null : paths.computeIfAbsent(t.oldPath(), p -> p);
            boolean uncounted = t.added() == CommitMiner.NOT_COUNTED;
            if (shared == null && (path != t.path() || oldPath != t.oldPath() || uncounted)) {
                shared = new ArrayList<>(files.subList(0, i));
            }
            if (shared != null) {
                // the facts know one "unknown": lines left uncounted read as unknown, like those of a binary file
                shared.add(new FileTouch(path, oldPath, t.kind(), uncounted ? -1 : t.added(),
                        uncounted ? -1 : t.removed()));
            }
        }
        return shared == null ? c : new MinedCommit(c.id(), c.authorName(), c.authorEmail(), c.authorTime(),
                c.commitTime(), c.parents(), c.subject(), c.trailers(), shared, c.reverts());
    }

    /** Mines the given commits (newest first), on one or several workers; returns them by id. */
    private Map<String, MinedCommit> mineAll(List<RevCommit> toMine, String subtree) throws IOException {
        MiningProgress meter = new MiningProgress(progress, toMine.size());
        MinedCommit[] out = new MinedCommit[toMine.size()];
        AtomicInteger missing = new AtomicInteger();
        forEach(out.length, subtree, meter, missing, (miner, i) -> out[i] = raw(toMine.get(i),
                miner.touches(toMine.get(i))));
        reportMissing(missing);
        Map<String, MinedCommit> byId = new HashMap<>(out.length * 2);
        for (MinedCommit c : out) {
            byId.put(c.id(), c);
        }
        return byId;
    }

    private void reportMissing(AtomicInteger missing) {
        if (missing.get() > 0) {
            progress.accept("History: " + missing.get() + (missing.get() == 1 ? " file version is"
                    : " file versions are") + " not in this clone (a partial clone?):"
                    + " their line counts and renames are unknown; a full clone gives complete figures");
        }
    }

    /** One piece of mining work: commit {@code i} of a list, with the worker's miner. */
    private interface Task {
        void run(CommitMiner miner, int i) throws IOException;
    }

    /** Runs the task for 0 … n-1 on the calling thread or on workers, as {@link #workers} chooses. */
    private void forEach(int n, String subtree, MiningProgress meter, AtomicInteger missing, Task task)
            throws IOException {
        int workers = workers(n);
        if (workers <= 1) {
            try (CommitMiner miner = new CommitMiner(repository, options, subtree, missing)) {
                for (int i = 0; i < n; i++) {
                    task.run(miner, i);
                    meter.advance();
                }
            }
        } else {
            inParallel(n, subtree, workers, meter, missing, task);
        }
    }

    private int workers(int commits) {
        if (options.threads() > 0) {
            return options.threads();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        // measured with bench/run.sh on 2 cores: a second worker mined spring-boot (41.6k commits) in 8.4 s instead of
        // 9.5 s without line counts and 18.2 s instead of 25.2 s with them, netty (13.6k) with line counts in 8.1 s
        // instead of 8.9 s and its file touches equally fast; a small history gains nothing (threads, cold caches)
        return cores >= 2 && commits >= PARALLEL_MINIMUM ? Math.min(cores, 4) : 1;
    }

    /**
     * Each worker owns its reader, walks and rename detector (none of them is thread-safe) and takes batches of the
     * precomputed commit list; results land at the commit's index, so the order is that of the single-threaded path.
     */
    private void inParallel(int n, String subtree, int workers, MiningProgress meter, AtomicInteger missing,
            Task task) throws IOException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "devops-history-miner");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    try (CommitMiner miner = new CommitMiner(repository, options, subtree, missing)) {
                        for (int from = next.getAndAdd(BATCH); from < n; from = next.getAndAdd(BATCH)) {
                            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                                task.run(miner, i);
                                meter.advance();
                            }
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                meter.report(false);
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("history mining was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("history mining failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The commit's facts with the identity recorded in it (the mailmap is applied after the cache). */
    private static MinedCommit raw(RevCommit c, List<FileTouch> files) {
        PersonIdent author = c.getAuthorIdent();
        String message = c.getFullMessage();
        Matcher reverts = REVERTS.matcher(message);
        return new MinedCommit(c.name(), author.getName(), author.getEmailAddress(),
                author.getWhenAsInstant().getEpochSecond(), c.getCommitTime(), c.getParentCount(),
                c.getShortMessage(), trailers(message), files, reverts.find() ? reverts.group(1) : null);
    }

    /**
     * The people a commit names besides its author, after {@code .mailmap}: its committer when that is someone else
     * (a non-merge commit applied, rebased or cherry-picked by another person; a merge's committer is its merger
     * already; GitHub's web committer is nobody), and each person of a {@code Reviewed-by:}, {@code Acked-by:} or
     * {@code Co-authored-by:} trailer.
     */
    private void involvements(RevCommit c, List<Involvement> out) {
        long time = c.getCommitTime();
        if (c.getParentCount() <= 1) {
            PersonIdent author = c.getAuthorIdent();
            PersonIdent committer = c.getCommitterIdent();
            String email = committer.getEmailAddress() == null ? "" : committer.getEmailAddress().trim();
            if (!email.equalsIgnoreCase(author.getEmailAddress() == null ? "" : author.getEmailAddress().trim())
                    && !Merge.PLATFORM_COMMITTER.equalsIgnoreCase(email)) {
                String[] mapped = mailmap.map(committer.getName(), email);
                out.add(new Involvement(c.name(), Involvement.COMMITTER, mapped[0], mapped[1], time));
            }
        }
        String message = c.getFullMessage();
        if (message.toLowerCase(Locale.ROOT).indexOf("-by:") < 0) {
            return;
        }
        for (String[] trailer : trailerValues(message)) {
            if (!Involvement.TRAILERS.contains(trailer[0])) {
                continue;
            }
            Matcher m = NAME_EMAIL.matcher(trailer[1]);
            String name = m.matches() ? m.group(1).trim() : trailer[1].trim();
            String email = m.matches() ? m.group(2).trim() : "";
            if (name.isEmpty() && email.isEmpty()) {
                continue;
            }
            String[] mapped = mailmap.map(name, email);
            out.add(new Involvement(c.name(), trailer[0], mapped[0], mapped[1], time));
        }
    }

    private static final Pattern NAME_EMAIL = Pattern.compile("^(.*?)\\s*<([^>]*)>\\s*$");

    /** The trailers of the last paragraph as {lower-cased key, value}. */
    static List<String[]> trailerValues(String message) {
        String[] paragraphs = message.strip().split("\\R\\s*\\R");
        if (paragraphs.length < 2) {
            return List.of();
        }
        List<String[]> out = new ArrayList<>();
        for (String line : paragraphs[paragraphs.length - 1].split("\\R")) {
            String t = line.trim();
            Matcher m = TRAILER.matcher(t);
            if (m.matches()) {
                out.add(new String[] {m.group(1).toLowerCase(Locale.ROOT),
                        t.substring(t.indexOf(':') + 1).trim()});
            }
        }
        return out;
    }

    /** Trailer keys of the last paragraph ("Reviewed-by", "Co-authored-by"), lower-cased. */
    static List<String> trailers(String message) {
        String[] paragraphs = message.strip().split("\\R\\s*\\R");
        if (paragraphs.length < 2) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (String line : paragraphs[paragraphs.length - 1].split("\\R")) {
            Matcher m = TRAILER.matcher(line.trim());
            if (m.matches()) {
                keys.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }

    private List<Tag> tags() throws IOException {
        List<Tag> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                try {
                    RevCommit target = walk.parseCommit(ref.getObjectId()); // peels annotated tags
                    out.add(new Tag(ref.getName().substring(Constants.R_TAGS.length()), target.name(),
                            target.getCommitTime()));
                } catch (IOException notACommit) {
                    // tags of trees or blobs, or of missing objects in a partial clone, mark no release
                }
            }
        }
        out.sort(Comparator.comparing(Tag::name));
        return out;
    }

    /**
     * Mainline (first-parent from head) commits whose subject matches the deploy-marker pattern, oldest first; none
     * when no pattern is configured. Only the mainline counts: a matching commit on a merged side branch was not
     * deployed from the main branch (the merge commit's own subject may match instead).
     */
    private List<Deployment> deployMarkers(List<RevCommit> firstParents) {
        Pattern marker = History.deployMarkerPattern(options.deployMarkers());
        List<Deployment> out = new ArrayList<>();
        if (marker == null) {
            return out;
        }
        for (RevCommit c : firstParents) {
            String subject = c.getShortMessage();
            if (marker.matcher(subject).find()) {
                out.add(new Deployment(subject, c.name(), c.getCommitTime(), Deployment.Kind.MARKER));
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * For each commit, the earliest deployment (by the deployed commit's time; see {@link History#deployments}) that
     * contains it, as the deployed commit's id; a marker commit contains itself and its ancestors, like a tag.
     * Deployments are visited oldest first and each claims the commits it reaches that no earlier one claimed; the
     * traversal stops at a claimed commit, because everything behind it was reached by that earlier deployment. Each
     * commit is visited once. (Walking each release with every earlier one marked uninteresting gave the same answer
     * but spent most of the mining time of a history with hundreds of releases propagating those marks.)
     */
    private static Map<String, String> firstDeployment(RevWalk walk, List<Deployment> releases)
            throws IOException {
        Map<String, String> first = new HashMap<>();
        RevFlag claimed = walk.newFlag("claimed");
        try {
            ArrayDeque<RevCommit> pending = new ArrayDeque<>();
            for (Deployment t : releases) {
                pending.push(walk.parseCommit(ObjectId.fromString(t.commit())));
                while (!pending.isEmpty()) {
                    RevCommit c = pending.pop();
                    if (c.has(claimed)) {
                        continue;
                    }
                    c.add(claimed);
                    first.put(c.name(), t.commit());
                    walk.parseHeaders(c);
                    for (RevCommit parent : c.getParents()) {
                        if (!parent.has(claimed)) {
                            pending.push(parent);
                        }
                    }
                }
            }
        } finally {
            walk.disposeFlag(claimed);
        }
        return first;
    }
}
