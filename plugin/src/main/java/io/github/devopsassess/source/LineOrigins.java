package io.github.devopsassess.source;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.api.BlameCommand;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The commit that introduced a line of a file at the assessed commit: {@code git blame}, one per file and kept, so a
 * finding can say since when it has been true. Bounded so that a big repository stays fast: at most
 * {@value #MAX_FILES} files are blamed, a file above {@value #MAX_BYTES} bytes is not, and a shallow clone (whose
 * oldest commits claim every line they did not change) gives no origin at all. Renames are followed. Not thread-safe.
 */
public final class LineOrigins {

    /** Files blamed at most per assessment: blame walks a file's whole history. */
    public static final int MAX_FILES = 200;
    /** Files above this size are not blamed (generated or vendored files, lock files). */
    public static final long MAX_BYTES = 512 * 1024;

    /**
     * Where a line comes from.
     *
     * @param commit full id of the commit that introduced the line
     * @param commitTime that commit's time, epoch seconds
     * @param text the line as that commit left it (without its line break), so a caller reading another version of
     *     the file (a modified working tree) can tell whether it is still the same line
     */
    public record Origin(String commit, long commitTime, String text) {
    }

    private final Repository repository;
    private final RevCommit head;
    private final boolean shallow;
    private final Map<String, BlameResult> blamed = new HashMap<>();
    private int attempts;

    LineOrigins(Repository repository, RevCommit head) throws IOException {
        this.repository = repository;
        this.head = head;
        this.shallow = !repository.getObjectDatabase().getShallowCommits().isEmpty();
    }

    /** Whether the history is truncated, so that no line has a known origin. */
    public boolean shallow() {
        return shallow;
    }

    /**
     * The origin of one line.
     *
     * @param path repository-relative path with forward slashes
     * @param line 1-based line number in the file at the assessed commit
     * @return empty when the file is not in the commit, too large, binary, beyond the bound of files, the line beyond
     *     its end, or the clone shallow
     */
    public Optional<Origin> of(String path, int line) {
        if (shallow || path == null || line < 1) {
            return Optional.empty();
        }
        BlameResult blame = blamed.computeIfAbsent(path, this::blame);
        if (blame == null || line > blame.getResultContents().size()) {
            return Optional.empty();
        }
        RevCommit source = blame.getSourceCommit(line - 1);
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(new Origin(source.name(), source.getCommitTime(),
                blame.getResultContents().getString(line - 1)));
    }

    /** The blame of a file, or {@code null} when it is not blamed (remembered as such: one attempt per file). */
    private BlameResult blame(String path) {
        if (attempts >= MAX_FILES) {
            return null;
        }
        attempts++;
        try {
            ObjectId blob;
            try (TreeWalk walk = TreeWalk.forPath(repository, path, head.getTree())) {
                if (walk == null || (walk.getRawMode(0) & org.eclipse.jgit.lib.FileMode.TYPE_MASK)
                        != org.eclipse.jgit.lib.FileMode.TYPE_FILE) {
                    return null;
                }
                blob = walk.getObjectId(0);
            }
            if (repository.getObjectDatabase().open(blob, Constants.OBJ_BLOB).getSize() > MAX_BYTES) {
                return null;
            }
            BlameCommand command = new BlameCommand(repository).setStartCommit(head).setFilePath(path)
                    .setFollowFileRenames(true);
            BlameResult result = command.call();
            if (result == null || RawText.isBinary(result.getResultContents().getRawContent())) {
                return null;
            }
            return result;
        } catch (IOException | GitAPIException | RuntimeException e) {
            return null; // a damaged object or an odd path: this file has no known origins, the rest go on
        }
    }
}
