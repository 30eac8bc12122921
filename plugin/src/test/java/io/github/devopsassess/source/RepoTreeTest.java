package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoTreeTest {

    @Test
    void commitTreeReadsABareMirrorWithoutCheckout(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("work");
        RevCommit first;
        try (TestRepo repo = TestRepo.init(work)) {
            repo.write("svc/a.txt", "one\n").write("other/b.txt", "b\n");
            first = repo.commit("A", "a@x", "one");
            repo.write("svc/a.txt", "two\n").commit("A", "a@x", "two");
        }
        Path bare = dir.resolve("m.git");
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call()
                .close();
        try (Repository repo = GitRepos.open(bare); RevWalk walk = new RevWalk(repo)) {
            RevCommit old = walk.parseCommit(first.getId());
            CommitTree tree = new CommitTree(repo, old, "svc", 1024);
            assertThat(tree.files()).containsExactly("svc/a.txt");
            assertThat(tree.filesUnder("")).containsExactly("other/b.txt", "svc/a.txt");
            assertThat(tree.readText("svc/a.txt").text()).isEqualTo("one\n");
            assertThat(tree.readText("../etc/passwd").ok()).isFalse();
            assertThat(new CommitTree(repo, old, "", 2).readText("svc/a.txt").skipped()).startsWith("too large");
        }
    }

    @Test
    void workingTreeSkipsBuildOutputAndNeverLeavesTheRoot(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("p/target"));
        Files.writeString(dir.resolve("p/target/x.yml"), "x");
        Files.writeString(dir.resolve("p/a.yml"), "a: 1");
        Files.write(dir.resolve("p/bin.yml"), new byte[] {1, 0, 2});
        Files.createSymbolicLink(dir.resolve("p/link.yml"), Path.of("/etc/hostname"));
        WorkingTree tree = new WorkingTree(dir, "p", 1024);
        assertThat(tree.files()).containsExactly("p/a.yml", "p/bin.yml");
        assertThat(tree.readText("p/bin.yml").skipped()).isEqualTo("binary");
        assertThat(tree.readText("p/../../etc/passwd").ok()).isFalse();
        assertThat(tree.readText("p/link.yml").ok()).isFalse();
    }

    @Test
    void workingTreeOfARepositoryLeavesIgnoredFilesOut(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".gitignore", "*.bak\nout/\n").write("m/a.yml", "a").commit("A", "a@x", "x");
            repo.write("m/a.yml.bak", "old").write("m/out/gen.yml", "g").write("m/new.yml", "untracked but kept");
            WorkingTree tree = new WorkingTree(dir, "m", 1024, repo.git().getRepository());
            assertThat(tree.files()).containsExactly("m/a.yml", "m/new.yml");
            assertThat(tree.filesUnder("")).containsExactly(".gitignore", "m/a.yml", "m/new.yml");
        }
    }

    @Test
    void subtreeIsTheProjectFolderRelativeToTheRepository(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("mod/x.txt", "x").commit("A", "a@x", "x");
        }
        try (Repository repo = GitRepos.findUpwards(dir.resolve("mod")).orElseThrow()) {
            assertThat(GitRepos.subtreeOf(repo, dir.resolve("mod"))).contains("mod");
            assertThat(GitRepos.subtreeOf(repo, dir)).contains("");
        }
    }

    @Test
    void mailmapMapsAllFourForms() {
        Mailmap map = Mailmap.parse("""
                # comment
                Proper One <one@x>
                <two@proper> <TWO@old>
                Proper Three <three@proper> <three@old>
                Proper Four <four@proper> Old Four <four@old>
                """);
        assertThat(map.map("one", "one@x")).containsExactly("Proper One", "one@x");
        assertThat(map.map("Two", "two@old")).containsExactly("Two", "two@proper");
        assertThat(map.map("x", "three@old")).containsExactly("Proper Three", "three@proper");
        assertThat(map.map("Old Four", "four@old")).containsExactly("Proper Four", "four@proper");
        assertThat(map.map("Other", "four@old")).containsExactly("Other", "four@old");
    }
}
