package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One person, named by three files in three ways — a git author (Alice Smith &lt;alice@shop.example&gt;), a CODEOWNERS
 * handle ({@code @alice}) and an on-call roster entry ({@code Alice Smith}) — carries one pseudonym on every page of
 * one rendered site, and her name on every page when names are shown.
 */
class PeopleAcrossPagesTest {

    static final Pseudonyms KEY = Pseudonyms.keyed("people across pages");
    static final String ALICE = KEY.of("alice@shop.example");
    static final String BOB = KEY.of("bob@shop.example");

    /** A small shop: Alice wrote the code and the pipeline, Bob the billing folder; Alice alone is on call. */
    static TestRepo shop(Path dir) {
        TestRepo repo = TestRepo.init(dir);
        repo.at("2026-01-05T09:00:00Z");
        for (int i = 0; i < 10; i++) { // ten changes: enough for a folder to hold knowledge worth a finding
            repo.write("src/main/java/shop/Order" + i + ".java", "package shop;\nclass Order" + i + " {\n}\n")
                    .commit("Alice Smith", "alice@shop.example", "Add order " + i);
        }
        repo.write(".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n"
                + "    environment: production\n    steps:\n      - run: ./deploy.sh\n")
                .commit("Alice Smith", "alice@shop.example", "Deploy on push");
        repo.append(".github/workflows/deploy.yml", "      - run: ./smoke-test.sh")
                .commit("Alice Smith", "alice@shop.example", "Smoke test");
        repo.append(".github/workflows/deploy.yml", "      - run: ./notify.sh")
                .commit("Alice Smith", "alice@shop.example", "Notify");
        for (int i = 0; i < 7; i++) { // ten pipeline changes in all: enough for "the DevOps person"
            repo.append(".github/workflows/deploy.yml", "      - run: ./check" + i + ".sh")
                    .commit("Alice Smith", "alice@shop.example", "Check " + i);
        }
        // Bob's fourteen billing changes keep Alice below three in four of the changes and below half of the changes
        // outside the pipeline: the shop is not one person's project, and Alice runs the pipeline while Bob writes
        // code, so the per-folder and per-pipeline checks speak (for one person's project truck-factor says it once)
        for (int i = 0; i < 14; i++) { // eight files, then six more changes to them: Alice stays the main author
            repo.write("billing/Pay" + (i % 8 == 0 ? "" : i % 8) + ".java", "package billing;\nclass Pay" + (i % 8)
                    + " {\n}\n" + (i < 8 ? "" : "// " + i + "\n")).commit("Bob Jones", "bob@shop.example", "Billing " + i);
        }
        repo.write(".github/CODEOWNERS", "# owners\n* @alice\n/billing/ bob@shop.example\n")
                .commit("Alice Smith", "alice@shop.example", "Owners");
        repo.write("oncall/oncall.yaml", """
                timezone: Europe/Berlin
                people:
                  - id: asmith
                    name: Alice Smith
                rotations:
                  - id: primary
                    name: Primary
                    members: [asmith]
                    handoff: "2026-01-05T09:00:00+01:00"
                    turn: 1w
                escalations:
                  - id: shop
                    levels:
                      - targets: [rotation:primary]
                services:
                  - id: shop
                    name: Shop
                    production: true
                    escalation: shop
                """).commit("Alice Smith", "alice@shop.example", "On-call");
        return repo;
    }

    static Assessor.Outcome assess(Path project, boolean showNames, Pseudonyms key) throws Exception {
        ScanOptions options = ScanOptions.defaults().withShowNames(showNames).withPseudonyms(key);
        return new Assessor().assess(new AssessmentRequest(project, null, null, "shop", null, null, options,
                s -> { }, s -> { }));
    }

    static Path site(Assessor.Outcome outcome, Path dir) throws Exception {
        Path site = dir.resolve("site");
        SiteInput input = SiteInput.of(outcome.assessment(), outcome.rubric()).withFacts(outcome.facts())
                .withExcerpts(outcome.excerpts());
        assertThat(new SiteRenderer(Theme.load(null), "gen").render(input, site)).isEmpty();
        return site;
    }

    static Document page(Path site, String area) throws Exception {
        return Jsoup.parse(site.resolve("areas/" + area + ".html").toFile(), "UTF-8");
    }

    static Element section(Document doc, String heading) {
        return doc.select("h2").stream().filter(h -> h.text().equals(heading)).findFirst().orElseThrow().parent();
    }

