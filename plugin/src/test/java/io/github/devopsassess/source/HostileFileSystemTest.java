package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file system as an attacker arranges it: links out of the repository (as files, as folders, as git symlink
 * blobs), a FIFO where a scanner reads, unreadable files, ".." paths, and names and contents that are not UTF-8.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileFileSystemTest {

    private static final long LIMIT = 8L * 1024 * 1024;

    private static Path outside(Path dir) throws Exception {
        Path secret = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(secret.resolve("CODEOWNERS"), "* @outsider\n");
        Files.writeString(secret.resolve("oncall.yaml"), "outside: true\n");
        return secret;
    }

    @Test
    void symlinksOutOfTheWorkingTreeAreNeverFollowed(@TempDir Path dir) throws Exception {
        Path secret = outside(dir);
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createSymbolicLink(repo.resolve("oncall.yaml"), secret.resolve("oncall.yaml"));
        Files.createSymbolicLink(repo.resolve(".github"), secret); // a folder link: .github/CODEOWNERS is outside
        Files.createSymbolicLink(repo.resolve("etc"), Path.of("/etc"));
        WorkingTree tree = new WorkingTree(repo, "", LIMIT);
        assertThat(tree.files()).isEmpty();
        assertThat(tree.isFile("oncall.yaml")).isFalse();
        assertThat(tree.readText("oncall.yaml").ok()).isFalse();
        assertThat(tree.isFile(".github/CODEOWNERS")).isFalse();
        assertThat(tree.readText(".github/CODEOWNERS").ok()).isFalse();
        assertThat(tree.readText("etc/passwd").ok()).isFalse();
        assertThat(tree.readText("../outside/oncall.yaml").ok()).isFalse();
        assertThat(tree.readText("/etc/passwd").ok()).isFalse();
        assertThat(tree.filesUnder(".github")).isEmpty();
    }

    @Test
    void symlinksInsideAGitWorkingTreeAreNeverFollowedEither(@TempDir Path dir) throws Exception {
        Path secret = outside(dir);
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("README.md", "x\n").commit("Ann", "ann@example.org", "init");
            Files.createSymbolicLink(repo.dir().resolve(".github"), secret);
            Files.createSymbolicLink(repo.dir().resolve("oncall.yaml"), secret.resolve("oncall.yaml"));
            WorkingTree tree = new WorkingTree(repo.dir(), "", LIMIT, repo.git().getRepository());
            assertThat(tree.files()).containsExactly("README.md");
            assertThat(tree.readText(".github/CODEOWNERS").ok()).isFalse();
            assertThat(tree.readText("oncall.yaml").ok()).isFalse();
        }
    }

    @Test
    void gitSymlinkBlobsAreNotFilesOfACommit(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            Repository r = repo.git().getRepository();
            ObjectId commit;
            try (ObjectInserter ins = r.newObjectInserter()) {
                ObjectId link = ins.insert(Constants.OBJ_BLOB, "/etc/passwd".getBytes(StandardCharsets.UTF_8));
                ObjectId dirLink = ins.insert(Constants.OBJ_BLOB, "/etc".getBytes(StandardCharsets.UTF_8));
                TreeFormatter tree = new TreeFormatter();
                tree.append("etc", FileMode.SYMLINK, dirLink);
                tree.append("oncall.yaml", FileMode.SYMLINK, link);
                ObjectId treeId = ins.insert(tree);
                CommitBuilder c = new CommitBuilder();
                PersonIdent who = new PersonIdent("Ann", "ann@example.org");
                c.setAuthor(who);
                c.setCommitter(who);
                c.setTreeId(treeId);
                c.setMessage("links");
                commit = ins.insert(c);
                ins.flush();
            }
            RefUpdate u = r.updateRef("refs/heads/main");
            u.setNewObjectId(commit);
            u.forceUpdate();
            try (RevWalk walk = new RevWalk(r)) {
                CommitTree tree = new CommitTree(r, walk.parseCommit(commit), "", LIMIT);
                assertThat(tree.files()).isEmpty();
                assertThat(tree.isFile("oncall.yaml")).isFalse();
                assertThat(tree.readText("oncall.yaml").ok()).isFalse();
                assertThat(tree.readText("etc/passwd").ok()).isFalse();
                assertThat(tree.readText("../x").ok()).isFalse();
            }
        }
    }

    @Test
    void aFifoWhereAScannerReadsDoesNotHangTheAssessment(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".github/workflows"));
        assumeTrue(mkfifo(repo.resolve("oncall.yaml")) && mkfifo(repo.resolve(".github/CODEOWNERS"))
                && mkfifo(repo.resolve(".github/workflows/ci.yml")), "mkfifo is available");
        WorkingTree tree = new WorkingTree(repo, "", LIMIT);
        assertThat(tree.files()).isEmpty();
        assertThat(tree.readText("oncall.yaml").ok()).isFalse();
        Assessment a = new Assessor().assess(Requests.of(repo)).assessment();
        assertThat(a.areas()).isNotEmpty();
        try (TestRepo git = TestRepo.init(dir.resolve("git"))) {
            git.write("README.md", "x\n").commit("Ann", "ann@example.org", "init");
            assumeTrue(mkfifo(git.dir().resolve("oncall.yaml")));
            Assessment b = new Assessor().assess(Requests.of(git.dir())).assessment();
            assertThat(b.problems()).noneMatch(p -> p.message().contains("scanner failed"));
        }
    }

    private static boolean mkfifo(Path path) throws Exception {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void unreadableFilesAreSkippedWithAReason(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path file = repo.resolve("oncall.yaml");
        Files.writeString(file, "timezone: UTC\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Path folder = Files.createDirectories(repo.resolve("locked"));
        Files.writeString(folder.resolve("a.yml"), "a: b\n");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            assumeTrue(!Files.isReadable(file), "not running as a user who can read everything (root)");
            WorkingTree tree = new WorkingTree(repo, "", LIMIT);
            assertThat(tree.readText("oncall.yaml").skipped()).startsWith("unreadable");
            Assessment a = new Assessor().assess(Requests.of(repo)).assessment();
            assertThat(a.problems()).anyMatch(p -> "oncall.yaml".equals(p.path()));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void nonUtf8NamesAndContentsAreReadWithoutFailing(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        byte[] latin1 = "owner: J\u00fcrgen M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(repo.resolve("catalog-info.yaml"), latin1);
        Files.createDirectories(repo.resolve("postmortems"));
        Files.write(repo.resolve("postmortems/2024-01-01-\u00e9chec.md"), "# \u00c9chec\n\n## Root Causes\n\n\u00e7a\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        WorkingTree tree = new WorkingTree(repo, "", LIMIT);
        assertThat(tree.readText("catalog-info.yaml").text()).contains("J\u00fcrgen");
        Assessment a = new Assessor().assess(Requests.of(repo)).assessment();
        assertThat(a.problems()).noneMatch(p -> p.message().contains("scanner failed"));
    }
}
