package io.github.devopsassess.scan.history;

import static io.github.devopsassess.testing.Results.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.source.GitHistory;
import io.github.devopsassess.source.History;
import io.github.devopsassess.source.Mailmap;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History that is truncated, missing, tiny, detached, nested or not UTF-8: assessed honestly, never a crash. */
class HistoryProblemsTest {

    private static void fiveCommits(TestRepo repo) {
        for (int i = 0; i < 5; i++) {
            repo.append("src/A" + (i % 2) + ".java", "line " + i).commit(i < 3 ? "Ann" : "Ben",
                    i < 3 ? "ann@x.org" : "ben@x.org", "change " + i);
        }
    }

    @Test
    void shallowCloneIsReportedAsTruncatedAndLowConfidence(@TempDir Path dir) throws Exception {
        try (TestRepo origin = TestRepo.init(dir.resolve("origin"))) {
            fiveCommits(origin);
        }
        Path clone = dir.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(dir.resolve("origin").toUri().toString())
                .setDirectory(clone.toFile()).setDepth(2).call()) {
            assertThat(git.getRepository().getObjectDatabase().getShallowCommits()).isNotEmpty();
        }
        Assessment a = new Assessor().assess(Requests.of(clone)).assessment();
        assertThat(a.problems()).anySatisfy(p -> assertThat(p.message()).startsWith("history truncated at 2024-01-01T"));
        CheckResult pushes = result(a, "direct-pushes");
        assertThat(a.metrics()).containsKey("directPushes"); // mined: two commits, too few to judge
        assertThat(pushes.summary()).contains("low confidence: history truncated at 2024-01-01");
    }

    @Test
    void shallowBoundaryCommitIsNotCreditedWithTheWholeTree(@TempDir Path dir) throws Exception {
        try (TestRepo origin = TestRepo.init(dir.resolve("origin"))) {
            fiveCommits(origin);
        }
        try (Git git = Git.cloneRepository().setURI(dir.resolve("origin").toUri().toString())
                .setDirectory(dir.resolve("clone").toFile()).setDepth(2).call()) {
            Repository r = git.getRepository();
            History h = new GitHistory(r, Mailmap.empty(), GitHistory.Options.DEFAULT).mine(r.resolve("HEAD"), "");
            assertThat(h.shallow()).isTrue();
            assertThat(h.commits()).hasSize(1); // the boundary commit has no parent here and is left out
            assertThat(h.truncatedAt()).isPositive();
        }
    }

    @Test
    void emptyRepositoryLeavesHistoryAreasNotAssessed(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        Files.writeString(dir.resolve("Main.java"), "class Main {}\n");
        Assessment a = new Assessor().assess(Requests.of(dir)).assessment();
        CheckResult tf = result(a, "truck-factor");
        assertThat(tf.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(tf.summary()).contains("no commits yet");
        assertThat(result(a, "deployment-frequency").status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }

    @Test
    void noGitRepositoryAtAllSaysWhy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Main.java"), "class Main {}\n");
        Assessment a = new Assessor().assess(Requests.of(dir)).assessment();
        for (String id : List.of("truck-factor", "knowledge-loss", "devops-person", "review-signals",
                "lead-time-for-changes", "change-failure-rate")) {
            CheckResult r = result(a, id);
            assertThat(r.status()).as(id).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(r.summary()).as(id).contains("no git repository");
        }
    }

    @Test
    void singleCommitIsAssessed(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/A.java", "class A {}\n").commit("Ann", "ann@x.org", "first");
        }
        Assessment a = new Assessor().assess(Requests.of(dir)).assessment();
        assertThat(a.metrics()).containsEntry("directPushes", 1);
        assertThat(result(a, "lead-time-for-changes").status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }

    @Test
    void detachedHeadIsMinedFromTheCheckedOutCommit(@TempDir Path dir) throws Exception {
        String second;
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/A.java", "a\n").commit("Ann", "ann@x.org", "first");
            second = repo.append("src/A.java", "b").commit("Ben", "ben@x.org", "second").name();
            repo.append("src/A.java", "c").commit("Cid", "cid@x.org", "third");
            repo.git().checkout().setName(second).call();
            assertThat(repo.git().getRepository().getFullBranch()).isEqualTo(second);
        }
        Assessment a = new Assessor().assess(Requests.of(dir)).assessment();
        assertThat(a.subject().commit()).isEqualTo(second);
        assertThat(a.subject().ref()).isNull();
        assertThat(a.metrics()).containsKey("directPushes"); // history mined (too few commits to judge)
    }

    @Test
    void submodulesAreIgnored(@TempDir Path dir) throws Exception {
        try (TestRepo lib = TestRepo.init(dir.resolve("lib"))) {
            lib.write("Lib.java", "class Lib {}\n").commit("Lia", "lia@x.org", "lib");
        }
        try (TestRepo repo = TestRepo.init(dir.resolve("app"))) {
            repo.write("src/App.java", "class App {}\n").commit("Ann", "ann@x.org", "app");
            repo.git().submoduleAdd().setPath("vendor-lib").setURI(dir.resolve("lib").toUri().toString()).call()
                    .close();
            repo.commit("Ann", "ann@x.org", "add submodule");
            Repository r = repo.git().getRepository();
            History h = new GitHistory(r, Mailmap.empty(), GitHistory.Options.DEFAULT).mine(r.resolve("HEAD"), "");
            assertThat(h.commits()).flatExtracting(c -> c.files()).extracting(f -> f.path())
                    .contains(".gitmodules", "src/App.java").doesNotContain("vendor-lib");
        }
    }

    @Test
    void nonUtf8NamesAndMessagesAreDecoded(@TempDir Path dir) throws Exception {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
                ObjectInserter ins = git.getRepository().newObjectInserter()) {
            Repository r = git.getRepository();
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, "x\n".getBytes(latin1));
            TreeFormatter src = new TreeFormatter();
            src.append("caf\u00e9.java".getBytes(latin1), FileMode.REGULAR_FILE, blob); // raw ISO-8859-1 name
            TreeFormatter root = new TreeFormatter();
            root.append("src", FileMode.TREE, ins.insert(src));
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(ins.insert(root));
            PersonIdent zoe = new PersonIdent("Zo\u00eb", "zoe@x.org", Instant.parse("2024-02-01T10:00:00Z"),
                    ZoneOffset.UTC);
            cb.setAuthor(zoe);
            cb.setCommitter(zoe);
            cb.setEncoding(latin1);
            cb.setMessage("Caf\u00e9 ajout\u00e9\n");
            ObjectId commit = ins.insert(cb);
            ins.flush();
            RefUpdate u = r.updateRef("refs/heads/main");
            u.setNewObjectId(commit);
            u.forceUpdate();

            History h = new GitHistory(r, Mailmap.empty(), GitHistory.Options.DEFAULT).mine(commit, "");
            assertThat(h.commits()).singleElement().satisfies(c -> {
                assertThat(c.authorName()).isEqualTo("Zo\u00eb");
                assertThat(c.subject()).isEqualTo("Caf\u00e9 ajout\u00e9");
                assertThat(c.files()).singleElement().satisfies(f -> assertThat(f.path()).startsWith("src/caf")
                        .endsWith(".java"));
            });
            ScanOptions o = ScanOptions.defaults().withShowNames(true);
            Assessment a = new Assessor().assess(new AssessmentRequest(dir, dir, null, "t", null, null, o, s -> { },
                    s -> { })).assessment();
            assertThat(a.metrics()).containsKey("directPushes"); // history mined (too few commits to judge)
        }
    }
}
