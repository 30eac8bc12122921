package io.github.devopsassess.source;

import io.github.devopsassess.facts.history.FileTouch;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partial clone ({@code git clone --filter=blob:none}, or a mirror without its largest files) lacks blobs: the
 * history must still be mined, with the lines and renames that need a missing blob unknown and said so.
 */
class PartialCloneTest {

    private static void dropObject(Repository r, ObjectId id) throws Exception {
        String name = id.name();
        Files.delete(r.getDirectory().toPath().resolve("objects").resolve(name.substring(0, 2))
                .resolve(name.substring(2)));
    }

    @Test
    void missingBlobsLeaveTheirLinesUnknownAndTheRestOfTheHistoryIntact(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-01-01T10:00:00Z").write("src/A.java", "class A {\n  int a;\n}\n").write("src/B.java", "class B {\n}\n")
                    .commit("Ann", "ann@x.org", "start");
            repo.at("2024-01-02T10:00:00Z").write("src/A.java", "class A {\n  int a;\n  int b;\n}\n").commit("Ann", "ann@x.org", "grow A");
            repo.at("2024-01-03T10:00:00Z").delete("src/B.java").write("lib/B.java", "class B {\n  // moved\n}\n")
                    .commit("Bob", "bob@x.org", "move B");
            repo.at("2024-01-04T10:00:00Z").write("src/C.java", "class C {\n}\n").commit("Bob", "bob@x.org", "add C");
            Repository r = repo.git().getRepository();
            dropObject(r, r.resolve("HEAD~3:src/A.java")); // the first version of A
            dropObject(r, r.resolve("HEAD~3:src/B.java")); // B before it moved

            List<String> log = new ArrayList<>();
            History h = new GitHistory(r, Mailmap.empty(), GitHistory.Options.DEFAULT.withThreads(1), log::add)
                    .mine(r.resolve("HEAD"), "");

            assertThat(h.commits()).hasSize(4); // newest first
            FileTouch grown = h.commits().get(2).files().get(0);
            assertThat(grown.path()).isEqualTo("src/A.java");
            assertThat(grown.added()).isEqualTo(-1); // its old version is missing
            assertThat(h.commits().get(0).files()).containsExactly(new FileTouch("src/C.java", null, 'A', 2, 0));
            // B's move cannot be proven without B's old content: an addition and a deletion
            assertThat(h.commits().get(1).files()).extracting(FileTouch::kind, FileTouch::path).containsExactly(
                    org.assertj.core.groups.Tuple.tuple('A', "lib/B.java"),
                    org.assertj.core.groups.Tuple.tuple('D', "src/B.java"));
            assertThat(log).anyMatch(l -> l.startsWith("History: ") && l.contains("not in this clone"));
        }
    }
}
