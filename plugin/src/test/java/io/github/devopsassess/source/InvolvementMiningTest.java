package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.history.Involvement;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who took part in a commit besides its author: its committer, and the people of its review, acknowledgement and
 * co-author trailers, after {@code .mailmap}; and a merge's people mapped by {@code .mailmap} like a commit's.
 */
class InvolvementMiningTest {

    private static History mine(TestRepo repo, Mailmap mailmap) throws Exception {
        Repository r = repo.git().getRepository();
        return new GitHistory(r, mailmap, GitHistory.Options.DEFAULT.withThreads(1)).mine(r.resolve("HEAD"), "");
    }

    @Test
    void committersAndTrailerPeopleAreInvolvedAndMailmapAppliesToThemAndToMerges(@TempDir Path dir)
            throws Exception {
        Mailmap mailmap = Mailmap.parse("Dave Thompson <dave@kitware.example> <dave@home.example>\n"
                + "Ben Boeck <ben@kitware.example> Ben B <ben@laptop.example>\n");
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("a.txt", "1").commit("Ann Lee", "ann@x.example", "start");
            repo.branch("topic");
            repo.write("b.txt", "1").commit("Ann Lee", "ann@x.example", "Rob Ott", "robot@x.example", "rebased");
            repo.write("b.txt", "2").commit("Ann Lee", "ann@x.example", "Ann Lee", "ANN@x.example", "own commit");
            repo.write("b.txt", "3").commit("Ann Lee", "ann@x.example", "GitHub", "noreply@github.com", "web edit");
            repo.checkout("main");
            repo.write("c.txt", "1").commit("Ann Lee", "ann@x.example", "meanwhile");
            repo.merge("topic", "Ben B", "ben@laptop.example", "Merge topic 'topic'\n\n"
                    + "1234567 rebased\n\n"
                    + "Acked-by: Kitware Robot <kwrobot@kitware.example>\n"
                    + "Tested-by: buildbot <buildbot@kitware.example>\n"
                    + "Reviewed-by: Dave Thompson <dave@home.example>\n"
                    + "Co-authored-by: Cy Moss\n"
                    + "Merge-request: !3124\n");
            History history = mine(repo, mailmap);

            assertThat(history.involvements()).extracting(Involvement::role, Involvement::name, Involvement::email)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("committer", "Rob Ott", "robot@x.example"),
                            org.assertj.core.groups.Tuple.tuple("acked-by", "Kitware Robot", "kwrobot@kitware.example"),
                            org.assertj.core.groups.Tuple.tuple("reviewed-by", "Dave Thompson", "dave@kitware.example"),
                            org.assertj.core.groups.Tuple.tuple("co-authored-by", "Cy Moss", ""));
            Merge merge = history.merges().get(0);
            assertThat(merge.authorName()).isEqualTo("Ben Boeck");
            assertThat(merge.committerEmail()).isEqualTo("ben@kitware.example");
            assertThat(history.involvements()).filteredOn(i -> i.role().equals("reviewed-by")).singleElement()
                    .satisfies(i -> assertThat(i.time()).isEqualTo(merge.commitTime()));
        }
    }

    @Test
    void trailersAreOnlyThoseOfTheLastParagraph() {
        assertThat(GitHistory.trailerValues("Fix it\n\nReviewed-by: someone said so in the body\n\nmore text"))
                .isEmpty();
        assertThat(GitHistory.trailerValues("Fix it\n\nReviewed-by: Ann Lee <ann@x.example>\n"))
                .singleElement().satisfies(t -> assertThat(t).containsExactly("reviewed-by", "Ann Lee <ann@x.example>"));
    }
}
