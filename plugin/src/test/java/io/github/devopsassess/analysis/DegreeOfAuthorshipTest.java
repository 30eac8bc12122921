package io.github.devopsassess.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.MinedCommit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The replay that feeds DOA: what counts as first authorship, a delivery and an acceptance. */
class DegreeOfAuthorshipTest {

    private final List<AuthoredCommit> commits = new ArrayList<>();

    private DegreeOfAuthorshipTest touch(String who, FileTouch... files) {
        int n = commits.size();
        commits.add(new AuthoredCommit(new MinedCommit("c" + n, who, who + "@x.org", n, n, 1, "change " + n, List.of(),
                List.of(files)), new Person(who, who, false)));
        return this;
    }

    private static FileTouch add(String path) {
        return new FileTouch(path, null, 'A', -1, -1);
    }

    private static FileTouch modify(String path) {
        return new FileTouch(path, null, 'M', -1, -1);
    }

    private static FileTouch rename(String from, String to) {
        return new FileTouch(to, from, 'R', -1, -1);
    }

    private Set<String> authorsOf(String file) {
        return DegreeOfAuthorship.authorship(commits, List.of(file)).authors().get(file);
    }

    /**
     * ann created it (FA 1, DL 0, AC 1): 4.1685; ben changed it once (DL 1, AC 0): 3.457, normalised 0.83. Counting
     * the creation as a change too, as this class once did, gave ann 4.3325 and ben 3.2345, below 3.293: no author.
     */
    @Test
    void creatingAFileIsFirstAuthorshipAndNotAlsoADelivery() {
        touch("ann", add("X.java")).touch("ben", modify("X.java"));
        assertThat(authorsOf("X.java")).containsExactly("ann", "ben");
    }

    /** ann created it and changed it twice (FA 1, DL 2, AC 1): 4.4965; ben's one change after two others: 3.1043. */
    @Test
    void aLateSingleChangeAfterManyIsNoAuthorship() {
        touch("ann", add("X.java")).touch("ann", modify("X.java")).touch("ann", modify("X.java"))
                .touch("ben", modify("X.java"));
        assertThat(authorsOf("X.java")).containsExactly("ann");
        assertThat(DegreeOfAuthorship.doa(false, 1, 2)).isLessThan(DegreeOfAuthorship.BASE);
    }

    /** The creator of the file before its move keeps first authorship; the move is ben's delivery. */
    @Test
    void aRenameKeepsTheCreatorAndCountsAsADeliveryOfWhoMovedIt() {
        touch("ann", add("old/X.java")).touch("ann", modify("old/X.java")).touch("ann", modify("old/X.java"))
                .touch("ben", rename("old/X.java", "new/X.java"));
        // ann FA 1, DL 2, AC 1: 4.4965; ben DL 1, AC 2: 3.1043
        assertThat(authorsOf("new/X.java")).containsExactly("ann");
    }

    @Test
    void aCreatorWhoNeverChangedTheFileAgainIsStillItsAuthor() {
        touch("ann", add("X.java"));
        assertThat(authorsOf("X.java")).containsExactly("ann");
    }

    @Test
    void aDeletedAndRecreatedFileStartsAgainWithItsNewCreator() {
        touch("ann", add("X.java")).touch("ann", modify("X.java")).touch("ann", new FileTouch("X.java", null, 'D', -1,
                -1)).touch("ben", add("X.java"));
        assertThat(authorsOf("X.java")).containsExactly("ben");
    }
}
