package io.github.devopsassess.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Files of one commit, read from the object database without a checkout, so that a bare mirror can be assessed
 * and nothing in a clone is touched. Symbolic links and submodules are not files here.
 */
public final class CommitTree implements RepoTree {

    private final Repository repository;
    private final RevCommit commit;
    private final String subtree;
    private final long maxFileSize;
    private List<String> subtreeFiles;
    /** The blob of every file of {@link #files()}, listed with them: one tree walk instead of one per file read. */
    private Map<String, ObjectId> subtreeBlobs;

    public CommitTree(Repository repository, RevCommit commit, String subtree, long maxFileSize) {
        this.repository = repository;
        this.commit = commit;
        this.subtree = subtree;
        this.maxFileSize = maxFileSize;
    }

    public RevCommit commit() {
        return commit;
    }

    @Override
    public String subtree() {
        return subtree;
    }

    @Override
    public synchronized List<String> files() {
        if (subtreeFiles == null) {
            Map<String, ObjectId> blobs = new HashMap<>();
            subtreeFiles = list(subtree, blobs);
            subtreeBlobs = blobs;
        }
        return subtreeFiles;
    }

    @Override
    public List<String> filesUnder(String folder) {
        return list(folder, null);
    }

    /** The files under a folder, sorted; their blob ids into {@code blobs} when given. */
    private List<String> list(String folder, Map<String, ObjectId> blobs) {
        List<String> out = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!folder.isEmpty()) {
                walk.setFilter(PathFilter.create(folder));
            }
            while (walk.next()) {
                if (walk.getFileMode(0).getObjectType() == org.eclipse.jgit.lib.Constants.OBJ_BLOB
                        && walk.getFileMode(0) != FileMode.SYMLINK) {
                    out.add(walk.getPathString());
                    if (blobs != null) {
                        blobs.put(walk.getPathString(), walk.getObjectId(0));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + describe() + ": " + e.getMessage(), e);
        }
        out.sort(null); // TreeWalk order is git's, which sorts folders as "name/"; callers expect plain sorting
        return List.copyOf(out);
    }

    @Override
    public boolean isFile(String path) {
        return blob(path) != null;
    }

    @Override
    public TextRead readText(String path) {
        return text(path, -1);
    }

    @Override
    public TextRead readHead(String path, int maxBytes) {
        return text(path, maxBytes);
    }

    /**
     * Reads a file's blob as text, refusing missing, unreadable and binary blobs: the whole blob when {@code head} is
     * negative (refused over the size limit), else at most its first {@code head} bytes, inflating only those.
     */
    private TextRead text(String path, int head) {
        ObjectId id = blob(path);
        if (id == null) {
            return TextRead.skip("missing");
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            ObjectLoader loader = reader.open(id);
            byte[] bytes;
            if (head < 0 && loader.getSize() > maxFileSize) {
                return TextRead.skip(TextDecoding.tooLarge(loader.getSize(), maxFileSize));
            } else if (head >= 0 && loader.getSize() > head) {
                // only the head is inflated: a large generated file is not decoded whole to read its first lines
                try (java.io.InputStream in = loader.openStream()) {
                    bytes = in.readNBytes(head);
                }
            } else {
                bytes = loader.getCachedBytes();
            }
            if (TextDecoding.looksBinary(bytes)) {
                return TextRead.skip("binary");
            }
            return TextRead.of(TextDecoding.decode(bytes));
        } catch (MissingObjectException e) {
            return TextRead.skip("missing object " + id.name() + " (shallow or partial clone?)");
        } catch (IOException e) {
            return TextRead.skip("unreadable: " + e.getMessage());
        }
    }

    @Override
    public BytesRead readBytes(String path) {
        ObjectId id = blob(path);
        if (id == null) {
            return BytesRead.skip("missing");
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            ObjectLoader loader = reader.open(id);
            if (loader.getSize() > maxFileSize) {
                return BytesRead.skip(TextDecoding.tooLarge(loader.getSize(), maxFileSize));
            }
            return BytesRead.of(loader.getCachedBytes());
        } catch (MissingObjectException e) {
            return BytesRead.skip("missing object " + id.name() + " (shallow or partial clone?)");
        } catch (IOException e) {
            return BytesRead.skip("unreadable: " + e.getMessage());
        }
    }

    @Override
    public String contentId(String path) {
        ObjectId id = blob(path);
        return id == null ? null : id.name();
    }

    private ObjectId blob(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("..")) {
            return null;
        }
        Map<String, ObjectId> listed;
        synchronized (this) {
            listed = subtreeBlobs;
        }
        if (listed != null && (subtree.isEmpty() || path.startsWith(subtree + "/"))) {
            return listed.get(path); // every file of the subtree was listed: one that is not there is none
        }
        RevTree tree = commit.getTree();
        try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
            if (walk == null) {
                return null;
            }
            FileMode mode = walk.getFileMode(0);
            if (mode == FileMode.SYMLINK || mode.getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB) {
                return null;
            }
            return walk.getObjectId(0);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String describe() {
        return "commit " + commit.abbreviate(10).name() + " of " + repository.getDirectory();
    }
}
