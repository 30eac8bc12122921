package io.github.devopsassess.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Mines history with JGit: one {@link ObjectReader}, one reused {@link TreeWalk} and {@link RenameDetector}, and
 * line counts from a direct histogram diff of the two blobs (cheaper than formatting a patch).
 */
public final class GitHistory {

    /**
     * @param lineCounts compute lines added and removed (costs a content diff per changed file)
     * @param renames follow renames and copies so a renamed file keeps its authorship
     * @param maxBlobSize blobs larger than this are not diffed (their lines count as -1)
     */
    public record Options(boolean lineCounts, boolean renames, long maxBlobSize) {
        public static final Options DEFAULT = new Options(true, true, 1024 * 1024);
    }

    private static final Pattern TRAILER = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*):\\s+\\S.*$");

    private final Repository repository;
    private final Mailmap mailmap;
    private final Options options;

    public GitHistory(Repository repository, Mailmap mailmap, Options options) {
        this.repository = repository;
        this.mailmap = mailmap;
        this.options = options;
    }

    /**
     * @param head the commit to mine from
     * @param subtree only changes below this folder are kept ("" for all)
     */
    public History mine(ObjectId head, String subtree) throws IOException {
        List<MinedCommit> commits = new ArrayList<>();
        List<History.Merge> merges = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader);
                TreeWalk tree = new TreeWalk(repository, reader)) {
            tree.setRecursive(true);
            TreeFilter changed = TreeFilter.ANY_DIFF;
            tree.setFilter(subtree.isEmpty() ? changed : AndTreeFilter.create(PathFilter.create(subtree), changed));
            RenameDetector renames = options.renames() ? new RenameDetector(reader, repository.getConfig()
                    .get(org.eclipse.jgit.diff.DiffConfig.KEY)) : null;
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                oldest = Math.min(oldest, c.getCommitTime());
                if (c.getParentCount() > 1) {
                    PersonIdent committer = c.getCommitterIdent();
                    merges.add(new History.Merge(c.name(), committer.getName(), committer.getEmailAddress(),
                            c.getCommitTime(), c.getShortMessage()));
                    continue;
                }
                List<FileTouch> files = touches(c, walk, tree, renames, reader);
                if (files.isEmpty()) {
                    continue;
                }
                PersonIdent author = c.getAuthorIdent();
                String[] mapped = mailmap.map(author.getName(), author.getEmailAddress());
                commits.add(new MinedCommit(c.name(), mapped[0], mapped[1], author.getWhenAsInstant().getEpochSecond(),
                        c.getCommitTime(), c.getParentCount(), c.getShortMessage(), trailers(c.getFullMessage()),
                        files));
            }
        }
        boolean shallow = !repository.getObjectDatabase().getShallowCommits().isEmpty();
        return new History(head.name(), commits, merges, tags(), shallow, shallow ? oldest : -1);
    }

    private List<FileTouch> touches(RevCommit c, RevWalk walk, TreeWalk tree, RenameDetector renames,
            ObjectReader reader) throws IOException {
        tree.reset();
        if (c.getParentCount() == 0) {
            tree.addTree(new EmptyTreeIterator());
        } else {
            RevCommit parent = walk.parseCommit(c.getParent(0));
            tree.addTree(parent.getTree());
        }
        tree.addTree(c.getTree());
        List<DiffEntry> entries = DiffEntry.scan(tree);
        if (renames != null && hasAddAndDelete(entries)) {
            renames.reset();
            renames.addAll(entries);
            try {
                entries = renames.compute(reader, NullProgressMonitor.INSTANCE);
            } catch (org.eclipse.jgit.api.errors.CanceledException e) {
                throw new IOException("rename detection was cancelled", e); // cannot happen with a null monitor
            }
        }
        List<FileTouch> out = new ArrayList<>(entries.size());
        for (DiffEntry e : entries) {
            if (e.getOldMode().getObjectType() == Constants.OBJ_COMMIT
                    || e.getNewMode().getObjectType() == Constants.OBJ_COMMIT) {
                continue; // submodules are someone else's history
            }
            int added = -1;
            int removed = -1;
            if (options.lineCounts()) {
                int[] counts = countLines(reader, e.getOldId(), e.getNewId());
                added = counts[0];
                removed = counts[1];
            }
            switch (e.getChangeType()) {
                case ADD -> out.add(new FileTouch(e.getNewPath(), null, 'A', added, removed));
                case DELETE -> out.add(new FileTouch(e.getOldPath(), null, 'D', added, removed));
                case MODIFY -> out.add(new FileTouch(e.getNewPath(), null, 'M', added, removed));
                case RENAME -> out.add(new FileTouch(e.getNewPath(), e.getOldPath(), 'R', added, removed));
                case COPY -> out.add(new FileTouch(e.getNewPath(), e.getOldPath(), 'C', added, removed));
                default -> { }
            }
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

    private int[] countLines(ObjectReader reader, AbbreviatedObjectId oldId, AbbreviatedObjectId newId)
            throws IOException {
        RawText a = text(reader, oldId);
        RawText b = text(reader, newId);
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

    private static final DiffAlgorithm DIFF = new HistogramDiff();

    /** The blob as text; an empty text for the zero id; {@code null} for binaries and oversized blobs. */
    private RawText text(ObjectReader reader, AbbreviatedObjectId id) throws IOException {
        if (id == null || ObjectId.zeroId().equals(id.toObjectId())) {
            return RawText.EMPTY_TEXT;
        }
        ObjectLoader loader = reader.open(id.toObjectId(), Constants.OBJ_BLOB);
        if (loader.getSize() > options.maxBlobSize()) {
            return null;
        }
        byte[] bytes = loader.getCachedBytes();
        return RawText.isBinary(bytes) ? null : new RawText(bytes);
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

    private List<History.Tag> tags() throws IOException {
        List<History.Tag> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                try {
                    RevCommit target = walk.parseCommit(ref.getObjectId()); // peels annotated tags
                    out.add(new History.Tag(ref.getName().substring(Constants.R_TAGS.length()), target.name(),
                            target.getCommitTime()));
                } catch (IOException notACommit) {
                    // tags of trees or blobs, or of missing objects in a partial clone, mark no release
                }
            }
        }
        out.sort(Comparator.comparing(History.Tag::name));
        return out;
    }
}
