package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.time.Instant;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepositoryTest {

    private static long epoch(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    /**
     * main: A (Jan 10) - B (Feb 5) - M (Mar 3, merging feature); feature: F (Feb 20), branched from A. The first-parent
     * chain from M is M, B, A: F is newer than B but never what main pointed at, so it never stands for a time.
     */
    @Test
    void firstParentAtFollowsOnlyFirstParentsAndStopsBeforeTheFirstCommit(@TempDir Path dir) throws Exception {
        RevCommit a;
        RevCommit b;
        RevCommit m;
        try (TestRepo repo = TestRepo.init(dir)) {
            a = repo.at("2024-01-10T10:00:00Z").write("a.txt", "a\n").commit("Ann", "ann@x.org", "A");
            repo.branch("feature").at("2024-02-20T10:00:00Z").write("f.txt", "f\n").commit("Bob", "bob@x.org", "F");
            repo.checkout("main").at("2024-02-05T10:00:00Z").write("b.txt", "b\n").commit("Ann", "ann@x.org", "B");
            b = repo.git().getRepository().parseCommit(repo.git().getRepository().resolve("main"));
            m = repo.at("2024-03-03T10:00:00Z").merge("feature", "Ann", "ann@x.org");
        }
        try (GitRepository repo = GitRepository.open(dir)) {
            GitCommit head = repo.resolve("HEAD").orElseThrow();
            assertThat(head.id()).isEqualTo(m.name());
            assertThat(head.commitTime()).isEqualTo(epoch("2024-03-03T10:00:00Z"));

            assertThat(repo.firstParentAt(head, epoch("2024-03-03T10:00:00Z"))).isEqualTo(head);
            assertThat(repo.firstParentAt(head, epoch("2024-02-29T23:59:59Z")).id()).isEqualTo(b.name());
            assertThat(repo.firstParentAt(head, epoch("2024-02-05T09:59:59Z")).id()).isEqualTo(a.name());
            assertThat(repo.firstParentAt(head, epoch("2024-01-10T10:00:00Z")).id()).isEqualTo(a.name());
            assertThat(repo.firstParentAt(head, epoch("2024-01-10T09:59:59Z"))).isNull();

            // walking on from an earlier answer gives what walking from head gives (the trend relies on it)
            GitCommit february = repo.firstParentAt(head, epoch("2024-02-29T23:59:59Z"));
            assertThat(repo.firstParentAt(february, epoch("2024-01-31T23:59:59Z")))
                    .isEqualTo(repo.firstParentAt(head, epoch("2024-01-31T23:59:59Z")));
            assertThat(february.commitTime()).isEqualTo(epoch("2024-02-05T10:00:00Z"));
        }
    }

    /** A commit dated before its parent (a skewed clock) stands for its own time: the chain is read in order. */
    @Test
    void firstParentAtTakesTheFirstCommitOfTheChainNotTheNewestByDate(@TempDir Path dir) throws Exception {
        RevCommit skewed;
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-01-10T10:00:00Z").write("a.txt", "a\n").commit("Ann", "ann@x.org", "A");
            repo.at("2024-03-01T10:00:00Z").write("b.txt", "b\n").commit("Ann", "ann@x.org", "B");
            skewed = repo.at("2024-02-01T10:00:00Z").write("c.txt", "c\n").commit("Ann", "ann@x.org", "C");
        }
        try (GitRepository repo = GitRepository.open(dir)) {
            GitCommit head = repo.resolve("HEAD").orElseThrow();
            assertThat(repo.firstParentAt(head, epoch("2024-02-15T00:00:00Z")).id()).isEqualTo(skewed.name());
        }
    }

    @Test
    void resolveNamesCommitsByBranchTagAndIdAndIsEmptyForAnythingElse(@TempDir Path dir) throws Exception {
        RevCommit first;
        RevCommit second;
        try (TestRepo repo = TestRepo.init(dir)) {
            first = repo.write("a.txt", "a\n").commit("Ann", "ann@x.org", "one");
            repo.tag("v1");
            repo.git().tag().setName("v1-annotated").setAnnotated(true).setMessage("release").setSigned(false)
                    .call();
            second = repo.write("a.txt", "b\n").commit("Ann", "ann@x.org", "two");
        }
        try (GitRepository repo = GitRepository.open(dir)) {
            assertThat(repo.resolve("HEAD")).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(second.name()));
            assertThat(repo.resolve("main")).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(second.name()));
            assertThat(repo.resolve("v1")).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(first.name()));
            assertThat(repo.resolve("v1-annotated")) // an annotated tag is peeled to its commit
                    .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(first.name()));
            assertThat(repo.resolve(first.name().substring(0, 10)))
                    .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(first.name()));
            assertThat(repo.resolve("HEAD~1")).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(first.name()));
            assertThat(repo.resolve("no-such-branch")).isEmpty();
            assertThat(repo.resolve("HEAD~5")).isEmpty();
            assertThat(repo.resolve("main^{tree")).isEmpty(); // not even revision syntax: empty, not an exception
            assertThat(repo.resolve("HEAD").orElseThrow().id()).isEqualTo(repo.resolve("main").orElseThrow().id());
            assertThat(repo.currentBranch()).isEqualTo("main");
            assertThat(repo.tree(repo.resolve("v1").orElseThrow(), "", 1024).readText("a.txt").text())
                    .isEqualTo("a\n");
        }
    }

    @Test
    void aRepositoryWithoutCommitsResolvesNothing(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        try (GitRepository repo = GitRepository.findUpwards(dir).orElseThrow()) {
            assertThat(repo.resolve("HEAD")).isEmpty();
            assertThat(repo.currentBranch()).isEqualTo("main");
            assertThat(repo.bare()).isFalse();
            assertThat(repo.tracks("")).isTrue();
        }
    }
}
