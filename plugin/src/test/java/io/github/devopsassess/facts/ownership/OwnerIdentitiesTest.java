package io.github.devopsassess.facts.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.facts.history.MinedCommit;
import io.github.devopsassess.facts.history.Person;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An owner's handle matches any name or e-mail its person committed under, not only the first one seen. */
class OwnerIdentitiesTest {

    private static AuthoredCommit commit(int n, String name, String email, Person who) {
        return new AuthoredCommit(new MinedCommit(String.format("%040x", n), name, email, 1_700_000_000L + n,
                1_700_000_000L + n, 1, "change", List.of(), List.of(new FileTouch("a.txt", null, 'M', 1, 0))), who);
    }

    @Test
    void everyNameAndAddressOfAPersonCounts() {
        Person eric = new Person("ericpgreen2@gmail.com", "Eric Green", false);
        Person varad = new Person("varad@corp.example", "Varad Meru", false);
        HistoryFacts history = new HistoryFacts(true, null, List.of(
                commit(1, "Eric Green", "ericpgreen2@gmail.com", eric),
                commit(2, "greenep12", "ericpgreen2@gmail.com", eric),
                commit(3, "Varad Meru", "varad@corp.example", varad),
                commit(4, "Varad Meru", "1234+vrdmr@users.noreply.github.com", varad)),
                List.of(), List.of(), Map.of(eric.key(), eric, varad.key(), varad), List.of(), 1_700_000_010L, false);
        OwnerIdentities ids = new OwnerIdentities(history);
        assertThat(ids.people(Owner.parse("@greenep12"))).containsExactly("ericpgreen2@gmail.com");
        assertThat(ids.people(Owner.parse("@vrdmr"))).containsExactly("varad@corp.example");
        assertThat(ids.people(Owner.parse("@somebody-else"))).isEmpty();
        assertThat(ids.people(Owner.parse("@acme/platform"))).isEmpty(); // a team: history does not know its members
    }

    @Test
    void aMaintainerWhoOnlyMergesIsKnownByTheMergesAuthorName() {
        Person eric = new Person("ericpgreen2@gmail.com", "Eric Green", false);
        // GitHub's web interface commits the merge; its author is the maintainer, under a handle-like name
        Merge web = new Merge("m1", "octo-cat", "octo@corp.example", "GitHub", "noreply@github.com", 1_700_000_020L,
                "Merge pull request #7 from eric/fix");
        HistoryFacts history = new HistoryFacts(true, null, List.of(
                commit(1, "Eric Green", "ericpgreen2@gmail.com", eric)), List.of(web), List.of(),
                Map.of(eric.key(), eric), List.of(), 1_700_000_030L, false);
        OwnerIdentities ids = new OwnerIdentities(history);
        assertThat(ids.people(Owner.parse("@octo-cat"))).containsExactly("octo@corp.example");
        assertThat(ids.people(Owner.parse("@github"))).isEmpty(); // the platform that committed it is nobody
    }
}
