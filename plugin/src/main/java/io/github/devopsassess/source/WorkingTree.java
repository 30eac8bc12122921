package io.github.devopsassess.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Files as they are on disk, including uncommitted changes, so a developer sees the effect of an edit before
 * committing it. Symbolic links are never followed: a link could point outside the repository.
 */
public final class WorkingTree implements RepoTree {

    /** Build output and VCS folders that are never part of what a team maintains. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".idea", ".mvn");

    private final Path root;
    private final String subtree;
    private final long maxFileSize;
    private final Repository repository;
    private List<String> subtreeFiles;

    /**
     * @param root the repository root (or the project folder when there is no repository)
     * @param subtree the assessed folder relative to root, "" for root itself
     * @param maxFileSize files larger than this are not read
     */
    public WorkingTree(Path root, String subtree, long maxFileSize) {
        this(root, subtree, maxFileSize, null);
    }

    /**
     * @param repository the repository whose work tree this is: files it ignores ({@code .gitignore}) are not part
     *     of the assessment, as they are not part of what the team keeps in version control
     */
    public WorkingTree(Path root, String subtree, long maxFileSize, Repository repository) {
        this.root = root.toAbsolutePath().normalize();
        this.subtree = subtree;
        this.maxFileSize = maxFileSize;
        this.repository = repository;
    }

    @Override
    public String subtree() {
        return subtree;
    }

    @Override
    public synchronized List<String> files() {
        if (subtreeFiles == null) {
            subtreeFiles = filesUnder(subtree);
        }
        return subtreeFiles;
    }

    @Override
    public List<String> filesUnder(String folder) {
        if (repository != null) {
            return notIgnoredFilesUnder(folder);
        }
        Path start = resolve(folder);
        if (start == null || !Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(start) && SKIPPED_FOLDERS.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.add(relative(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // unreadable entries are simply not part of the assessment
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    private List<String> notIgnoredFilesUnder(String folder) {
        List<String> out = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(new FileTreeIterator(repository));
            walk.setRecursive(true);
            TreeFilter notIgnored = new NotIgnoredFilter(0);
            walk.setFilter(folder.isEmpty() ? notIgnored : AndTreeFilter.create(PathFilter.create(folder), notIgnored));
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                String path = walk.getPathString();
                if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) && !inSkippedFolder(path)) {
                    out.add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    private static boolean inSkippedFolder(String path) {
        for (String part : path.split("/")) {
            if (SKIPPED_FOLDERS.contains(part)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isFile(String path) {
        Path p = resolve(path);
        return p != null && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public TextRead readText(String path) {
        Path p = resolve(path);
        if (p == null || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return TextRead.skip("missing");
        }
        try {
            long size = Files.size(p);
            if (size > maxFileSize) {
                return TextRead.skip(TextDecoding.tooLarge(size, maxFileSize));
            }
            byte[] bytes = Files.readAllBytes(p);
            if (TextDecoding.looksBinary(bytes)) {
                return TextRead.skip("binary");
            }
            return TextRead.of(TextDecoding.decode(bytes));
        } catch (IOException e) {
            return TextRead.skip("unreadable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public BytesRead readBytes(String path) {
        Path p = resolve(path);
        if (p == null || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return BytesRead.skip("missing");
        }
        try {
            long size = Files.size(p);
            if (size > maxFileSize) {
                return BytesRead.skip(TextDecoding.tooLarge(size, maxFileSize));
            }
            return BytesRead.of(Files.readAllBytes(p));
        } catch (IOException e) {
            return BytesRead.skip("unreadable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String describe() {
        return "working tree of " + root;
    }

    /**
     * Resolves a repository path, refusing anything that would leave the repository: "..", absolute paths, and a
     * symbolic link anywhere on the way (a linked folder such as {@code .github -> /etc} would otherwise be entered,
     * since NOFOLLOW_LINKS only concerns the last name).
     */
    private Path resolve(String path) {
        Path p = path.isEmpty() ? root : root.resolve(path).normalize();
        if (!p.startsWith(root)) {
            return null;
        }
        for (Path at = p; at != null && !at.equals(root); at = at.getParent()) {
            if (Files.isSymbolicLink(at)) {
                return null;
            }
        }
        return p;
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
