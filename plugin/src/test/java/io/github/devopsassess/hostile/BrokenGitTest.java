package io.github.devopsassess.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories git itself would complain about: corrupt and missing objects, a linked worktree, a bare mirror and
 * thousands of refs. The history areas say why they were not assessed; everything else is assessed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrokenGitTest {

    private static TestRepo history(Path dir) {
        TestRepo repo = TestRepo.init(dir);
        repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - uses: actions/checkout@v4\n      - run: mvn verify\n");
        repo.write("src/A.java", "class A {}\n").commit("Ann", "ann@example.org", "first");
        repo.append("src/A.java", "// two").commit("Bob", "bob@example.org", "second");
        repo.append("src/A.java", "// three").commit("Ann", "ann@example.org", "third");
        // ten changes to src/ in all, so that folder checks of history have enough to judge
        for (int i = 4; i <= 10; i++) {
            repo.append("src/A.java", "// " + i).commit(i % 2 == 0 ? "Bob" : "Ann",
                    i % 2 == 0 ? "bob@example.org" : "ann@example.org", "change " + i);
        }
        return repo;
    }

    private static Path looseObject(TestRepo repo, ObjectId id) {
        String name = id.name();
        return repo.dir().resolve(".git/objects/" + name.substring(0, 2) + "/" + name.substring(2));
    }

    /** The blob of src/A.java in the first commit: mining needs it for line counts. */
    private static ObjectId firstBlob(TestRepo repo) throws Exception {
        var r = repo.git().getRepository();
        try (RevWalk walk = new RevWalk(r)) {
            RevCommit head = walk.parseCommit(r.resolve("HEAD"));
            RevCommit first = head;
            while (first.getParentCount() > 0) {
                first = walk.parseCommit(first.getParent(0));
            }
            try (TreeWalk tw = TreeWalk.forPath(r, "src/A.java", first.getTree())) {
                return tw.getObjectId(0);
            }
        }
    }

    private static void assertHistoryNotAssessedButTheRestIs(Assessment a) {
        AreaScore silos = area(a, "knowledge-silos");
        assertThat(silos.checks().stream().filter(c -> c.check().equals("truck-factor")).findFirst())
                .hasValueSatisfying(c -> assertThat(c.summary()).containsIgnoringCase("history"));
        assertThat(area(a, "third-party").assessed()).as("files are still assessed").isTrue();
        assertThat(a.problems()).noneMatch(p -> p.message().contains("scanner failed"));
    }

    private static AreaScore area(Assessment a, String id) {
        return a.areas().stream().filter(x -> x.area().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aCorruptLooseObjectLeavesHistoryNotAssessedWithTheReason(@TempDir Path dir) throws Exception {
        List<String> warnings = new ArrayList<>();
        try (TestRepo repo = history(dir.resolve("repo"))) {
            Path object = looseObject(repo, firstBlob(repo));
            object.toFile().setWritable(true);
            Files.write(object, "this is not zlib".getBytes(StandardCharsets.UTF_8));
            Assessment a = new Assessor().assess(request(repo.dir(), null, warnings)).assessment();
            assertHistoryNotAssessedButTheRestIs(a);
        }
        assertThat(warnings).anyMatch(w -> w.startsWith("History could not be mined"));
    }

    /**
     * A partial clone ({@code --filter=blob:none}) lacks old file versions: history is still mined and assessed, the
     * lines of changes whose blobs are missing are unknown, and the log says so (it used to lose the whole history).
     */
    @Test
    void aMissingBlobAsInAPartialCloneIsMinedWithItsLinesUnknown(@TempDir Path dir) throws Exception {
        List<String> warnings = new ArrayList<>();
        List<String> info = new ArrayList<>();
        try (TestRepo repo = history(dir.resolve("repo"))) {
            Files.delete(looseObject(repo, firstBlob(repo)));
            AssessmentRequest request = new AssessmentRequest(repo.dir(), null, null, "t", null, null,
                    ScanOptions.defaults(), info::add, warnings::add);
            Assessment a = new Assessor().assess(request).assessment();
            assertThat(a.areas().stream().flatMap(x -> x.checks().stream())
                    .filter(c -> c.check().equals("direct-pushes")).findFirst())
                    .hasValueSatisfying(c -> assertThat(c.status()).isNotEqualTo(CheckStatus.NOT_ASSESSED));
        }
        assertThat(warnings).noneMatch(w -> w.contains("History could not be mined"));
        assertThat(info).anyMatch(l -> l.contains("not in this clone"));
    }

    @Test
    void aCorruptHeadCommitStillAssessesTheWorkingTree(@TempDir Path dir) throws Exception {
        List<String> warnings = new ArrayList<>();
        try (TestRepo repo = history(dir.resolve("repo"))) {
            Path object = looseObject(repo, repo.git().getRepository().resolve("HEAD"));
            object.toFile().setWritable(true);
            Files.write(object, new byte[] {1, 2, 3});
            Assessment a = new Assessor().assess(request(repo.dir(), null, warnings)).assessment();
            assertHistoryNotAssessedButTheRestIs(a);
        }
    }

    @Test
    void aCorruptPackLeavesHistoryNotAssessed(@TempDir Path dir) throws Exception {
        List<String> warnings = new ArrayList<>();
        try (TestRepo repo = history(dir.resolve("repo"))) {
            repo.git().gc().setAggressive(false).call();
            Path pack;
            try (var files = Files.list(repo.dir().resolve(".git/objects/pack"))) {
                pack = files.filter(p -> p.toString().endsWith(".pack")).findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(pack);
            for (int i = 12; i < bytes.length - 20; i += 7) {
                bytes[i] ^= 0x5a; // past the header, before the checksum: every object is damaged
            }
            pack.toFile().setWritable(true);
            Files.write(pack, bytes);
            Assessment a = new Assessor().assess(request(repo.dir(), null, warnings)).assessment();
            assertThat(area(a, "third-party").assessed()).isTrue();
            assertThat(a.problems()).noneMatch(p -> p.message().contains("scanner failed"));
        }
    }

    @Test
    void aDotGitFilePointingAtALinkedWorktreeIsFollowed(@TempDir Path dir) throws Exception {
        try (TestRepo repo = history(dir.resolve("repo"))) {
            Path gitDir = dir.resolve("elsewhere.git");
            Files.move(repo.dir().resolve(".git"), gitDir);
            Files.writeString(repo.dir().resolve(".git"), "gitdir: " + gitDir + "\n");
            Assessment a = new Assessor().assess(Requests.of(repo.dir())).assessment();
            assertThat(a.subject().commit()).isNotNull();
            assertThat(area(a, "knowledge-silos").assessed()).isTrue();
        }
    }

    @Test
    void aBareMirrorIsAssessedFromItsObjects(@TempDir Path dir) throws Exception {
        try (TestRepo repo = history(dir.resolve("repo"))) {
            Path bare = dir.resolve("mirror.git");
            try (Git clone = Git.cloneRepository().setURI(repo.dir().toUri().toString()).setBare(true)
                    .setDirectory(bare.toFile()).call()) {
                assertThat(clone.getRepository().isBare()).isTrue();
            }
            Assessment a = new Assessor().assess(request(dir.resolve("project"), bare, new ArrayList<>()))
                    .assessment();
            assertThat(a.subject().workingTree()).isFalse();
            assertThat(area(a, "knowledge-silos").assessed()).isTrue();
            assertThat(area(a, "third-party").assessed()).isTrue();
        }
    }

    @Test
    void thousandsOfRefsAreRead(@TempDir Path dir) throws Exception {
        try (TestRepo repo = history(dir.resolve("repo"))) {
            var r = repo.git().getRepository();
            ObjectId head = r.resolve("HEAD");
            BatchRefUpdate batch = r.getRefDatabase().newBatchUpdate();
            for (int i = 0; i < 3000; i++) {
                batch.addCommand(new ReceiveCommand(ObjectId.zeroId(), head, "refs/tags/v" + i));
            }
            batch.setAtomic(false);
            try (RevWalk walk = new RevWalk(r)) {
                batch.execute(walk, NullProgressMonitor.INSTANCE);
            }
            Assessment a = new Assessor().assess(Requests.of(repo.dir())).assessment();
            assertThat(area(a, "knowledge-silos").assessed()).isTrue();
            assertThat(a.problems()).noneMatch(p -> p.message().contains("scanner failed"));
        }
    }

    private static AssessmentRequest request(Path project, Path repository, List<String> warnings) {
        return new AssessmentRequest(project, repository, null, "t", null, null, ScanOptions.defaults(), s -> { },
                warnings::add);
    }
}
