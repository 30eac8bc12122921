package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.NextLevel;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index and each area page show the few fixes that lift the score to the next level, worth the most first. */
class PathToNextLevelSiteTest {

    static Rubric rubric;

    @BeforeAll
    static void load() throws Exception {
        rubric = new RubricLoader(PathToNextLevelSiteTest.class.getClassLoader()).loadDefault();
    }

    @Test
    void theIndexListsTheFixesWithTheirPointsAndTheFindingsTheyClose(@TempDir Path dir) throws Exception {
        AssessmentFixture fixture = TopRisksTest.fixture(rubric);
        Assessment assessment = fixture.build();
        NextLevel next = assessment.nextLevel();
        assertThat(next.fixes()).isNotEmpty().hasSizeLessThanOrEqualTo(5);

        Document index = Jsoup.parse(fixture.render(dir).resolve("index.html").toFile(), "UTF-8");
        Element path = index.selectFirst(".path-to-level");
        assertThat(path.text()).startsWith("Path to " + rubric.levels().get(rubric.levelRank(next.level())).title()
                + ": ").contains("from " + assessment.score() + " to " + next.scoreWithFixes());
        List<Element> items = index.select(".path-fixes li");
        assertThat(items).hasSize(next.fixes().size());
        int previous = Integer.MAX_VALUE;
        for (int i = 0; i < items.size(); i++) {
            NextLevel.Fix fix = next.fixes().get(i);
            Element li = items.get(i);
            int points = Integer.parseInt(li.selectFirst(".points").text().replaceAll("[^0-9]", ""));
            assertThat(points).isEqualTo(fix.points()).isLessThanOrEqualTo(previous).isPositive();
            previous = points;
            // the points are what the overall score gains when the check alone passes
            Assessment fixed = TopRisksTest.fixture(rubric).check(fix.check(), 1.0, "fixed").build();
            assertThat(fixed.score() - assessment.score()).as(fix.check()).isEqualTo(points);
            assertThat(li.selectFirst("a").attr("href")).isEqualTo("checks/" + fix.check() + ".html");
            if (fix.fingerprint() == null) {
                // a check failing on a measured value, without a finding: its summary says where it stands
                assertThat(li.text()).contains("now " + fix.closes());
                assertThat(li.select("a")).hasSize(1);
            } else {
                assertThat(li.text()).contains("closes " + fix.closes());
                assertThat(li.select("a").last().attr("href")).endsWith("#finding-" + fix.fingerprint());
            }
        }
    }

    @Test
    void eachAreaPageHasItsOwnPathAndSaysWhenConfidenceHoldsItBack(@TempDir Path dir) throws Exception {
        AssessmentFixture fixture = TopRisksTest.fixture(rubric);
        Assessment assessment = fixture.build();
        Path site = fixture.render(dir);
        AreaScore incidents = assessment.areas().stream().filter(a -> a.area().equals("incident-response"))
                .findFirst().orElseThrow();
        Document page = Jsoup.parse(site.resolve("areas/incident-response.html").toFile(), "UTF-8");
        Element section = page.select("h2").stream().filter(h -> h.text().equals("Path to the next level"))
                .findFirst().orElseThrow().parent();
        assertThat(section.selectFirst(".next-level").text()).startsWith("Next level: ");
        List<String> checks = section.select(".path-fixes li > p > a:first-of-type").eachAttr("href");
        assertThat(checks).containsExactlyElementsOf(incidents.nextLevel().fixes().stream()
                .map(f -> "../checks/" + f.check() + ".html").toList());
        // the biggest of the area's fixes is the heaviest of its failing checks
        assertThat(checks.get(0)).isIn("../checks/oncall-coverage-gaps.html", "../checks/postmortems-present.html",
                "../checks/oncall-single-person-rotation.html");

        // Delivery measured on 2 of 8 checks, all passing: held at Managed, its next level needs data, not fixes
        AssessmentFixture low = new AssessmentFixture(rubric).area("delivery")
                .notAssessed("time-to-restore", "no restore times")
                .notAssessed("change-failure-rate", "no deployments")
                .notAssessed("lead-time-for-changes", "no release tags")
                .notAssessed("untested-production-deploys", "no production deploy")
                .notAssessed("production-not-promoted", "no pipeline")
                .notAssessed("unvalidated-folders", "no pipeline");
        Document delivery = Jsoup.parse(low.render(dir.resolve("low")).resolve("areas/delivery.html").toFile(),
                "UTF-8");
        assertThat(delivery.selectFirst(".next-level").text()).isEqualTo("Next level: Defined needs a score of 60"
                + " (reached) and at least half of its checks measured (now 2 of 8).");
        assertThat(delivery.select(".path-fixes")).isEmpty();
    }
}
