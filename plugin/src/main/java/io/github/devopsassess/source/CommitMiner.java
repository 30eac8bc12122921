package io.github.devopsassess.source;

import io.github.devopsassess.facts.history.FileTouch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Diffs one commit against its first parent. Owns one {@link ObjectReader}, {@link RevWalk}, {@link TreeWalk} and
 * {@link RenameDetector}, reused for every commit (none of them is thread-safe: each worker has its own miner).
 *
 * <p>Without line counts only trees are read: a tree diff says which files changed, no blob is opened except by
 * rename detection, and only when a commit both adds and deletes files; files that keep their name are paired first
 * ({@link BasenameRenames}), so the all-against-all content comparison runs only on what is left. With line counts the two blobs are diffed
 * directly with {@link HistogramDiff}, which is much cheaper than formatting a patch; binary and oversized blobs are
 * skipped (their lines count as -1).
 */
final class CommitMiner implements AutoCloseable {

    private static final DiffAlgorithm DIFF = new HistogramDiff();
    /** Bytes of blob text kept for reuse: a file's new version in one commit is its old version in the next. */
    private static final long BLOB_CACHE_BYTES = 32L * 1024 * 1024;

    /** Renames found by name and by content are listed together, in one stable order. */
    private static final Comparator<FileTouch> BY_PATH = Comparator.comparing(FileTouch::path)
            .thenComparing(t -> t.oldPath() == null ? "" : t.oldPath());

    private final GitHistory.Options options;
    private final ObjectReader reader;
    private final RevWalk walk;
    private final TreeWalk tree;
    private final RenameDetector renames;
    private final BasenameRenames renamesByName;
    private final BlobCache blobs = new BlobCache(BLOB_CACHE_BYTES);
    /** Blobs this repository does not have (a partial clone), shared by the workers of one mining run. */
    private final AtomicInteger missing;

    CommitMiner(Repository repository, GitHistory.Options options, String subtree, AtomicInteger missing) {
        this.options = options;
        this.missing = missing;
        this.reader = repository.newObjectReader();
        this.walk = new RevWalk(reader);
        this.walk.setRetainBody(false);
        // without the repository the walk reads no .gitattributes, which a tree diff does not need (a tenth of the time)
        this.tree = new TreeWalk(reader);
        tree.setRecursive(true);
        TreeFilter changed = TreeFilter.ANY_DIFF;
        tree.setFilter(subtree.isEmpty() ? changed : AndTreeFilter.create(PathFilter.create(subtree), changed));
        this.renames = options.renames() ? new RenameDetector(reader, repository.getConfig().get(DiffConfig.KEY))
                : null;
        this.renamesByName = renames == null ? null
                : new BasenameRenames(reader, renames.getRenameScore(), options.maxBlobSize(), missing);
    }

    /** The files the commit changed inside the subtree, compared with its first parent, counted as the options say. */
    List<FileTouch> touches(RevCommit c) throws IOException {
        Diffed d = diff(c);
        return options.lineCounts() ? count(d, path -> true) : d.files();
    }

    /**
     * One commit's changes before their lines are counted: the touches (lines {@link #NOT_COUNTED}, or -1 without
     * line counts), in path order, and for each the blob ids its line count compares.
     */
    record Diffed(List<FileTouch> files, AbbreviatedObjectId[] oldIds, AbbreviatedObjectId[] newIds) {
    }

    /** Lines of a touch whose counting was left out because no check reads them (see {@link LineScope}). */
    static final int NOT_COUNTED = -2;

    /** The files the commit changed inside the subtree, compared with its first parent, without reading a blob. */
    Diffed diff(RevCommit c) throws IOException {
        tree.reset();
        if (c.getParentCount() == 0) {
            tree.addTree(new EmptyTreeIterator());
        } else {
            RevCommit parent = c.getParent(0);
            // the history walk has parsed every parent already; parse again only when it has not
            tree.addTree(parent.getTree() != null ? parent.getTree().getId()
                    : walk.parseCommit(parent.getId()).getTree().getId());
        }
        tree.addTree(c.getTree().getId());
        int lines = options.lineCounts() ? NOT_COUNTED : -1;
        List<DiffEntry> entries = DiffEntry.scan(tree);
        List<Change> out = new ArrayList<>(entries.size());
        if (renames != null && hasAddAndDelete(entries)) {
            BasenameRenames.Split split = renamesByName.split(entries);
            for (BasenameRenames.Pair p : split.paired()) {
                out.add(new Change(new FileTouch(p.added().getNewPath(), p.deleted().getOldPath(), 'R', lines, lines),
                        p.deleted().getOldId(), p.added().getNewId()));
            }
            entries = split.rest();
            if (hasAddAndDelete(entries)) {
                renames.reset();
                renames.addAll(entries);
                try {
                    entries = renames.compute(reader, NullProgressMonitor.INSTANCE);
                } catch (CanceledException e) {
                    throw new IOException("rename detection was cancelled", e); // cannot happen with a null monitor
                } catch (MissingObjectException e) {
                    missing.incrementAndGet(); // a partial clone: this commit's renames stay additions and deletions
                }
            }
        }
        for (DiffEntry e : entries) {
            if (e.getOldMode().getObjectType() == Constants.OBJ_COMMIT
                    || e.getNewMode().getObjectType() == Constants.OBJ_COMMIT) {
                continue; // submodules are someone else's history
            }
            FileTouch touch = switch (e.getChangeType()) {
                case ADD -> new FileTouch(e.getNewPath(), null, 'A', lines, lines);
                case DELETE -> new FileTouch(e.getOldPath(), null, 'D', lines, lines);
                case MODIFY -> new FileTouch(e.getNewPath(), null, 'M', lines, lines);
                case RENAME -> new FileTouch(e.getNewPath(), e.getOldPath(), 'R', lines, lines);
                case COPY -> new FileTouch(e.getNewPath(), e.getOldPath(), 'C', lines, lines);
                default -> null;
            };
            if (touch != null) {
                out.add(new Change(touch, e.getOldId(), e.getNewId()));
            }
        }
        out.sort(Comparator.comparing(Change::touch, BY_PATH));
        List<FileTouch> files = new ArrayList<>(out.size());
        AbbreviatedObjectId[] oldIds = new AbbreviatedObjectId[out.size()];
        AbbreviatedObjectId[] newIds = new AbbreviatedObjectId[out.size()];
        for (int i = 0; i < out.size(); i++) {
            files.add(out.get(i).touch());
            oldIds[i] = out.get(i).oldId();
            newIds[i] = out.get(i).newId();
        }
        return new Diffed(files, oldIds, newIds);
    }

