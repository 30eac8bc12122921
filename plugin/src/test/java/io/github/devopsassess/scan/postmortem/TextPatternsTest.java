package io.github.devopsassess.scan.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TextPatternsTest {

    @Test
    void durationsAsPostmortemsWriteThem() {
        assertThat(TextPatterns.minutes("1415 minutes")).isEqualTo(1415);
        assertThat(TextPatterns.minutes(" 5 minutes")).isEqualTo(5);
        assertThat(TextPatterns.minutes("53 min")).isEqualTo(53);
        assertThat(TextPatterns.minutes("2h 30m")).isEqualTo(150);
        assertThat(TextPatterns.minutes("1.5 hours")).isEqualTo(90);
        assertThat(TextPatterns.minutes("2 days")).isEqualTo(2880);
        assertThat(TextPatterns.minutes("01:30")).isEqualTo(90);
        assertThat(TextPatterns.minutes("544")).isEqualTo(544);
        assertThat(TextPatterns.minutes("ZZZ")).isNull();
    }

    @Test
    void severities() {
        assertThat(TextPatterns.severity("a 1 minute SEV-1 due to")).contains("SEV1");
        assertThat(TextPatterns.severity("Sev 2")).contains("SEV2");
        assertThat(TextPatterns.severity("sev3")).contains("SEV3");
        assertThat(TextPatterns.severity("P1 outage")).contains("P1");
        assertThat(TextPatterns.severity("step 1 of the plan")).isEmpty();
    }

    @Test
    void datesAndTrackingLinks() {
        assertThat(TextPatterns.date("PM2025-001 - x.md")).isEmpty();
        assertThat(TextPatterns.date("2025-06-12-payment.md")).contains(LocalDate.of(2025, 6, 12));
        assertThat(TextPatterns.date("On 5 January 2026 we")).contains(LocalDate.of(2026, 1, 5));
        assertThat(TextPatterns.date("March 4, 2025")).contains(LocalDate.of(2025, 3, 4));
        assertThat(TextPatterns.tracking("fix it (OPS-12)")).isEqualTo("OPS-12");
        assertThat(TextPatterns.tracking("a SEV-1 incident")).isNull();
        assertThat(TextPatterns.tracking("see #123")).isEqualTo("#123");
        assertThat(TextPatterns.tracking("https://jira.example.org/browse/X-1")).startsWith("https://");
    }
}
