package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
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

/** The index's top risks are worst first, keep every critical finding and show the weakest areas. */
class TopRisksTest {

    static Rubric rubric;

    @BeforeAll
    static void load() throws Exception {
        rubric = new RubricLoader(TopRisksTest.class.getClassLoader()).loadDefault();
    }

    /**
     * A critical finding in process (weight 1) and one in access control (weight 1.5); ten high findings in incident
     * response (weight 2); knowledge silos is the weakest area with only a low finding; blameless culture has a
     * medium one; delivery passes, so that the ladder's required check does not block the next level.
     */
    static AssessmentFixture fixture(Rubric rubric) {
        AssessmentFixture x = new AssessmentFixture(rubric).area("incident-response", "access-control", "process",
                "delivery", "knowledge-silos", "blameless-culture");
        x.check("oncall-coverage-gaps", 0.3, "6 gaps");
        for (int i = 0; i < 6; i++) {
            x.finding("oncall-coverage-gaps", Severity.HIGH, "Nobody is on call in gap " + i, "gap-" + i,
                    Evidence.line("oncall/schedules.json", 10 + i));
        }
        x.check("oncall-single-person-rotation", 0.2, "3 rotations of one person");
        for (int i = 0; i < 3; i++) {
            x.finding("oncall-single-person-rotation", Severity.HIGH, "Rotation " + i + " has one person",
                    "rotation-" + i, Evidence.line("oncall/schedules.json", 40 + i));
        }
        x.check("postmortems-present", 0.0, "no postmortem");
        x.finding("postmortems-present", Severity.HIGH, "No postmortem for 4 incidents", "postmortems");
        x.check("dangerous-pull-request-target", 0.0, "1 workflow");
        x.finding("dangerous-pull-request-target", Severity.CRITICAL,
                "pull_request_target runs fork code with secrets", ".github/workflows/pr.yml",
                Evidence.line(".github/workflows/pr.yml", 12));
        x.check("production-approval-gates", 0.0, "a database password in the approval job");
        x.finding("production-approval-gates", Severity.CRITICAL, "The approval job prints the database password",
                "approval", Evidence.line(".gitlab-ci.yml", 33));
        for (String c : List.of("truck-factor", "single-author-directories", "knowledge-loss", "exempt-area",
                "unowned-files")) {
            x.check(c, 0.0, "failed");
        }
        x.finding("single-author-directories", Severity.LOW, "Only one person changed billing/", "billing",
                Evidence.file("billing/"));
        x.check("blaming-language", 0.2, "blame in 2 postmortems");
        x.finding("blaming-language", Severity.MEDIUM, "A postmortem blames a person", "pm-1",
                Evidence.line("postmortems/2026-01-10.md", 7));
        return x;
    }

    static List<Element> rows(Path site) throws Exception {
        Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        return index.select("table.risks tbody tr");
    }

    @Test
    void criticalFindingsOfLightAreasOutrankHighFindingsOfHeavyOnes(@TempDir Path dir) throws Exception {
        List<Element> rows = rows(fixture(rubric).render(dir));
        List<String> severities = rows.stream().map(r -> r.select("td").get(1).text()).toList();
        // the old rank, (severity + 1) × area weight, put 10 high incident-response findings above both criticals
        assertThat(severities).startsWith("CRITICAL", "CRITICAL", "HIGH", "HIGH");
        // severity first, then the weaker area: process (60) before access control (90)
        assertThat(rows.get(0).text()).contains("The approval job prints the database password")
                .contains("Process");
        assertThat(rows.get(1).text()).contains("pull_request_target runs fork code").contains("Access control");
        // severities never go up the table
        List<Severity> parsed = severities.stream().map(Severity::parse).toList();
        for (int i = 1; i < parsed.size(); i++) {
            assertThat(parsed.get(i)).isLessThanOrEqualTo(parsed.get(i - 1));
        }
    }

    @Test
    void theWeakestAreasAreRepresentedAndNoCheckTakesMoreThanTwoRows(@TempDir Path dir) throws Exception {
        List<Element> rows = rows(fixture(rubric).render(dir));
        List<String> areas = rows.stream().map(r -> r.select("td").get(3).text()).toList();
        // knowledge silos is the weakest area (its only finding is low), process the second weakest
        assertThat(areas).anyMatch(a -> a.startsWith("Knowledge silos")).anyMatch(a -> a.startsWith("Process"));
        assertThat(rows.get(rows.size() - 1).text()).contains("LOW").contains("Only one person changed billing/");
        // one row per check before a second one: the two high checks of incident response each have one row
        assertThat(rows).hasSize(5);
        assertThat(rows.get(2).text()).contains("Nobody is on call in gap").contains("and 5 more like it");
        assertThat(rows.get(3).text()).contains("has one person").contains("and 2 more like it");
        assertThat(areas.get(2)).isEqualTo("Incident response 75 of 100");
    }

    @Test
    void everyCriticalFindingIsOnTheIndexInAtMostTwoRowsOfItsCheck(@TempDir Path dir) throws Exception {
        AssessmentFixture x = fixture(rubric);
        for (int i = 0; i < 7; i++) {
            x.finding("dangerous-pull-request-target", Severity.CRITICAL, "Workflow " + i + " runs fork code",
                    "wf-" + i, Evidence.line(".github/workflows/wf" + i + ".yml", 3));
        }
        List<Element> rows = rows(x.render(dir));
        List<Element> ofCheck = rows.stream().filter(r -> r.select("a[href=checks/dangerous-pull-request-target"
                + ".html]").size() == 1).toList();
        assertThat(ofCheck).hasSize(2);
        String all = String.join(" ", rows.stream().map(Element::text).toList());
        assertThat(all).contains("pull_request_target runs fork code with secrets");
        for (int i = 0; i < 7; i++) {
            assertThat(all).contains("Workflow " + i + " runs fork code");
        }
        assertThat(ofCheck.get(1).text()).contains("and 6 more like it, critical:");
        // the critical finding of process is still there, and the weakest areas still have their rows
        assertThat(all).contains("The approval job prints the database password")
                .contains("Only one person changed billing/");
    }
}
