package io.github.devopsassess.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.report.AssessmentJson;
import io.github.devopsassess.report.PortfolioView;
import io.github.devopsassess.report.SiteRenderer;
import io.github.devopsassess.report.Theme;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portfolio page of {@link PortfolioFixture}'s 50 repositories, read as a browser would parse it. */
class PortfolioPageTest {

    private static Rubric rubric;
    private static List<String> levels;

    @BeforeAll
    static void loadRubric() throws Exception {
        rubric = new RubricLoader(PortfolioPageTest.class.getClassLoader()).loadDefault();
        levels = rubric.levels().stream().map(LevelDef::id).toList();
    }

    /**
     * The previous portfolio: pay-00 was managed (45), search-00 optimizing (95), plat-19 defined (70), every other
     * repository as it is now; legacy-app was there and is gone; the five misc repositories were not there yet.
     */
    private static Path previousPortfolio(Path dir) throws Exception {
        Path before = dir.resolve("before");
        for (PortfolioFixture.Repo r : PortfolioFixture.repos()) {
            if (r.name().startsWith("misc-")) {
                continue;
            }
            Integer score = switch (r.name()) {
                case "pay-00" -> 45;
                case "search-00" -> 95;
                case "plat-19" -> 70;
                default -> r.score();
            };
            AssessmentJson.write(PortfolioFixture.assessment(new PortfolioFixture.Repo(r.name(), r.team(), score,
                    r.index()), "2026-01-05T00:00:00Z"), before.resolve(r.name() + "/assessment.json"));
        }
        AssessmentJson.write(PortfolioFixture.assessment(new PortfolioFixture.Repo("legacy-app", null, 30, 0),
                "2026-01-05T00:00:00Z"), before.resolve("legacy-app/assessment.json"));
        Path file = dir.resolve("previous/portfolio.json");
        PortfolioJson.write(PortfolioBuilder.build(before, "**/assessment.json"), file);
        return file;
    }

    private static Document render(Path dir, Portfolio previous) throws Exception {
        Path in = dir.resolve("in");
        PortfolioFixture.write(in, "2026-02-02T00:00:00Z", List.of("pay-00", "misc-04"));
        Portfolio portfolio = PortfolioBuilder.build(in, "**/assessment.json", previous, levels);
        Path site = dir.resolve("out/site");
        PortfolioView view = PortfolioBuilder.view(portfolio, rubric, in, site);
        List<String> problems = new SiteRenderer(Theme.load(null), "test").renderPortfolio(view, rubric,
                "Portfolio", site);
        assertThat(problems).isEmpty();
        return Jsoup.parse(site.resolve("portfolio.html").toFile(), "UTF-8");
    }

    @Test
    void chartsCountLevelsAndScoreBands(@TempDir Path dir) throws Exception {
        Document doc = render(dir, null);
        // bands of ten: payments 10–19 (10); search 40–48, 50–58, 60–68 (5 each); platform 70–79, 80–89 (10
        // each); misc 95–98 (4); misc-04 has no score
        assertThat(doc.select("#portfolio-scores svg rect.bar").eachAttr("data-count"))
                .containsExactly("0", "10", "0", "0", "5", "5", "5", "10", "10", "4");
        assertThat(doc.select("#portfolio-scores svg rect.bar").eachAttr("data-label")).first()
                .isEqualTo("0–9");
        // initial: payments; managed: search 40–58; defined: search 60–68 and platform 70–74; measured: platform
        // 75–89; optimizing: misc 95–98; misc-04 not assessed
        Elements bars = doc.select("#portfolio-levels svg rect.bar");
        assertThat(bars.eachAttr("data-label")).containsExactly("Initial", "Managed", "Defined", "Measured",
                "Optimizing", "not assessed");
        assertThat(bars.eachAttr("data-count")).containsExactly("10", "10", "10", "15", "4", "1");
        assertThat(doc.select("#portfolio-levels svg title").first().text()).isEqualTo("Repositories per level");
        // the numbers are also in a table beside the charts
        assertThat(doc.select("table.portfolio-levels tbody tr").eachText()).containsExactly("Initial 10",
                "Managed 10", "Defined 10", "Measured 15", "Optimizing 4", "not assessed 1");
        assertThat(doc.select("svg script, script:not([src])")).isEmpty();
    }

