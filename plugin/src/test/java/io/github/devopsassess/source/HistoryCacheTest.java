package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCacheTest {

    private static void history(TestRepo repo, int commits, int from) {
        for (int i = from; i < from + commits; i++) {
            repo.append("src/F" + (i % 3) + ".java", "line " + i).commit(i % 2 == 0 ? "Ann" : "Ben",
                    i % 2 == 0 ? "ann@x.org" : "ben@x.org", "change " + i);
        }
    }

    private static History mine(TestRepo repo, Path cache) throws Exception {
        var r = repo.git().getRepository();
        return new GitHistory(r, Mailmap.empty(), GitHistory.Options.DEFAULT.withCache(cache))
                .mine(r.resolve("HEAD"), "");
    }

    @Test
    void secondRunMinesNothingAndNewCommitsAreMinedAlone(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            history(repo, 6, 0);
            History first = mine(repo, cache);
            assertThat(first.stats().mined()).isEqualTo(6);
            assertThat(first.stats().fromCache()).isZero();

            History second = mine(repo, cache);
            assertThat(second.stats().mined()).isZero();
            assertThat(second.stats().fromCache()).isEqualTo(6);
            assertThat(second.commits()).isEqualTo(first.commits());

            history(repo, 3, 6);
            History third = mine(repo, cache);
            assertThat(third.stats().mined()).isEqualTo(3);
            assertThat(third.stats().fromCache()).isEqualTo(6);
            assertThat(third.commits()).hasSize(9);
        }
    }

    @Test
    void theLogLineReportsRealNumbers(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            history(repo, 4, 0);
            List<String> log = new ArrayList<>();
            ScanOptions o = ScanOptions.defaults();
            AssessmentRequest request = new AssessmentRequest(repo.dir(), null, null, "t", null, null,
                    o.withHistory(o.history().withCache(cache)), log::add, log::add);
            new Assessor().assess(request);
            new Assessor().assess(request);
            assertThat(log).filteredOn(l -> l.startsWith("History: mined")).hasSize(2)
                    .satisfies(l -> {
                        assertThat(l.get(0)).startsWith("History: mined 4 new commits (0 from cache) in ");
                        assertThat(l.get(1)).startsWith("History: mined 0 new commits (4 from cache) in ");
                    });
        }
    }

    @Test
    void aCorruptOrForeignCacheIsRebuiltNeverTrusted(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            history(repo, 5, 0);
            History clean = mine(repo, cache);
            Path file;
            try (Stream<Path> files = Files.list(cache)) {
                file = files.filter(f -> f.getFileName().toString().endsWith(".bin")).findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x5a; // one flipped byte in the middle
            Files.write(file, bytes);

            History afterCorruption = mine(repo, cache);
            assertThat(afterCorruption.stats().cacheNote()).contains("corrupt");
            assertThat(afterCorruption.stats().mined()).isEqualTo(5);
            assertThat(afterCorruption.commits()).isEqualTo(clean.commits());
            assertThat(mine(repo, cache).stats().fromCache()).isEqualTo(5); // rebuilt

            Files.writeString(file, "not a cache at all");
            History foreign = mine(repo, cache);
            assertThat(foreign.stats().cacheNote()).contains("is not a history cache");
            assertThat(foreign.stats().mined()).isEqualTo(5);

            Files.write(file, new byte[0]);
            assertThat(mine(repo, cache).stats().mined()).isEqualTo(5);
        }
    }

    @Test
    void aCacheWrittenWithOtherOptionsIsNotUsed(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            history(repo, 3, 0);
            var r = repo.git().getRepository();
            ObjectId head = r.resolve("HEAD");
            GitHistory.Options touchOnly = new GitHistory.Options(false, true, 1 << 20).withCache(cache);
            History touches = new GitHistory(r, Mailmap.empty(), touchOnly).mine(head, "");
            assertThat(touches.commits()).allSatisfy(c -> assertThat(c.files()).allSatisfy(
                    f -> assertThat(f.added()).isEqualTo(-1)));
            History lines = mine(repo, cache); // line counts wanted: the touch-only cache cannot serve them
            assertThat(lines.stats().mined()).isEqualTo(3);
            assertThat(lines.commits()).allSatisfy(c -> assertThat(c.files()).allSatisfy(
                    f -> assertThat(f.added()).isEqualTo(1)));
        }
    }

    @Test
    void concurrentRunsLeaveAReadableCache(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            history(repo, 20, 0);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<History>> runs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    runs.add(pool.submit(() -> mine(repo, cache)));
                }
                for (Future<History> f : runs) {
                    assertThat(f.get().commits()).hasSize(20);
                }
            } finally {
                pool.shutdownNow();
            }
            History after = mine(repo, cache);
            assertThat(after.stats().cacheNote()).isNull();
            assertThat(after.stats().fromCache()).isEqualTo(20);
            try (Stream<Path> files = Files.list(cache)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }

    @Test
    void parallelMiningGivesTheSameFactsAsOneWorker(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            history(repo, 40, 0);
            repo.rename("src/F1.java", "lib/F1.java").commit("Ann", "ann@x.org", "move");
            repo.delete("src/F2.java").commit("Ben", "ben@x.org", "drop");
            var r = repo.git().getRepository();
            ObjectId head = r.resolve("HEAD");
            History one = new GitHistory(r, Mailmap.empty(), GitHistory.Options.DEFAULT.withThreads(1))
                    .mine(head, "");
            History three = new GitHistory(r, Mailmap.empty(), GitHistory.Options.DEFAULT.withThreads(3))
                    .mine(head, "");
            assertThat(three.commits()).isEqualTo(one.commits());
            assertThat(three.merges()).isEqualTo(one.merges());
            assertThat(one.commits()).hasSize(42);
        }
    }
}
