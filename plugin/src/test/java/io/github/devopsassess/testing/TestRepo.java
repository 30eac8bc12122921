package io.github.devopsassess.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Builds synthetic git histories for tests: authors, dates, renames, deletions, branches, merges and tags, in a
 * temporary folder. Every commit is dated explicitly so that results never depend on the clock.
 */
public final class TestRepo implements AutoCloseable {

    private final Path dir;
    private final Git git;
    private Instant clock = Instant.parse("2024-01-01T09:00:00Z");

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static TestRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            return new TestRepo(dir, git);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    /** Sets the date of the next commits. */
    public TestRepo at(String isoInstant) {
        clock = Instant.parse(isoInstant);
        return this;
    }

    /** Writes a file in the working tree (does not commit). */
    public TestRepo write(String path, String content) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends a line to a file (creating it), so each call is a real change. */
    public TestRepo append(String path, String line) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            String old = Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
            Files.writeString(p, old + line + "\n", StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestRepo delete(String path) {
        try {
            git.rm().addFilepattern(path).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renames a file in the index and working tree (content unchanged, so git detects a 100% rename). */
    public TestRepo rename(String from, String to) {
        try {
            Path target = dir.resolve(to);
            Files.createDirectories(target.getParent());
            Files.move(dir.resolve(from), target);
            git.rm().addFilepattern(from).setCached(true).call();
            git.add().addFilepattern(to).call();
            return this;
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits everything in the working tree as the given author, one hour after the previous commit. */
    public RevCommit commit(String name, String email, String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            PersonIdent who = new PersonIdent(name, email, clock, ZoneOffset.UTC);
            RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
            clock = clock.plusSeconds(3600);
            return c;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits everything as the given author, committed by someone else (a rebase, a cherry-pick, an applied patch). */
    public RevCommit commit(String name, String email, String committerName, String committerEmail, String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            RevCommit c = git.commit().setMessage(message).setAuthor(new PersonIdent(name, email, clock, ZoneOffset.UTC))
                    .setCommitter(new PersonIdent(committerName, committerEmail, clock, ZoneOffset.UTC)).setSign(false)
                    .call();
            clock = clock.plusSeconds(3600);
            return c;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestRepo branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestRepo checkout(String name) {
        try {
            git.checkout().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Merges a branch into the current one with a merge commit (no fast-forward). */
    public RevCommit merge(String branch, String name, String email) {
        return merge(branch, name, email, "Merge branch '" + branch + "'");
    }

    /** Merges a branch into the current one with a merge commit of the given message (trailers and all). */
    public RevCommit merge(String branch, String name, String email, String message) {
        try {
            PersonIdent who = new PersonIdent(name, email, clock, ZoneOffset.UTC);
            MergeResult r = git.merge().include(git.getRepository().resolve(branch))
                    .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(false).call();
            if (!r.getMergeStatus().isSuccessful()) {
                throw new IllegalStateException("merge failed: " + r.getMergeStatus());
            }
            RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who)
                    .setSign(false).call();
            clock = clock.plusSeconds(3600);
            return c;
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestRepo tag(String name) {
        try {
            git.tag().setName(name).setAnnotated(false).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }

    static {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }
}
