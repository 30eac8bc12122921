package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.model.Since;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "New this quarter" beside "here for three years": the index's top risks and the check pages say since when. */
class SinceSiteTest {

    static Rubric rubric;

    @BeforeAll
    static void load() throws Exception {
        rubric = new RubricLoader(SinceSiteTest.class.getClassLoader()).loadDefault();
    }

    static AssessmentFixture fixture() {
        AssessmentFixture x = new AssessmentFixture(rubric).area("third-party");
        x.check("unpinned-actions", 0.0, "2 of 2 actions are not pinned to a commit");
        x.finding("unpinned-actions", Severity.HIGH, "actions/checkout@v4 is not pinned to a commit",
                "actions/checkout", Evidence.line(".github/workflows/deploy.yml", 7));
        x.finding("unpinned-actions", Severity.HIGH, "actions/cache@v3 is not pinned to a commit", "actions/cache",
                Evidence.line(".github/workflows/build.yml", 12));
        return x.since("actions/checkout", new Since("2023-04-02", "abc1234def5678abc1234def5678abc1234def56"));
    }

    @Test
    void theTopRisksAndTheCheckPageSaySinceWhenAFindingHasBeenTrue(@TempDir Path dir) throws Exception {
        Path site = fixture().render(dir);
        Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        Element checkout = index.select("table.risks tbody tr, .risks tbody tr").stream()
                .filter(tr -> tr.text().contains("actions/checkout@v4")).findFirst().orElseThrow();
        assertThat(checkout.select(".since").eachText()).containsExactly("since 2023-04-02 (abc1234)");
        Element cache = index.select(".risks tbody tr").stream().filter(tr -> tr.text().contains("actions/cache@v3"))
                .findFirst().orElseThrow();
        assertThat(cache.select(".since")).as("no origin known, nothing claimed").isEmpty();
        assertThat(cache.text()).doesNotContain("since 2");

        Document check = Jsoup.parse(site.resolve("checks/unpinned-actions.html").toFile(), "UTF-8");
        Element item = check.select(".finding-links li").stream()
                .filter(li -> li.text().contains("actions/checkout@v4")).findFirst().orElseThrow();
        assertThat(item.selectFirst(".since").text()).isEqualTo("since 2023-04-02 (abc1234)");
        assertThat(check.select(".finding-links li .since")).hasSize(1);

        Document area = Jsoup.parse(site.resolve("areas/third-party.html").toFile(), "UTF-8");
        assertThat(area.select(".finding .since").eachText()).containsExactly("since 2023-04-02 (abc1234)");
    }
}
