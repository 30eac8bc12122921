package io.github.devopsassess.scan.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One person, one identity: a nickname in parentheses, an {@code @handle} after the name and a GitHub no-reply address
 * do not make two people; a shared first name, a shared single word and a login two people's addresses share never
 * make one.
 */
class PersonIdentityTest {

    private static Map<String, Integer> commitsByKey(Path dir) throws Exception {
        HistoryFacts history = new Assessor().assess(Requests.withNames(dir)).facts().find(HistoryFacts.class)
                .orElseThrow();
        Map<String, Integer> byKey = new TreeMap<>();
        history.commits().forEach(c -> byKey.merge(c.author().key(), 1, Integer::sum));
        return byKey;
    }

    private static String keyOf(Path dir, String subject) throws Exception {
        HistoryFacts history = new Assessor().assess(Requests.withNames(dir)).facts().find(HistoryFacts.class)
                .orElseThrow();
        return history.commits().stream().filter(c -> c.commit().subject().equals(subject)).findFirst().orElseThrow()
                .author().key();
    }

    @Test
    void aNicknameInParenthesesAndAHandleAfterTheNameAreOnePerson(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            // the shapes of a maintainer who renamed himself over the years, under two addresses
            repo.write("a.txt", "1").commit("Daniel Doubrovkine (dB.) @dblockdotorg", "dblock@dblock.example", "one");
            repo.write("a.txt", "2").commit("Daniel Doubrovkine (dB.) @dblockdotorg", "dblock@dblock.example", "two");
            repo.write("a.txt", "3").commit("Daniel (dB.) Doubrovkine", "dblock@bigcorp.example", "three");
            repo.write("a.txt", "4").commit("Daniel  Doubrovkine", "daniel@old.example", "four");
        }
        assertThat(commitsByKey(dir)).containsExactly(Map.entry("dblock@dblock.example", 4));
    }

    @Test
    void aNoReplyLoginIsThePersonWhoUsesItAsANameOrAsTheirAddressesLocalPart(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            // the same address under a full name and under the login; the web editor's no-reply address
            repo.write("a.txt", "1").commit("Nimal Kirubak", "nimal.kirubak@dept.example", "full name");
            repo.write("a.txt", "2").commit("nimalk7", "nimal.kirubak@dept.example", "login as name");
            repo.write("a.txt", "3").commit("nimalk7", "43585976+nimalk7@users.noreply.github.com", "web one");
            repo.write("a.txt", "4").commit("nimalk7", "43585976+nimalk7@users.noreply.github.com", "web two");
            // a login that is the local part of someone's only address
            repo.write("b.txt", "1").commit("Priya R", "priyarao@corp.example", "local part");
            repo.write("b.txt", "2").commit("P. Rao", "999+priyarao@users.noreply.github.com", "by login");
        }
        Map<String, Integer> byKey = commitsByKey(dir);
        assertThat(byKey).hasSize(2);
        assertThat(keyOf(dir, "web one")).isEqualTo(keyOf(dir, "full name"));
        assertThat(keyOf(dir, "by login")).isEqualTo(keyOf(dir, "local part"));
    }

    @Test
    void twoPeopleWhoShareAFirstNameOrALoginStayTwo(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("a.txt", "1").commit("Daniel Smith", "dsmith@one.example", "smith");
            repo.write("a.txt", "2").commit("Daniel (Dan) Jones", "djones@two.example", "jones");
            repo.write("a.txt", "3").commit("Daniel", "daniel@three.example", "daniel three");
            repo.write("a.txt", "4").commit("Daniel", "daniel@four.example", "daniel four");
            // "alex" is the local part of two people's addresses: the no-reply "alex" is neither of them
            repo.write("b.txt", "1").commit("Alex Brown", "alex@brown.example", "brown");
            repo.write("b.txt", "2").commit("Alex Green", "alex@green.example", "green");
            repo.write("b.txt", "3").commit("alex", "1+alex@users.noreply.github.com", "noreply alex");
            // a generic mailbox is nobody's login
            repo.write("c.txt", "1").commit("Sam Admin", "admin@corp.example", "admin mailbox");
            repo.write("c.txt", "2").commit("admin", "2+admin@users.noreply.github.com", "admin login");
        }
        assertThat(commitsByKey(dir)).hasSize(9).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    }
}
