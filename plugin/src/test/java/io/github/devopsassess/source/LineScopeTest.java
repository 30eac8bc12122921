package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.analysis.FileOwnership;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileStats;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.MinedCommit;
import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines counted only for the files an assessment reads (the assessed tree, the trend's trees, and their former names)
 * give the checks the same facts as lines counted for every file, and leave the rest uncounted.
 */
class LineScopeTest {

    private static String lines(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + " line " + i + "\n").collect(Collectors.joining());
    }

    /**
     * Ann writes a service, Ben renames one of its classes (the class keeps its history under its new name), Cid adds a
     * scratch file that lives only until after the trend's point, and a generated file comes and goes before it.
     */
    private static RevCommit[] history(TestRepo repo) {
        RevCommit[] c = new RevCommit[7];
        c[0] = repo.at("2025-01-10T10:00:00Z").write("src/main/java/org/ex/Billing.java", lines("billing", 40))
                .write("src/main/java/org/ex/Ledger.java", lines("ledger", 25))
                .write("docs/runbook.md", lines("runbook", 8)).commit("Ann", "ann@x.org", "Billing service");
        c[1] = repo.at("2025-01-20T10:00:00Z").write("gen/Stub.java", lines("generated", 300))
                .commit("Bot", "ci@x.org", "generated stub");
        c[2] = repo.at("2025-02-03T10:00:00Z").append("src/main/java/org/ex/Billing.java", "// retry on timeout")
                .rename("src/main/java/org/ex/Ledger.java", "src/main/java/org/ex/accounts/Ledger.java")
                .delete("gen/Stub.java").commit("Ben", "ben@x.org", "move Ledger to accounts");
        c[3] = repo.at("2025-03-12T10:00:00Z").write("tools/Scratch.java", lines("scratch", 60))
                .append("docs/runbook.md", "- page the on-call").commit("Cid", "cid@x.org", "scratch tool");
        c[4] = repo.at("2025-04-15T10:00:00Z").append("tools/Scratch.java", "// more")
                .append("src/main/java/org/ex/accounts/Ledger.java", "// audit").commit("Cid", "cid@x.org", "audit");
        c[5] = repo.at("2025-05-02T10:00:00Z").delete("tools/Scratch.java").delete("docs/runbook.md")
                .commit("Ann", "ann@x.org", "drop scratch tool and old runbook");
        c[6] = repo.at("2025-05-20T10:00:00Z").append("src/main/java/org/ex/Billing.java", "// idempotency key")
                .commit("Ben", "ben@x.org", "idempotency");
        return c;
    }

    private static History mine(Repository r, LineScope scope, Path cache) throws Exception {
        GitHistory.Options options = GitHistory.Options.DEFAULT.withThreads(1);
        return new GitHistory(r, Mailmap.empty(), cache == null ? options : options.withCache(cache))
                .mine(r.resolve("HEAD"), "", scope);
    }

    /** The trend's point (the tree of {@code past}) and the head's tree, nothing else. */
    private static LineScope scope(RevCommit past) {
        return new LineScope() {
            @Override
            public Collection<String> liveFiles() {
                return List.of();
            }

            @Override
            public Collection<GitCommit> pastCommits(GitCommit head, long oldestTime) {
                return past == null ? List.of() : List.of(new GitCommit(past));
            }
        };
    }

    private static List<String> files(Repository r, ObjectId commit) throws Exception {
        List<String> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(r); TreeWalk tree = new TreeWalk(r)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                out.add(tree.getPathString());
            }
        }
        return out;
    }

    /** What the line-based checks read: each live file's history (who, how many commits, how many lines). */
    private static Map<String, String> ownership(History h, long until, List<String> liveFiles) {
        List<AuthoredCommit> commits = new ArrayList<>();
        List<MinedCommit> oldestFirst = new ArrayList<>(h.commits());
        java.util.Collections.reverse(oldestFirst);
        for (MinedCommit c : oldestFirst) {
            if (c.commitTime() <= until) {
                commits.add(new AuthoredCommit(c, new Person(c.authorEmail(), c.authorName(), false)));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, FileStats> e : FileOwnership.replay(commits, liveFiles).entrySet()) {
            FileStats s = e.getValue();
            out.put(e.getKey(), s.commits() + " commits, last " + s.lastCommit() + ", weights "
                    + new java.util.TreeMap<>(s.weights()));
        }
        return out;
    }

    private static Map<String, FileTouch> touchesOf(History h) {
        Map<String, FileTouch> out = new LinkedHashMap<>();
        h.commits().forEach(c -> c.files().forEach(t -> out.put(c.id() + " " + t.path(), t)));
        return out;
    }

    @Test
    void theChecksReadTheSameFactsAndOnlyFilesNoTreeHoldsAreLeftUncounted(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            RevCommit[] c = history(repo);
            Repository r = repo.git().getRepository();
            RevCommit trendPoint = c[3]; // the tree at the end of March
            History all = mine(r, LineScope.ALL, null);
            History scoped = mine(r, scope(trendPoint), null);

            List<String> head = files(r, c[6]);
            List<String> past = files(r, trendPoint);
            assertThat(ownership(scoped, Long.MAX_VALUE, head)).isEqualTo(ownership(all, Long.MAX_VALUE, head))
                    .containsKeys("src/main/java/org/ex/accounts/Ledger.java", "src/main/java/org/ex/Billing.java");
            assertThat(ownership(scoped, trendPoint.getCommitTime(), past))
                    .isEqualTo(ownership(all, trendPoint.getCommitTime(), past))
                    .containsKeys("tools/Scratch.java", "docs/runbook.md");
            assertThat(ownership(all, Long.MAX_VALUE, head).get("src/main/java/org/ex/accounts/Ledger.java"))
                    .as("the renamed file keeps Ann's 25 lines written under its former name")
                    .contains("ann@x.org=25");

            // every touch of a file some tree holds, or held under a former name, has the same lines either way
            Set<String> read = new TreeSet<>(head);
            read.addAll(past);
            read.add("src/main/java/org/ex/Ledger.java");
            Map<String, FileTouch> full = touchesOf(all);
            Map<String, FileTouch> part = touchesOf(scoped);
            assertThat(part.keySet()).isEqualTo(full.keySet());
            full.forEach((key, t) -> {
                if (read.contains(t.path())) {
                    assertThat(part.get(key)).as(key).isEqualTo(t);
                }
            });
            // the generated file, gone before any assessed tree, keeps its tree diff but not its lines
            assertThat(full.values()).filteredOn(t -> t.path().equals("gen/Stub.java"))
                    .extracting(FileTouch::kind, FileTouch::added, FileTouch::removed)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple('A', 300, 0),
                            org.assertj.core.groups.Tuple.tuple('D', 0, 300));
            assertThat(part.values()).filteredOn(t -> t.path().equals("gen/Stub.java"))
                    .extracting(FileTouch::kind, FileTouch::added, FileTouch::removed)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple('A', -1, -1),
                            org.assertj.core.groups.Tuple.tuple('D', -1, -1));
            // without the trend's tree, the scratch tool and the old runbook are not read either
            History headOnly = mine(r, scope(null), null);
            assertThat(touchesOf(headOnly).values()).filteredOn(t -> t.path().equals("tools/Scratch.java"))
                    .allSatisfy(t -> assertThat(t.added()).isEqualTo(-1));
            assertThat(ownership(headOnly, Long.MAX_VALUE, head)).isEqualTo(ownership(all, Long.MAX_VALUE, head));
        }
    }

    @Test
    void aCachedCommitWhoseUncountedFileIsReadAgainIsMinedAgain(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            RevCommit[] c = history(repo);
            Repository r = repo.git().getRepository();
            History first = mine(r, scope(null), cache);
            assertThat(first.stats().mined()).isEqualTo(c.length);
            assertThat(mine(r, scope(null), cache).stats().mined()).as("nothing new, nothing mined").isZero();

            // the generated file comes back: the commits that added and deleted it under that path are read again
            repo.at("2025-06-01T10:00:00Z").write("gen/Stub.java", lines("generated", 10))
                    .commit("Ann", "ann@x.org", "stub again");
            History again = mine(r, scope(null), cache);
            assertThat(again.stats().mined()).as("the new commit, and those that added and deleted gen/Stub.java")
                    .isEqualTo(3);
            Map<String, FileTouch> full = touchesOf(mine(r, LineScope.ALL, null));
            Map<String, FileTouch> now = touchesOf(again);
            assertThat(now.keySet()).isEqualTo(full.keySet());
            List<String> head = files(r, r.resolve("HEAD"));
            full.forEach((key, t) -> {
                if (head.contains(t.path()) || t.path().equals("src/main/java/org/ex/Ledger.java")) {
                    assertThat(now.get(key)).as(key).isEqualTo(t);
                }
            });
            assertThat(now.values()).filteredOn(t -> t.path().equals("gen/Stub.java")).hasSize(3)
                    .allSatisfy(t -> assertThat(t.added()).isNotNegative());
        }
    }
}
