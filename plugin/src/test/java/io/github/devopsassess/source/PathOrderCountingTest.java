package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.MinedCommit;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines are counted file by file (every change of one path, then the next path) so that a file's versions are read
 * one after the other from their delta chains; the facts must be exactly those of counting commit by commit, as
 * before: the same touches with the same lines added and removed, on one worker or two, scoped or not, fresh or
 * re-mined from the cache. The histories are packed by JGit's garbage collection, so blobs are read through deltas.
 */
class PathOrderCountingTest {

    private static final String[] FILES = {"src/main/java/org/ex/Billing.java", "src/main/java/org/ex/Ledger.java",
        "deploy/values-prod.yaml", "docs/runbook.md", "src/main/resources/application.properties"};

    /** A file of {@code n} lines, each naming its number and a word that edits change. */
    private static List<String> text(Random random, int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add("line " + i + " value " + random.nextInt(1000));
        }
        return lines;
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Replaces, inserts and deletes a few lines at random places: histogram diffs with several regions. */
    private static void edit(Random random, List<String> lines) {
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
            switch (random.nextInt(3)) {
                case 0 -> lines.add(at, "inserted " + random.nextInt(100_000));
                case 1 -> {
                    if (!lines.isEmpty()) {
                        lines.remove(at);
                    }
                }
                default -> {
                    if (!lines.isEmpty()) {
                        lines.set(at, "changed " + random.nextInt(100_000));
                    }
                }
            }
        }
    }

    /**
     * 120 commits by three people over five text files, with renames, a deleted and re-added file, a file that is gone
     * from the head, a binary file and a file that outgrows the size limit of the miner; then packed with deltas.
     */
    private static void history(TestRepo repo) throws Exception {
        Random random = new Random(23);
        Map<String, List<String>> files = new LinkedHashMap<>();
        for (String f : FILES) {
            files.put(f, text(random, 40 + random.nextInt(200)));
            repo.write(f, join(files.get(f)));
        }
        repo.at("2025-01-01T10:00:00Z").commit("Ann", "ann@x.org", "initial");
        String[] people = {"Ann", "Ben", "Cid"};
        for (int i = 1; i <= 120; i++) {
            List<String> names = new ArrayList<>(files.keySet());
            int touched = 1 + random.nextInt(3);
            for (int k = 0; k < touched; k++) {
                String f = names.get(random.nextInt(names.size()));
                edit(random, files.get(f));
                repo.write(f, join(files.get(f)));
            }
            if (i % 37 == 0) { // a move that keeps the content, and one that changes it a little
                String from = names.get(random.nextInt(names.size()));
                String to = from.replace("org/ex", "org/ex/moved" + i).replace("deploy/", "deploy/v" + i + "/")
                        .replace("docs/", "docs/v" + i + "/").replace("resources/", "resources/v" + i + "/");
                repo.rename(from, to);
                files.put(to, files.remove(from));
            }
            if (i == 50) {
                repo.delete(FILES[3]);
                files.remove(FILES[3]);
            }
            if (i == 70) {
                files.put(FILES[3], text(random, 30));
                repo.write(FILES[3], join(files.get(FILES[3])));
            }
            if (i == 30 || i == 40) { // a scratch tool that lives for a while
                repo.write("tools/Scratch.java", join(text(random, 20 + i)));
            }
            if (i == 60) {
                repo.delete("tools/Scratch.java");
            }
            if (i % 25 == 0) {
                repo.write("assets/logo.png", "PNG\u0000binary " + i + "\n");
            }
            if (i % 10 == 0) { // grows past the miner's size limit half-way through
                repo.write("data/large.csv", join(text(random, i * 5)));
            }
            String who = people[random.nextInt(people.length)];
            repo.at(String.format("2025-%02d-%02dT10:00:00Z", 1 + i / 28, 1 + i % 28))
                    .commit(who, who.toLowerCase() + "@x.org", "change " + i);
        }
        repo.git().gc().setAggressive(true).call();
    }

    private static GitHistory.Options options(int threads) {
        // a small size limit, so that some versions of data/large.csv are not diffed
        return new GitHistory.Options(true, true, 8 * 1024, threads, "v*", null);
    }

    /** Every touch of every commit, with its lines, keyed by commit and path. */
    private static Map<String, FileTouch> touches(History h) {
        Map<String, FileTouch> out = new LinkedHashMap<>();
        for (MinedCommit c : h.commits()) {
            for (FileTouch t : c.files()) {
                out.put(c.id() + " " + t.path() + " " + t.kind(), t);
            }
        }
        return out;
    }

    /** Only the head's tree is read (no trend point), so the files that left it are left uncounted. */
    private static final LineScope HEAD_ONLY = new LineScope() {
        @Override
        public Collection<String> liveFiles() {
            return List.of();
        }

        @Override
        public Collection<GitCommit> pastCommits(GitCommit head, long oldestTime) {
            return List.of();
        }
    };

    @Test
    void countingFileByFileGivesTheLinesOfCountingCommitByCommit(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            history(repo);
            Repository r = repo.git().getRepository();
            for (LineScope scope : List.of(LineScope.ALL, HEAD_ONLY)) {
                Map<String, FileTouch> before = touches(new GitHistory(r, Mailmap.empty(), options(1))
                        .countingInCommitOrder().mine(r.resolve("HEAD"), "", scope));
                for (int threads : new int[] {1, 2}) {
                    Map<String, FileTouch> now = touches(new GitHistory(r, Mailmap.empty(), options(threads))
                            .mine(r.resolve("HEAD"), "", scope));
                    assertThat(now).as("%s worker(s)", threads).containsExactlyEntriesOf(before);
                }
                assertThat(before.values()).as("text changes are counted").anySatisfy(t -> {
                    assertThat(t.added()).isPositive();
                    assertThat(t.removed()).isPositive();
                });
                assertThat(before.values()).filteredOn(t -> t.path().equals("assets/logo.png"))
                        .as("a binary file's lines are unknown").isNotEmpty()
                        .allSatisfy(t -> assertThat(t.added()).isEqualTo(-1));
                assertThat(before.values()).filteredOn(t -> t.path().equals("data/large.csv"))
                        .extracting(FileTouch::added).as("counted while small, unknown once over the limit")
                        .contains(-1).anySatisfy(n -> assertThat(n).isPositive());
                assertThat(before.values()).filteredOn(t -> t.kind() == 'R').as("renames").isNotEmpty();
            }
        }
    }

    @Test
    void commitsMinedAgainFromTheCacheAreCountedAsCommitByCommit(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            history(repo);
            Repository r = repo.git().getRepository();
            History first = new GitHistory(r, Mailmap.empty(), options(2).withCache(cache))
                    .mine(r.resolve("HEAD"), "", HEAD_ONLY);
            assertThat(touches(first).values()).as("a file that left the tree is uncounted")
                    .anySatisfy(t -> assertThat(t.added()).isEqualTo(-1));

            assertThat(touches(first).values()).filteredOn(t -> t.path().equals("tools/Scratch.java"))
                    .as("the scratch tool is gone from the head's tree").hasSize(3)
                    .allSatisfy(t -> assertThat(t.added()).isEqualTo(-1));

            // the scratch tool comes back: the commits that changed it are read again
            RevCommit back = repo.at("2025-07-01T10:00:00Z").write("tools/Scratch.java", "back\n")
                    .commit("Ann", "ann@x.org", "scratch tool again");
            History again = new GitHistory(r, Mailmap.empty(), options(2).withCache(cache))
                    .mine(back, "", HEAD_ONLY);
            assertThat(again.stats().mined()).as("the new commit and the three that changed the scratch tool")
                    .isEqualTo(4);
            History fresh = new GitHistory(r, Mailmap.empty(), options(1)).countingInCommitOrder()
                    .mine(back, "", HEAD_ONLY);
            assertThat(touches(again)).containsExactlyEntriesOf(touches(fresh));
        }
    }
}