    @Test
    void heatMapsGroupByTeamWorstTeamAndWorstRepositoryFirst(@TempDir Path dir) throws Exception {
        Document doc = render(dir, null);
        Elements teams = doc.select("details.team");
        // medians: payments 14, search 54, platform 79, no owner 96
        assertThat(teams.eachText().stream().map(t -> t.substring(0, t.indexOf(':'))).toList())
                .containsExactly("@acme/payments", "@acme/search", "@acme/platform", "no owner");
        assertThat(teams.stream().map(t -> t.hasAttr("open")).toList()).containsExactly(true, true, true, false);
        assertThat(teams.get(0).selectFirst("summary").text())
                .isEqualTo("@acme/payments: 10 repositories, median score 14, lowest pay-00 10");
        Element payments = teams.get(0).selectFirst("table.heatmap");
        assertThat(payments.select("thead th").eachText()).containsExactly("Repository", "Score", "Level", "Trend",
                "Knowledge silos", "Access control", "Delivery (DORA)");
        assertThat(payments.select("tbody th").eachText()).containsExactly("pay-00", "pay-01", "pay-02", "pay-03",
                "pay-04", "pay-05", "pay-06", "pay-07", "pay-08", "pay-09");
        Element first = payments.selectFirst("tbody tr");
        assertThat(first.select("td").eachText()).containsExactly("10", "Initial", "new", "5", "10", "11");
        assertThat(first.select("td.heat").eachAttr("class")).containsExactly("heat heat-0", "heat heat-0",
                "heat heat-0");
        Element second = payments.select("tbody tr").get(1);
        assertThat(second.select("td.heat").last().hasClass("heat-na")).isTrue(); // odd ones did not assess delivery
        Element noOwner = teams.get(3).selectFirst("table.heatmap");
        assertThat(noOwner.select("tbody th").eachText()).containsExactly("misc-00", "misc-01", "misc-02", "misc-03",
                "misc-04");
        assertThat(doc.select("table.heatmap tbody tr")).hasSize(50);
    }

    @Test
    void weakestAreasByMedianWithQuartiles(@TempDir Path dir) throws Exception {
        Document doc = render(dir, null);
        // knowledge silos is half of each of the 49 scores: 5 … 49, quartiles at the 13th, 25th and 37th values
        assertThat(doc.select("table.portfolio-areas tbody tr").eachText()).containsExactly(
                "Knowledge silos 49 5 22 34 40 49",
                "Access control 49 10 44 68 81 98",
                "Delivery (DORA) 25 11 45 69 81 98");
    }

    @Test
    void linksEachRepositorySitePublishedBesideItsAssessment(@TempDir Path dir) throws Exception {
        Document doc = render(dir, null);
        Elements links = doc.select("table.heatmap tbody th a");
        assertThat(links.eachText()).containsExactlyInAnyOrder("pay-00", "misc-04");
        for (Element a : links) {
            assertThat(a.attr("href")).isEqualTo("../../in/" + a.text() + "/site/index.html");
            assertThat(dir.resolve("out/site").resolve(a.attr("href")).normalize()).isRegularFile();
        }
    }

    @Test
    void changesSinceThePreviousPortfolio(@TempDir Path dir) throws Exception {
        Portfolio previous = PortfolioJson.read(previousPortfolio(dir));
        Document doc = render(dir, previous);
        Element section = doc.selectFirst("h2:contains(Changes since the previous portfolio)").parent();
        assertThat(section.text()).contains("Against the previous portfolio of 46 repositories: 2 went down a "
                + "level, 1 went up, 5 new, 1 no longer in the portfolio.");
        // three levels down before one level down
        assertThat(doc.select("table.changes-down tbody tr").eachText()).containsExactly(
                "search-00 Optimizing Managed 95 → 40", "pay-00 Managed Initial 45 → 10");
        assertThat(doc.select("table.changes-up tbody tr").eachText()).containsExactly(
                "plat-19 Defined Measured 70 → 89");
        assertThat(doc.select(".changes-added").text()).isEqualTo("misc-00, misc-01, misc-02, misc-03, misc-04");
        assertThat(doc.select(".changes-removed").text()).isEqualTo("legacy-app");
    }

    @Test
    void withoutAPreviousPortfolioSaysSo(@TempDir Path dir) throws Exception {
        Document doc = render(dir, null);
        assertThat(doc.selectFirst("h2:contains(Changes since the previous portfolio)").parent().text())
                .contains("No previous portfolio to compare with.");
        assertThat(doc.select("table.changes-down, table.changes-up")).isEmpty();
    }

    @Test
    void namesAndTeamsFromAssessmentsAreEscaped(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        PortfolioFixture.Repo evil = new PortfolioFixture.Repo("<img src=x onerror=alert(1)>", "@x/<b>t</b>", 20, 0);
        Assessment a = PortfolioFixture.assessment(evil, "2026-02-02T00:00:00Z");
        AssessmentJson.write(a, in.resolve("evil/assessment.json"));
        Portfolio portfolio = PortfolioBuilder.build(in, "**/assessment.json");
        Path site = dir.resolve("out/site");
        List<String> problems = new SiteRenderer(Theme.load(null), "test").renderPortfolio(
                PortfolioBuilder.view(portfolio, rubric, in, site), rubric, "Portfolio", site);
        assertThat(problems).isEmpty();
        Document doc = Jsoup.parse(Files.readString(site.resolve("portfolio.html")));
        assertThat(doc.select("img, b")).isEmpty();
        assertThat(doc.selectFirst("details.team summary .team-name").text()).isEqualTo("@x/<b>t</b>");
        assertThat(doc.selectFirst("table.heatmap tbody th").text()).isEqualTo("<img src=x onerror=alert(1)>");
    }
}