    /** The text of every HTML page of the site, the source excerpts beside the findings included. */
    static String text(Path site) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                all.append(Jsoup.parse(f.toFile(), "UTF-8").text()).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void onePersonHasOnePseudonymOnEveryPageAndNoNameAnywhere(@TempDir Path dir) throws Exception {
        try (TestRepo repo = shop(dir.resolve("repo"))) {
            Path site = site(assess(repo.dir(), false, KEY), dir);

            Document silos = page(site, "knowledge-silos");
            assertThat(silos.select(".finding, .findings, li, td").eachText()).as("git: history findings")
                    .anyMatch(t -> t.contains("Only " + ALICE + " has ever changed"));
            List<String> ownership = section(silos, "Ownership").select("table.ownership-table tbody tr").eachText();
            assertThat(ownership).as("CODEOWNERS: @alice is Alice by her e-mail's local part")
                    .anyMatch(r -> r.contains(ALICE)).anyMatch(r -> r.startsWith("billing") && r.contains(BOB));

            Document incidents = page(site, "incident-response");
            assertThat(section(incidents, "On-call").text()).as("on call: 'Alice Smith' is Alice by her full name")
                    .contains(ALICE);
            Document sharing = page(site, "shared-responsibility");
            assertThat(sharing.select(".finding, .findings, li, td, p").eachText()).as("pipeline author")
                    .anyMatch(t -> t.contains(ALICE + " made 10 of the 10 changes to the pipeline"));

            String text = text(site);
            assertThat(text).as("the excerpts quote CODEOWNERS and oncall.yaml").contains("* " + ALICE)
                    .contains("name: " + ALICE);
            assertThat(text).doesNotContain("Alice Smith").doesNotContain("alice@shop.example")
                    .doesNotContain("@alice").doesNotContain("bob@shop.example").doesNotContain("Bob Jones");
            // every pseudonym in the site is one of the two people's: nobody got a second one
            assertThat(pseudonymsIn(text)).containsExactlyInAnyOrder(ALICE, BOB);
        }
    }

    @Test
    void showNamesShowsTheNameOnEveryPage(@TempDir Path dir) throws Exception {
        try (TestRepo repo = shop(dir.resolve("repo"))) {
            Path site = site(assess(repo.dir(), true, KEY), dir);
            Document silos = page(site, "knowledge-silos");
            assertThat(section(silos, "Ownership").select("table.ownership-table tbody tr").eachText())
                    .anyMatch(r -> r.contains("Alice Smith")).anyMatch(r -> r.contains("Bob Jones"));
            assertThat(section(page(site, "incident-response"), "On-call").text()).contains("Alice Smith");
            assertThat(page(site, "shared-responsibility").text())
                    .contains("Alice Smith made 10 of the 10 changes to the pipeline");
            String text = text(site);
            assertThat(text).contains("Only Alice Smith has ever changed").doesNotContain("alice@shop.example");
            assertThat(pseudonymsIn(text)).isEmpty();
        }
    }

    @Test
    void aFixedKeyReproducesTheOutputAndAnotherKeyChangesNamesButNoFingerprint(@TempDir Path dir)
            throws Exception {
        try (TestRepo repo = shop(dir.resolve("repo"))) {
            Assessor.Outcome first = assess(repo.dir(), false, KEY);
            Assessor.Outcome again = assess(repo.dir(), false, Pseudonyms.keyed("people across pages"));
            AssessmentJson.write(first.assessment(), dir.resolve("a.json"));
            AssessmentJson.write(again.assessment(), dir.resolve("b.json"));
            assertThat(Files.readString(dir.resolve("b.json"))).isEqualTo(Files.readString(dir.resolve("a.json")));

            Assessor.Outcome other = assess(repo.dir(), false, Pseudonyms.keyed("another key"));
            Assessor.Outcome shown = assess(repo.dir(), true, KEY);
            Map<String, String> messages = byFingerprint(first.assessment().findings());
            Map<String, String> otherMessages = byFingerprint(other.assessment().findings());
            assertThat(otherMessages.keySet()).isEqualTo(messages.keySet())
                    .isEqualTo(byFingerprint(shown.assessment().findings()).keySet());
            assertThat(String.join("\n", messages.values())).contains(ALICE);
            assertThat(String.join("\n", otherMessages.values())).doesNotContain(ALICE)
                    .contains(Pseudonyms.keyed("another key").of("alice@shop.example"));
            List<String> subjects = new ArrayList<>();
            first.assessment().findings().forEach(f -> subjects.add(f.subject()));
            assertThat(String.join("\n", subjects)).as("a subject is written to assessment.json")
                    .doesNotContain("alice").doesNotContain("Alice");
        }
    }

    static Map<String, String> byFingerprint(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::fingerprint, Finding::message, (a, b) -> a,
                TreeMap::new));
    }

    static List<String> pseudonymsIn(String text) {
        return java.util.regex.Pattern.compile("contributor-[a-z2-7]{" + Pseudonyms.LENGTH + "}").matcher(text)
                .results().map(m -> m.group()).distinct().toList();
    }
}
