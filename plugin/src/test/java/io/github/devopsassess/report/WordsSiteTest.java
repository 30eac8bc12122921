package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Words a leader reads once: verdict first, plurals right, advice once per check, long lists folded. */
class WordsSiteTest {

    static Rubric rubric;

    @BeforeAll
    static void load() throws Exception {
        rubric = new RubricLoader(WordsSiteTest.class.getClassLoader()).loadDefault();
    }

    /** Incident response: coverage gaps with three findings, one of them with twelve gaps; a single-person rotation. */
    static AssessmentFixture fixture() {
        AssessmentFixture x = new AssessmentFixture(rubric).area("incident-response");
        x.check("oncall-coverage-gaps", 0.2, "3 of 4 escalation paths have hours with nobody on call");
        Evidence[] twelve = new Evidence[13];
        twelve[0] = Evidence.line("oncall/pagerduty.tf", 14).withNote("12 gaps a week");
        for (int i = 1; i <= 12; i++) {
            twelve[i] = Evidence.note("nobody on call " + (i < 7 ? "Mon" : "Sat") + " " + (i + 8) + ":00–"
                    + (i + 9) + ":00");
        }
        x.finding("oncall-coverage-gaps", Severity.HIGH, "Nobody is reached for 'shop' during 12 hours of a week",
                "shop", twelve);
        x.finding("oncall-coverage-gaps", Severity.HIGH, "Nobody is reached for 'billing' at night", "billing",
                Evidence.line("oncall/pagerduty.tf", 40));
        x.finding("oncall-coverage-gaps", Severity.MEDIUM, "Nobody is reached for 'search' on Sundays", "search",
                Evidence.line("oncall/pagerduty.tf", 60));
        x.check("oncall-single-person-rotation", 0.0, "1 of 2 rotations has one person");
        x.finding("oncall-single-person-rotation", Severity.HIGH, "Rotation 'fallback' has one person", "fallback",
                Evidence.line("oncall/pagerduty.tf", 80));
        return x;
    }

    static Element section(Document doc, String heading) {
        return doc.select("h3").stream().filter(h -> h.text().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + heading + " in " + doc.select("h3").eachText()))
                .parent();
    }

    @Test
    void theAdviceIsShownOncePerCheckAboveItsPlaces(@TempDir Path dir) throws Exception {
        Document page = Jsoup.parse(fixture().render(dir).resolve("areas/incident-response.html").toFile(),
                "UTF-8");
        String advice = rubric.checks().get("oncall-coverage-gaps").remediation().strip();
        assertThat(page.select("h3").eachText()).containsExactly(titleOf("oncall-coverage-gaps") + " (3 findings)",
                titleOf("oncall-single-person-rotation") + " (1 finding)");
        Element gaps = section(page, titleOf("oncall-coverage-gaps") + " (3 findings)");
        assertThat(gaps.select(".finding")).hasSize(3);
        assertThat(gaps.select(".finding .remediation")).isEmpty();
        assertThat(gaps.select(".remediation")).singleElement().satisfies(r -> assertThat(
                r.text().replaceAll("\\s+", " ")).isEqualTo(("What to do: " + advice).replaceAll("\\s+", " ")));
        // the advice appears once on the page for each check, not once per finding
        assertThat(Pattern.compile(Pattern.quote(firstWords(advice))).matcher(page.text()).results().count())
                .isEqualTo(1);
    }

    @Test
    void aLongListOfPlacesShowsThreeAndFoldsTheRest(@TempDir Path dir) throws Exception {
        Document page = Jsoup.parse(fixture().render(dir).resolve("areas/incident-response.html").toFile(),
                "UTF-8");
        Element shop = page.select(".finding").stream().filter(f -> f.text().contains("'shop'")).findFirst()
                .orElseThrow();
        Element list = shop.selectFirst(".evidence > ul");
        assertThat(list.select("> li:not(.more)")).hasSize(3);
        Element more = list.selectFirst("> li.more > details");
        assertThat(more.selectFirst("summary").text()).isEqualTo("and 10 more");
        assertThat(more.select("li")).hasSize(10);
        assertThat(more.select("li").last().text()).isEqualTo("nobody on call Sat 20:00–21:00");
        // a short list is not folded
        Element billing = page.select(".finding").stream().filter(f -> f.text().contains("'billing'")).findFirst()
                .orElseThrow();
        assertThat(billing.select("details")).isEmpty();
    }

    @Test
    void summariesSayPassOrProblemFirst(@TempDir Path dir) throws Exception {
        Document page = Jsoup.parse(fixture().render(dir).resolve("areas/incident-response.html").toFile(),
                "UTF-8");
        Element breakdown = page.select("h2").stream().filter(h -> h.text().equals("Score breakdown")).findFirst()
                .orElseThrow().parent().selectFirst("table");
        List<String> rows = breakdown.select("tbody tr").eachText();
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(
                "Problem: 3 of 4 escalation paths have hours with nobody on call"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Problem: 1 of 2 rotations has one person"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Pass: nothing found"));
        for (Element tr : breakdown.select("tbody tr")) {
            assertThat(tr.select("td").last().text()).matches("^(Pass|Warning|Problem|Not measured): .*");
        }
        Document check = Jsoup.parse(fixture().render(dir.resolve("b")).resolve("checks/oncall-coverage-gaps.html")
                .toFile(), "UTF-8");
        assertThat(check.text()).contains("Problem: 3 of 4 escalation paths have hours with nobody on call"
                + " (status fail, score 20)");
    }

    private static String titleOf(String check) {
        return rubric.checks().get(check).title();
    }

    private static String firstWords(String text) {
        String[] words = text.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(6, words.length)));
    }
}
