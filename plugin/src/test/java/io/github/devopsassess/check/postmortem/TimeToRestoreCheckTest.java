package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.engine.CheckRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.postmortem.PostmortemFixtures;
import io.github.devopsassess.testing.DefaultSettings;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeToRestoreCheckTest {

    /** Restore times in the fixtures: 47, 66, 122, 1405, 90, 25 minutes (German one has none). Median 78. */
    @Test
    void medianOfStatedAndTimelineTimesIsHighBand(@TempDir Path dir) {
        Facts facts = PostmortemFixtures.scan(PostmortemFixtures.copy("repo", dir), null, false);
        CheckResult r = CheckRunner.evaluate(new TimeToRestoreCheck(), facts, DefaultSettings.of(TimeToRestoreCheck.ID));
        assertThat(r.metrics()).containsEntry("timeToRestoreMinutes", 78L).containsEntry("timeToRestoreBand", "high")
                .containsEntry("timeToRestoreIncidents", 6);
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.area()).isEqualTo("delivery");
    }

    @Test
    void slowRestoresAreLowBandWithTheSlowestAsEvidence(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("incidents"));
        Files.writeString(dir.resolve("incidents/2025-01-10-a.md"), "# A\n\n## Stats\n\n- Time to recovery: 9 days\n");
        Files.writeString(dir.resolve("incidents/2025-02-10-b.md"), "# B\n\n## Stats\n\n- Time to restore: 8 days\n");
        CheckResult r = CheckRunner.evaluate(new TimeToRestoreCheck(), PostmortemFixtures.scan(dir, null, false),
                DefaultSettings.of(TimeToRestoreCheck.ID));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.metrics()).containsEntry("timeToRestoreBand", "low");
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.evidence().get(0).label())
                .isEqualTo("incidents/2025-01-10-a.md:5 — restored after 9 days (\"Time to recovery\")"));
    }

    @Test
    void timesToDetectAndAcknowledgeAreReportedBesideTheTimeToRestore(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        Files.writeString(dir.resolve("postmortems/PM2025-001 - Queue stalled.md"), """
                # Queue stalled

                ## Stats

                - Time to detection: 10 minutes
                - Time to acknowledge: 4 minutes
                - Time to recovery: 50 minutes
                """);
        Files.writeString(dir.resolve("postmortems/2025-02-03-api-errors.md"), """
                # API errors

                ## Timeline

                | Time | Event |
                |------|-------|
                | 10:00 | Release 4.2 deployed, error rate starts rising |
                | 10:20 | Alert fired for API error rate |
                | 10:30 | On-call engineer acknowledged the page |
                | 11:00 | Release rolled back, errors stop |
                """);
        Files.writeString(dir.resolve("postmortems/2025-03-04-login.md"), """
                # Login failures

                ## Timeline

                - 09:00 Login errors begin after a certificate expired
                - 09:05 Customer reported failures to support
                - 09:45 New certificate installed, resolved
                """);
        CheckResult r = CheckRunner.evaluate(new TimeToRestoreCheck(), PostmortemFixtures.scan(dir, null, false),
                DefaultSettings.of(TimeToRestoreCheck.ID));
        assertThat(r.metrics()).containsEntry("timeToRestoreMinutes", 50L).containsEntry("timeToDetectMinutes", 10L)
                .containsEntry("timeToDetectIncidents", 3).containsEntry("timeToAcknowledgeMinutes", 7L)
                .containsEntry("timeToAcknowledgeIncidents", 2);
        assertThat(r.summary()).isEqualTo("median time to restore 50 min over 3 incidents: DORA elite; median time"
                + " to detect 10 min over 3; median time to acknowledge 7 min over 2");
        assertThat(r.status()).as("detection and acknowledgement are reported, not scored").isEqualTo(CheckStatus.PASS);
    }

    @Test
    void noTimesIsNotAssessed(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("incidents"));
        Files.writeString(dir.resolve("incidents/x.md"), "# X\n\n## Root cause\n\nA disk filled up.\n");
        assertThat(CheckRunner.evaluate(new TimeToRestoreCheck(), PostmortemFixtures.scan(dir, null, false),
                DefaultSettings.of(TimeToRestoreCheck.ID)).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
