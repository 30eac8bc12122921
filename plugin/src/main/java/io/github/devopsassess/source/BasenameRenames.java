package io.github.devopsassess.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.SimilarityIndex;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Pairs deleted and added files that keep their file name, before the general rename detection runs. A commit that
 * moves a package deletes and adds hundreds of files; JGit's {@code RenameDetector} scores every deleted file against
 * every added one, which made a handful of such commits a third of the mining time. Most moved files keep their name,
 * so a name that is deleted once and added once in a commit is a candidate pair, scored alone; only what stays
 * unpaired goes to the full detection. A name that recurs in the commit is compared with its parent folders. Git does the same since 2.33 ({@code diffcore-rename}'s basename matching),
 * with the same safeguard: a pair found by name must be more similar than the rename threshold, half-way between it
 * and identical, because a shared name is weaker evidence than a best match among all candidates.
 */
final class BasenameRenames {

    /** A deleted file paired with an added one. */
    record Pair(DiffEntry deleted, DiffEntry added) {
    }

    /** @param paired renames found by name; @param rest every other entry, in the original order */
    record Split(List<Pair> paired, List<DiffEntry> rest) {
    }

    /**
     * Path segments compared at most. Ambiguity ends by itself once the suffix reaches the parent folder that differs
     * (two deleted files never share a whole path); this only bounds the work on pathological trees. Four was not
     * enough: a restructuring commit of spring-boot moved every sample's
     * {@code src/main/resources/application.properties}, which left two thousand files to the all-against-all
     * detection.
     */
    private static final int MAX_DEPTH = 32;

    private final ObjectReader reader;
    private final AtomicInteger missing;
    private final int minimumScore;
    private final long maxBlobSize;

    /**
     * @param renameScore the general detection's threshold (0–100)
     * @param maxBlobSize larger blobs are not scored here (they are left to the general detection)
     */
    BasenameRenames(ObjectReader reader, int renameScore, long maxBlobSize, AtomicInteger missing) {
        this.reader = reader;
        this.missing = missing;
        this.minimumScore = renameScore + (100 - renameScore) / 2;
        this.maxBlobSize = maxBlobSize;
    }

    Split split(List<DiffEntry> entries) throws IOException {
        boolean[] used = new boolean[entries.size()];
        Set<Long> tried = new HashSet<>();
        List<Pair> paired = new ArrayList<>();
        boolean ambiguous = true;
        for (int depth = 1; depth <= MAX_DEPTH && ambiguous; depth++) {
            ambiguous = pairByName(entries, depth, used, tried, paired);
        }
        if (paired.isEmpty()) {
            return new Split(List.of(), entries);
        }
        paired.sort((a, b) -> a.added().getNewPath().compareTo(b.added().getNewPath()));
        List<DiffEntry> rest = new ArrayList<>(entries.size() - 2 * paired.size());
        for (int i = 0; i < entries.size(); i++) {
            if (!used[i]) {
                rest.add(entries.get(i));
            }
        }
        return new Split(paired, rest);
    }

    /**
     * One round: unpaired deletions and additions keyed by the last {@code depth} path segments; a key found once on
     * each side is a candidate. A name such as {@code pom.xml} recurs in every module a commit moves, so a name that
     * is ambiguous with one segment is tried again with its parent folder ({@code core/pom.xml}), and so on.
     *
     * @return whether some key was ambiguous, so that a longer suffix could still pair more files
     */
    private boolean pairByName(List<DiffEntry> entries, int depth, boolean[] used, Set<Long> tried, List<Pair> paired)
            throws IOException {
        Map<String, List<Integer>> deletedByName = new HashMap<>();
        Map<String, List<Integer>> addedByName = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            DiffEntry e = entries.get(i);
            if (used[i]) {
                continue;
            }
            switch (e.getChangeType()) {
                case DELETE -> deletedByName.computeIfAbsent(suffix(e.getOldPath(), depth), k -> new ArrayList<>())
                        .add(i);
                case ADD -> addedByName.computeIfAbsent(suffix(e.getNewPath(), depth), k -> new ArrayList<>()).add(i);
                default -> { }
            }
        }
        boolean ambiguous = false;
        for (Map.Entry<String, List<Integer>> d : deletedByName.entrySet()) {
            List<Integer> adds = addedByName.get(d.getKey());
            if (adds == null) {
                continue;
            }
            if (d.getValue().size() != 1 || adds.size() != 1) {
                ambiguous = true;
                continue;
            }
            int del = d.getValue().get(0);
            int add = adds.get(0);
            // a pair that failed with a shorter suffix is the same pair again: score it once
            if (tried.add(((long) del << 32) | add) && similarEnough(entries.get(del), entries.get(add))) {
                paired.add(new Pair(entries.get(del), entries.get(add)));
                used[del] = true;
                used[add] = true;
            }
        }
        return ambiguous;
    }

    private boolean similarEnough(DiffEntry deleted, DiffEntry added) throws IOException {
        if (deleted.getOldMode().getObjectType() != Constants.OBJ_BLOB
                || added.getNewMode().getObjectType() != Constants.OBJ_BLOB) {
            return false;
        }
        if (deleted.getOldId().equals(added.getNewId())) {
            return true;
        }
        ObjectLoader before;
        ObjectLoader after;
        try {
            before = reader.open(deleted.getOldId().toObjectId(), Constants.OBJ_BLOB);
            after = reader.open(added.getNewId().toObjectId(), Constants.OBJ_BLOB);
        } catch (MissingObjectException e) {
            missing.incrementAndGet(); // a partial clone: without both contents a shared name proves nothing
            return false;
        }
        if (before.getSize() > maxBlobSize || after.getSize() > maxBlobSize) {
            return false;
        }
        try {
            return SimilarityIndex.create(before).score(SimilarityIndex.create(after), 100) >= minimumScore;
        } catch (SimilarityIndex.TableFullException tooManyDistinctLines) {
            return false;
        }
    }

    /** The last {@code depth} segments of the path (the whole path when it has fewer). */
    private static String suffix(String path, int depth) {
        int from = path.length();
        for (int i = 0; i < depth && from > 0; i++) {
            from = path.lastIndexOf('/', from - 1);
        }
        return from <= 0 ? path : path.substring(from + 1);
    }
}
