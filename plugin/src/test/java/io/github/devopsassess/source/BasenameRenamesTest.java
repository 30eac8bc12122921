package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the pairing by name leaves to the all-against-all detection, which is where a large move spends its time. */
class BasenameRenamesTest {

    private static String properties(String sample) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append(sample).append(".setting").append(i).append('=').append(i * sample.length()).append('\n');
        }
        return text.toString();
    }

    private static List<DiffEntry> diff(TestRepo repo, RevCommit before, RevCommit after) throws Exception {
        try (TreeWalk walk = new TreeWalk(repo.git().getRepository())) {
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            walk.addTree(before.getTree());
            walk.addTree(after.getTree());
            return DiffEntry.scan(walk);
        }
    }

    @Test
    void namesThatRecurFiveFoldersDeepArePairedByTheFolderThatDiffers(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            String tail = "/src/main/resources/config/application.properties";
            RevCommit before = repo.write("samples/alpha" + tail, properties("alpha"))
                    .write("samples/beta" + tail, properties("beta")).commit("Ann", "ann@x.org", "samples");
            // the last four folders are the same in both samples: only the sample's own folder tells them apart
            RevCommit after = repo.delete("samples/alpha" + tail).delete("samples/beta" + tail)
                    .write("examples/alpha" + tail, properties("alpha") + "alpha.extra=1\n")
                    .write("examples/beta" + tail, properties("beta") + "beta.extra=1\n")
                    .commit("Ben", "ben@x.org", "samples become examples");
            try (ObjectReader reader = repo.git().getRepository().newObjectReader()) {
                BasenameRenames.Split split = new BasenameRenames(reader, 60, 1024 * 1024, new AtomicInteger())
                        .split(diff(repo, before, after));
                assertThat(split.rest()).isEmpty();
                assertThat(split.paired()).extracting(p -> p.deleted().getOldPath(), p -> p.added().getNewPath())
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("samples/alpha" + tail, "examples/alpha" + tail),
                                org.assertj.core.groups.Tuple.tuple("samples/beta" + tail, "examples/beta" + tail));
            }
        }
    }

    @Test
    void aNamePairBelowTheStricterScoreIsLeftToTheFullDetection(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            String half = properties("gamma").substring(0, properties("gamma").length() / 2);
            RevCommit before = repo.write("old/app.properties", properties("gamma")).commit("Ann", "ann@x.org", "a");
            RevCommit after = repo.delete("old/app.properties").write("new/app.properties", half + "x=1\ny=2\n")
                    .commit("Ben", "ben@x.org", "b");
            try (ObjectReader reader = repo.git().getRepository().newObjectReader()) {
                BasenameRenames.Split split = new BasenameRenames(reader, 50, 1024 * 1024, new AtomicInteger())
                        .split(diff(repo, before, after));
                assertThat(split.paired()).isEmpty();
                assertThat(split.rest()).extracting(DiffEntry::getChangeType)
                        .containsExactlyInAnyOrder(DiffEntry.ChangeType.ADD, DiffEntry.ChangeType.DELETE);
            }
        }
    }
}
