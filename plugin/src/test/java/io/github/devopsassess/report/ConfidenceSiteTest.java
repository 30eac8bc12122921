package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every score shows what it rests on: checks measured per area, what was not measured and why, the rubric share. */
class ConfidenceSiteTest {

    static Rubric rubric;

    @BeforeAll
    static void load() throws Exception {
        rubric = new RubricLoader(ConfidenceSiteTest.class.getClassLoader()).loadDefault();
    }

    /** Delivery measured on 2 of its 8 checks, all passing; process on all 3; nothing else. */
    static AssessmentFixture fixture() {
        return new AssessmentFixture(rubric).area("delivery", "process")
                .notAssessed("time-to-restore", "no postmortem states when service was restored")
                .notAssessed("change-failure-rate", "no deployments were found in the history")
                .notAssessed("lead-time-for-changes", "no release tags")
                .notAssessed("untested-production-deploys", "no pipeline deploys to production")
                .notAssessed("production-not-promoted", "no readable pipeline definition")
                .notAssessed("unvalidated-folders", "no readable pipeline definition");
    }

    @Test
    void anAreaOfTwoOfSixChecksShowsLowConfidenceAndIsHeldAtManaged(@TempDir Path dir) throws Exception {
        Assessment assessment = fixture().build();
        AreaScore delivery = assessment.areas().stream().filter(a -> a.area().equals("delivery")).findFirst()
                .orElseThrow();
        assertThat(delivery.score()).isEqualTo(100);
        assertThat(delivery.level()).isEqualTo("managed");
        // assessment.json says what the site says
        assertThat(AssessmentJson.toJson(assessment)).contains("\"lowConfidence\" : true")
                .contains("\"level\" : \"managed\"");

        Path site = fixture().render(dir);
        Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        Element row = index.select("table tbody tr").stream().filter(tr -> tr.text().startsWith("Delivery"))
                .findFirst().orElseThrow();
        assertThat(row.text()).contains("2 of 8 checks low confidence").contains("Managed")
                .doesNotContain("Optimizing");
        assertThat(row.select(".low-confidence")).hasSize(1);
        Element process = index.select("table tbody tr").stream().filter(tr -> tr.text().startsWith("Process"))
                .findFirst().orElseThrow();
        assertThat(process.text()).contains("3 of 3 checks").doesNotContain("low confidence");

        Document page = Jsoup.parse(site.resolve("areas/delivery.html").toFile(), "UTF-8");
        assertThat(page.selectFirst(".confidence").text()).isEqualTo("2 of 8 checks measured: low confidence."
                + " Fewer than half of its checks had data, so the area cannot show a level above Managed whatever"
                + " its score.");
        assertThat(page.select(".confidence + .ulist li").eachText()).containsExactly(
                "Time to restore service (DORA): no postmortem states when service was restored",
                "Lead time for changes (DORA): no release tags",
                "Change failure rate (DORA): no deployments were found in the history",
                "Production deploys that do not wait for tests: no pipeline deploys to production",
                "Production deployed beside pre-production instead of after it: no readable pipeline definition",
                "Code folders the pipelines leave out: no readable pipeline definition");
        assertThat(page.select(".confidence + .ulist a").eachAttr("href")).contains(
                "../checks/time-to-restore.html");
        assertThat(Jsoup.parse(site.resolve("areas/process.html").toFile(), "UTF-8").selectFirst(".confidence")
                .text()).isEqualTo("3 of 3 checks measured.");
        assertThat(Files.readString(site.resolve("css/devops.css"))).contains(".low-confidence");
    }

    @Test
    void theOverallScoreSaysWhatShareOfTheRubricItRestsOn(@TempDir Path dir) throws Exception {
        Assessment assessment = fixture().build();
        long share = Math.round(100 * assessment.measuredShare());
        // delivery (weight 2) measured on 4 of 13 check weight, process (weight 1) on all of it; seven other areas
        // (weights 1.5 + 1 + 2 + 1 + 1.5 + 1 + 2 = 10) on none: (2 × 4 / 13 + 1) / 13
        assertThat(share).isEqualTo(Math.round(100 * (2 * 4.0 / 13 + 1) / 13));
        Document index = Jsoup.parse(fixture().render(dir).resolve("index.html").toFile(), "UTF-8");
        long checks = assessment.areas().stream().mapToLong(a -> a.checks().size()).sum();
        assertThat(index.selectFirst(".confidence").text()).isEqualTo("The score rests on " + share
                + "% of the rubric by weight: 5 of " + checks + " checks had data. 1 area is of low confidence"
                + " (fewer than half of their checks measured: Delivery (DORA))."
                + " The overall score is of low confidence: it rests on less than half of the rubric, so its level"
                + " cannot be above Managed whatever the score.");
        assertThat(index.select(".confidence .low-confidence")).hasSize(2);
        assertThat(assessment.lowConfidence()).isTrue();
        assertThat(rubric.levelRank(assessment.level())).isLessThanOrEqualTo(rubric.levelRank("managed"));
    }
}
