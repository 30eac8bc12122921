package io.github.devopsassess.scan.history;

import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Person;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People as a reviewer counts them: one person behind several addresses, bots apart, without a .mailmap. */
class HistoryPeopleTest {

    @Test
    void oneFullNameOrAGitHubLoginIsOnePersonAndAutomatedAccountsAreBots(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("a.txt", "1").commit("Raphaël Bournhonesque", "raphael@old.example", "one");
            repo.write("a.txt", "2").commit("Raphael  Bournhonesque", "raphael@new.example", "two");
            repo.write("a.txt", "3").commit("raphael bournhonesque", "raphael@new.example", "three");
            repo.write("b.txt", "1").commit("gbenhaim", "gal@corp.example", "four");
            repo.write("b.txt", "2").commit("Gal Ben Haim", "12345+gbenhaim@users.noreply.github.com", "five");
            repo.write("c.txt", "1").commit("admin", "admin@one.example", "six");
            repo.write("c.txt", "2").commit("admin", "admin@two.example", "seven");
            repo.write("d.txt", "1").commit("Ann Talbot", "talbot@example.org", "eight");
            repo.write("e.txt", "1").commit("govuk-ci", "govuk-ci@digital.example", "bump");
            repo.write("e.txt", "2").commit("Jenkins Infra Bot (updatecli)", "60021270+jenkins-infra-bot@users"
                    + ".noreply.github.com", "bump");
            repo.write("e.txt", "3").commit("Kitware Robot", "kwrobot@kitware.example", "merge");
            repo.write("e.txt", "4").commit("GitHub", "noreply@github.com", "web merge");
        }
        HistoryFacts history = new Assessor().assess(Requests.withNames(dir)).facts().find(HistoryFacts.class)
                .orElseThrow();
        Map<String, Integer> commitsByPerson = new TreeMap<>();
        history.commits().forEach(c -> commitsByPerson.merge(c.author().display(), 1, Integer::sum));
        // a person is shown under the latest name of their leading identity
        assertThat(commitsByPerson).containsEntry("raphael bournhonesque", 3).containsEntry("Gal Ben Haim", 2)
                .containsEntry("admin", 2); // one name, two people: shown twice under the same name
        assertThat(history.commits().stream().filter(c -> c.author().display().equals("admin"))
                .map(c -> c.author().key()).distinct()).hasSize(2);
        assertThat(history.people().values()).filteredOn(Person::bot).extracting(Person::display)
                .containsExactlyInAnyOrder("govuk-ci", "Jenkins Infra Bot (updatecli)", "Kitware Robot", "GitHub");
        assertThat(history.people().values()).filteredOn(p -> p.display().equals("Ann Talbot"))
                .singleElement().matches(p -> !p.bot());
    }

    @Test
    void acceptingABaselineIsNotAChangeOfTheTeam(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/A.java", "class A {}\n").commit("Ann Lee", "ann@example.org", "code");
            repo.write("devops-baseline.json", "{}\n").commit("Bob Stone", "bob@example.org", "accept baseline");
            repo.write("sub/devops-waivers.yaml", "[]\n").write("devops-baseline.json", "{ }\n")
                    .commit("Bob Stone", "bob@example.org", "waive");
            repo.write("src/B.java", "class B {}\n").write("devops-baseline.json", "{  }\n")
                    .commit("Cid Moss", "cid@example.org", "code and baseline");
        }
        HistoryFacts history = new Assessor().assess(Requests.withNames(dir)).facts().find(HistoryFacts.class)
                .orElseThrow();
        assertThat(history.commits()).extracting(c -> c.commit().subject())
                .containsExactlyInAnyOrder("code", "code and baseline");
    }
}