    private record Change(FileTouch touch, AbbreviatedObjectId oldId, AbbreviatedObjectId newId) {
    }

    /**
     * The touches with lines added and removed counted for those whose path is {@code counted}; the others keep
     * {@link #NOT_COUNTED}.
     */
    List<FileTouch> count(Diffed d, java.util.function.Predicate<String> counted) throws IOException {
        List<FileTouch> out = new ArrayList<>(d.files().size());
        for (int i = 0; i < d.files().size(); i++) {
            FileTouch t = d.files().get(i);
            if (counted.test(t.path())) {
                int[] counts = countLines(d.oldIds()[i], d.newIds()[i]);
                t = new FileTouch(t.path(), t.oldPath(), t.kind(), counts[0], counts[1]);
            }
            out.add(t);
        }
        return out;
    }

    /** Lines added and removed by touch {@code i} of the diff: {@code {-1, -1}} for a binary or oversized file. */
    int[] lines(Diffed d, int i) throws IOException {
        return countLines(d.oldIds()[i], d.newIds()[i]);
    }

    /**
     * The diff's touches with the lines counted for them.
     *
     * @param lines per touch, lines added and removed, or {@code null} for a touch left uncounted
     */
    static List<FileTouch> withLines(Diffed d, int[][] lines) {
        List<FileTouch> out = new ArrayList<>(d.files().size());
        for (int i = 0; i < d.files().size(); i++) {
            FileTouch t = d.files().get(i);
            out.add(lines[i] == null ? t : new FileTouch(t.path(), t.oldPath(), t.kind(), lines[i][0], lines[i][1]));
        }
        return out;
    }

    private static boolean hasAddAndDelete(List<DiffEntry> entries) {
        boolean add = false;
        boolean delete = false;
        for (DiffEntry e : entries) {
            add |= e.getChangeType() == DiffEntry.ChangeType.ADD;
            delete |= e.getChangeType() == DiffEntry.ChangeType.DELETE;
        }
        return add && delete;
    }

    private int[] countLines(AbbreviatedObjectId oldId, AbbreviatedObjectId newId) throws IOException {
        if (oldId != null && newId != null && oldId.equals(newId)) {
            return new int[] {0, 0}; // a pure rename or mode change
        }
        RawText a = text(oldId);
        RawText b = text(newId);
        if (a == null || b == null) {
            return new int[] {-1, -1};
        }
        EditList edits = DIFF.diff(RawTextComparator.DEFAULT, a, b);
        int added = 0;
        int removed = 0;
        for (Edit edit : edits) {
            added += edit.getLengthB();
            removed += edit.getLengthA();
        }
        return new int[] {added, removed};
    }

    /** The blob as text; an empty text for the zero id; {@code null} for binaries and oversized blobs. */
    private RawText text(AbbreviatedObjectId id) throws IOException {
        if (id == null || ObjectId.zeroId().equals(id.toObjectId())) {
            return RawText.EMPTY_TEXT;
        }
        ObjectId objectId = id.toObjectId();
        BlobCache.Entry cached = blobs.get(objectId);
        if (cached != null) {
            return cached.text();
        }
        ObjectLoader loader;
        try {
            loader = reader.open(objectId, Constants.OBJ_BLOB);
        } catch (MissingObjectException e) {
            missing.incrementAndGet(); // a partial clone (--filter=blob:…): the lines of this change are unknown
            return null;
        }
        if (loader.getSize() > options.maxBlobSize()) {
            blobs.put(objectId, null, 0);
            return null;
        }
        byte[] bytes = loader.getCachedBytes();
        RawText text = RawText.isBinary(bytes) ? null : new RawText(bytes);
        blobs.put(objectId, text, bytes.length);
        return text;
    }

    @Override
    public void close() {
        walk.close();
        tree.close();
        reader.close();
    }
}
