package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.check.postmortem.BlamingLanguageCheck;
import io.github.devopsassess.check.postmortem.LessonsSectionCheck;
import io.github.devopsassess.check.postmortem.NamedIndividualsCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.scan.postmortem.PostmortemFixtures;
import io.github.devopsassess.testing.DefaultSettings;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlamelessCultureChecksTest {

    static final String PM4 = "postmortems/PM2025-004 - Logs not shipped to CloudWatch.md";

    @Test
    void blamingPhrasesAreQuotedWithLineAndRewordingAndNonEnglishIsNotAssessed(@TempDir Path dir) {
        Facts facts = PostmortemFixtures.scan(PostmortemFixtures.copy("repo", dir), null, false);
        CheckResult r = CheckRunner.evaluate(new BlamingLanguageCheck(), facts, DefaultSettings.of(BlamingLanguageCheck.ID));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly(PM4 + "#human error",
                PM4 + "#should have");
        assertThat(r.findings().get(0)).satisfies(f -> {
            assertThat(f.message()).contains("\"Human error: the engineer should have checked which account holds"
                    + " the CloudWatch log groups.\"").contains("Instead:").contains("how the system allowed this");
            assertThat(f.evidence()).singleElement().satisfies(e -> assertThat(e.label()).startsWith(PM4 + ":21"));
        });
        // The German postmortem quotes "human error" but is not judged by an English lexicon.
        assertThat(r.findings()).noneMatch(f -> f.subject().contains("datenbank"));
        assertThat(r.summary()).contains("not assessed (not English): postmortems/2025-08-01-datenbank-ausfall.md");
    }

    @Test
    void failedToBlamesOnlyAPersonAndTheTimelineIsNotJudged(@TempDir Path dir) throws Exception {
        Path pm = dir.resolve("postmortems/2025-03-04-ingress.md");
        java.nio.file.Files.createDirectories(pm.getParent());
        java.nio.file.Files.writeString(pm, String.join("\n",
                "# Ingress outage",
                "",
                "## Summary",
                "",
                "All inbound traffic failed to reach the cluster for 40 minutes after the ingress upgrade. The team"
                        + " believes the rollout plan was sound, and the analysis of the change was careful and complete.",
                "",
                "## Root cause",
                "",
                "Unfortunately we failed to verify that the controller was running in the sandbox environment.",
                "The upgrade went out on Friday because Sam failed to run the migration first.",
                "The engineer forgot to enable the feature flag in production.",
                "",
                "## Timeline",
                "",
                "- 10:02 Assumed user error at the time.",
                "- 10:40 Ingress restored.",
                ""));
        Facts facts = PostmortemFixtures.scan(dir, null, false);
        CheckResult r = CheckRunner.evaluate(new BlamingLanguageCheck(), facts, DefaultSettings.of(BlamingLanguageCheck.ID));
        // traffic and "we" are no person's failure, and the timeline's first guess is corrected later
        assertThat(r.findings()).extracting(Finding::subject).containsExactly(
                "postmortems/2025-03-04-ingress.md#failed to", "postmortems/2025-03-04-ingress.md#forgot to");
        assertThat(r.findings().get(0).evidence()).singleElement().satisfies(e -> assertThat(e.note())
                .contains("Sam failed to run the migration"));
    }

    @Test
    void missingOrEmptyLessonsSections(@TempDir Path dir) {
        Facts facts = PostmortemFixtures.scan(PostmortemFixtures.copy("repo", dir), null, false);
        CheckResult r = CheckRunner.evaluate(new LessonsSectionCheck(), facts, DefaultSettings.of(LessonsSectionCheck.ID));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(PM4);
            assertThat(f.message()).contains("empty");
            assertThat(f.evidence().get(0).startLine()).isEqualTo(32);
        });
    }

    @Test
    void namedPersonAsCauseIsRedactedUnlessNamesAreShown(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2025-05-02T09:00:00Z").write("pom.xml", "<project/>\n")
                    .commit("Jordan Miller", "jordan@example.org", "init");
            repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                    + "    steps:\n      - run: mvn verify\n").commit("Jordan Miller", "jordan@example.org", "ci");
            repo.at("2025-05-20T09:00:00Z").write("postmortems/2025-05-05-cache-flush.md", String.join("\n",
                    "# Cache flushed in production", "", "## Root cause", "",
                    "Jordan ran the flush script against production instead of staging.",
                    "@priya approved it without a second look.", "", "## Timeline", "",
                    "| Time | Event |", "|---|---|", "| 2025-05-05 10:00 | Cache flushed |",
                    "| 2025-05-05 10:40 | Cache warmed, service restored |", "",
                    "## Lessons learned", "", "- The script does not ask which environment it targets.", ""))
                    .commit("Sam Ortiz", "sam@example.org", "postmortem");

            Assessor.Outcome hidden = new Assessor().assess(Requests.of(dir));
            List<Finding> named = hidden.assessment().findings().stream()
                    .filter(f -> f.check().equals(NamedIndividualsCheck.ID)).toList();
            assertThat(named).singleElement().satisfies(f -> {
                assertThat(f.message()).contains("a named person").doesNotContain("Jordan").doesNotContain("priya");
                assertThat(f.evidence()).extracting(e -> e.startLine()).containsExactly(5, 6);
                assertThat(f.evidence()).allSatisfy(e -> assertThat(e.note()).doesNotContain("Jordan")
                        .doesNotContain("priya"));
            });
            assertThat(hidden.assessment().findings()).allSatisfy(f -> assertThat(f.message() + f.evidence())
                    .doesNotContain("Jordan"));
            // Written 11 business days after the incident (Mon 5 May → Tue 20 May).
            assertThat(hidden.assessment().findings()).anySatisfy(f -> {
                assertThat(f.check()).isEqualTo("postmortem-timeliness");
                assertThat(f.message()).contains("up to 11");
            });

            Assessor.Outcome shown = new Assessor().assess(Requests.withNames(dir));
            assertThat(shown.assessment().findings()).filteredOn(f -> f.check().equals(NamedIndividualsCheck.ID))
                    .singleElement().satisfies(f -> assertThat(f.message()).contains("makes Jordan the cause"));
        }
    }
}
