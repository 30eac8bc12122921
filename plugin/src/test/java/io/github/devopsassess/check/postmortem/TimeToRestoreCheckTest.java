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
    void noTimesIsNotAssessed(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("incidents"));
        Files.writeString(dir.resolve("incidents/x.md"), "# X\n\n## Root cause\n\nA disk filled up.\n");
        assertThat(CheckRunner.evaluate(new TimeToRestoreCheck(), PostmortemFixtures.scan(dir, null, false),
                DefaultSettings.of(TimeToRestoreCheck.ID)).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
