package io.github.devopsassess.source;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Finds and opens git repositories: a work tree found by walking up, or an explicit clone or bare mirror. */
public final class GitRepos {

    private GitRepos() {
    }

    /** Walks up from {@code start} to the first folder holding a repository; empty when there is none. */
    public static Optional<Repository> findUpwards(Path start) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        builder.findGitDir(start.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        return Optional.of(builder.build());
    }

    /**
     * Opens a clone (its work tree or its {@code .git} folder) or a bare repository.
     *
     * @throws IOException naming the folder when it holds no repository
     */
    public static Repository open(Path location) throws IOException {
        File dir = location.toAbsolutePath().normalize().toFile();
        if (!dir.isDirectory()) {
            throw new IOException(dir + " is not a folder");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (new File(dir, "objects").isDirectory() && new File(dir, "HEAD").isFile()) {
            builder.setGitDir(dir); // a bare repository or a .git folder
        } else if (new File(dir, ".git").exists()) {
            builder.setWorkTree(dir); // .git may be a file pointing at a linked worktree; the builder follows it
            builder.readEnvironment();
            builder.setGitDir(null);
            builder.findGitDir(dir);
        } else {
            throw new IOException(dir + " holds no git repository (neither a .git folder nor a bare repository)");
        }
        return builder.build();
    }

    /**
     * Whether any file below {@code subtree} is in the repository's index or HEAD. A repository with no commits and
     * an empty index tracks nothing, but its root is still "tracked" so that a new repository can be assessed.
     */
    public static boolean tracks(Repository repository, String subtree) throws IOException {
        if (subtree.isEmpty() || repository.isBare()) {
            return true;
        }
        String prefix = subtree + "/";
        org.eclipse.jgit.dircache.DirCache index = repository.readDirCache();
        for (int i = 0; i < index.getEntryCount(); i++) {
            if (index.getEntry(i).getPathString().startsWith(prefix)) {
                return true;
            }
        }
        org.eclipse.jgit.lib.ObjectId head = repository.resolve("HEAD^{tree}");
        if (head == null) {
            return false;
        }
        try (org.eclipse.jgit.treewalk.TreeWalk walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(repository,
                subtree, head)) {
            return walk != null;
        }
    }

    /** The folder of {@code dir} relative to the repository's work tree, "" at the root; empty when outside. */
    public static Optional<String> subtreeOf(Repository repository, Path dir) {
        if (repository.isBare()) {
            return Optional.of("");
        }
        Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        Path here = dir.toAbsolutePath().normalize();
        try {
            top = top.toRealPath();
            here = here.toRealPath();
        } catch (IOException e) {
            // keep the normalised paths; toRealPath only matters when a symlink leads into the repository
        }
        if (!here.startsWith(top)) {
            return Optional.empty();
        }
        return Optional.of(top.relativize(here).toString().replace('\\', '/'));
    }
}
