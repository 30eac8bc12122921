package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks replay the history through maps keyed by path: one instance per path keeps every lookup at identity. */
class SharedPathsTest {

    private static History mine(TestRepo repo, GitHistory.Options options) throws Exception {
        Repository r = repo.git().getRepository();
        return new GitHistory(r, Mailmap.empty(), options).mine(r.resolve("HEAD"), "");
    }

    private static String pathIn(History history, int commit) {
        return history.commits().get(commit).files().get(0).path();
    }

    @Test
    void aPathTouchedByManyCommitsIsOneInstanceWhetherMinedOrCached(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("src/main/java/org/acme/Service.java", "class Service {}\n").commit("Ann", "ann@x.org", "add");
            repo.append("src/main/java/org/acme/Service.java", "// more").commit("Ben", "ben@x.org", "change");
            GitHistory.Options options = new GitHistory.Options(false, true, 1 << 20).withCache(dir.resolve("cache"));

            History mined = mine(repo, options);
            assertThat(pathIn(mined, 0)).isEqualTo("src/main/java/org/acme/Service.java").isSameAs(pathIn(mined, 1));

            // the next run reads two commits from the cache and mines the third: all three share the path
            repo.append("src/main/java/org/acme/Service.java", "// again").commit("Ann", "ann@x.org", "again");
            History mixed = mine(repo, options);
            assertThat(mixed.stats().mined()).isEqualTo(1);
            assertThat(List.of(pathIn(mixed, 1), pathIn(mixed, 2))).allSatisfy(p -> assertThat(p)
                    .isSameAs(pathIn(mixed, 0)));
        }
    }
}
