package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ScanScope;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.model.Waiver;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index page lists what the team exempted from the assessment: disabled checks, excludes, broad waivers. */
class ExemptionsSiteTest {

    private static Rubric teamRubric(Path dir) throws Exception {
        Path file = dir.resolve("devops-rubric.yaml");
        Files.writeString(file, """
                extends: default
                checks:
                  single-author-directories:
                    enabled: false   # the payments team is one person until Q3
                  unpinned-images:
                    weight: 2
                  exempt-area: { enabled: false }
                """);
        return new RubricLoader(ExemptionsSiteTest.class.getClassLoader()).load(file);
    }

    @Test
    void disabledChecksExcludesAndBroadWaiversAreListedOnTheIndex(@TempDir Path dir) throws Exception {
        Rubric rubric = teamRubric(dir);
        assertThat(rubric.disabled()).containsOnlyKeys("single-author-directories", "exempt-area");
        assertThat(rubric.disabled().get("single-author-directories")).endsWith("devops-rubric.yaml:4");

        AssessmentFixture fixture = new AssessmentFixture(rubric).area("third-party");
        fixture.check("unpinned-actions", 0.2, "4 of 5 actions unpinned");
        for (String action : List.of("actions/checkout", "actions/setup-java", "docker/login-action",
                "acme/<deploy>")) {
            fixture.finding("unpinned-actions", Severity.MEDIUM, action + " is not pinned", action,
                    Evidence.line(".github/workflows/ci.yml", 12));
        }
        fixture.check("unpinned-images", 0.5, "1 of 2 images unpinned");
        fixture.finding("unpinned-images", Severity.MEDIUM, "postgres:latest", "postgres",
                Evidence.line("docker-compose.yml", 3));
        Waiver broad = new Waiver("accepted-risk", "platform-team", "2026-06-30", "devops-waivers.yaml:2");
        Waiver narrow = new Waiver("false-positive", "ana", "2026-04-30", "devops-waivers.yaml:8");
        Waiver longLived = new Waiver("accepted-risk", "ops <ops@example.com>", "2028-01-01", "devops-waivers.yaml:14");
        for (String action : List.of("actions/checkout", "actions/setup-java", "docker/login-action")) {
            fixture.waive(action, broad);
        }
        fixture.waive("acme/<deploy>", narrow);
        fixture.waive("postgres", longLived);
        Facts facts = Facts.builder().put(ScanScope.class, new ScanScope(List.of("legacy/**", "vendor/**")))
                .build();

        Document index = Jsoup.parse(fixture.render(dir, facts).resolve("index.html").toFile(), "UTF-8");

        Element section = index.selectFirst(".exemptions");
        assertThat(section).isNotNull();
        assertThat(section.selectFirst("h2").text()).isEqualTo("Not looked at");
        List<String> items = section.select("li").eachText();
        assertThat(items).hasSize(5);
        assertThat(items.get(0)).startsWith("Check single-author-directories (Single-author folders) is turned off"
                + " by").endsWith("devops-rubric.yaml:4.");
        assertThat(items.get(1)).startsWith("Check exempt-area").endsWith("devops-rubric.yaml:7.");
        assertThat(items.get(2)).isEqualTo("Files matching legacy/**, vendor/** are not counted as source"
                + " (devops.sourceExcludes).");
        assertThat(items).contains("The waiver at devops-waivers.yaml:2 (accepted-risk, owner platform-team, until"
                + " 2026-06-30) accepts 3 findings of unpinned-actions.");
        assertThat(items).contains("The waiver at devops-waivers.yaml:14 (accepted-risk, owner ops <ops@example.com>, until"
                + " 2028-01-01) accepts 1 finding of unpinned-images, for more than a year.");
        // a waiver of one finding for six weeks is the team's ordinary business, not an exemption
        assertThat(section.text()).doesNotContain("devops-waivers.yaml:8");
        // the page is escaped: a name from the repository never becomes markup
        assertThat(index.select("deploy, ops")).isEmpty();
    }

    @Test
    void withNothingExemptedTheSectionIsNotShown(@TempDir Path dir) throws Exception {
        Rubric rubric = new RubricLoader(ExemptionsSiteTest.class.getClassLoader()).loadDefault();
        assertThat(rubric.disabled()).isEmpty(); // checks off by default are the plugin's choice, not the team's

        Document index = Jsoup.parse(new AssessmentFixture(rubric).area("delivery").render(dir)
                .resolve("index.html").toFile(), "UTF-8");

        assertThat(index.select(".exemptions")).isEmpty();
        assertThat(index.select("h2").eachText()).doesNotContain("Not looked at");
    }
}
