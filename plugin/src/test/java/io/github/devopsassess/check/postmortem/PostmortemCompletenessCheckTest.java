package io.github.devopsassess.check.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.scan.postmortem.PdfFixtures;
import io.github.devopsassess.scan.postmortem.PostmortemFixtures;
import io.github.devopsassess.testing.DefaultSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemCompletenessCheckTest {

    private static CheckResult run(Path dir) {
        Facts facts = PostmortemFixtures.scan(dir, null, false);
        return CheckRunner.evaluate(new PostmortemCompletenessCheck(), facts,
                DefaultSettings.of(PostmortemCompletenessCheck.ID));
    }

    private static void write(Path dir, String path, String text) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text);
    }

    @Test
    void oneFindingPerIncompleteReportListingEveryMissingPart(@TempDir Path dir) throws Exception {
        // a complete report in the PagerDuty layout
        write(dir, "postmortems/2025-03-01-api-latency.md", """
                # API latency

                ## Summary

                API requests were slow for 30 minutes after a cache node was replaced.

                ## Impact

                p99 latency rose to 4 s for all customers.

                ## Root Cause

                The new cache node started empty and every request went to the database.

                ## Timeline

                | Time | Event |
                |------|-------|
                | 10:00 | Cache node replaced |
                | 10:05 | Latency alert fired |
                | 10:30 | Cache warm, latency back to normal |

                ## Action Items

                - [ ] Warm new cache nodes before they take traffic @ops OPS-12
                """);
        // no timeline and no action items: the lead's example
        write(dir, "postmortems/2025-05-01-disk-full.md", """
                # Disk full on the build server

                ## Summary

                Builds failed for two hours because the build server's disk filled up with old artifacts.

                ## Root cause

                Nothing removed artifacts older than a week.
                """);
        // a timeline, but the cause left as a placeholder
        write(dir, "incidents/2025-06-02-dns.md", """
                # DNS outage

                Internal names did not resolve for 12 minutes after a resolver was restarted during office hours.

                Impact: every internal service call failed.

                ## Timeline

                - 14:00 resolver restarted
                - 14:12 resolution restored

                ## Root cause

                TBD

                ## Follow-ups

                - Restart resolvers one at a time (owner: platform team, NET-7)
                """);

        CheckResult r = run(dir);

        assertThat(r.findings()).hasSize(2);
        assertThat(r.findings()).filteredOn(f -> f.subject().equals("postmortems/2025-05-01-disk-full.md"))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo("2025-05-01-disk-full.md (2025-05-01) lacks impact, timeline,"
                            + " action items: without action items nothing changes after the incident.");
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(f.evidence()).extracting(Evidence::label).containsExactly(
                            "postmortems/2025-05-01-disk-full.md:3 — missing: impact, timeline, action items;"
                                    + " sections: Summary, Root cause");
                });
        assertThat(r.findings()).filteredOn(f -> f.subject().equals("incidents/2025-06-02-dns.md")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).as("summary in the preamble, impact as a labelled line").isEqualTo(
                            "2025-06-02-dns.md (2025-06-02) lacks root cause (section \"Root cause\" empty):"
                                    + " without them readers cannot tell how the incident unfolded or why.");
                    assertThat(f.severity()).as("only action items missing fails").isEqualTo(Severity.LOW);
                });
        assertThat(r.summary()).isEqualTo("1 of 3 postmortems has a summary, impact, timeline, root cause and"
                + " action items");
        assertThat(r.score()).isEqualTo(1 - 1.5 / 3);
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.area()).isEqualTo("incident-response");
    }

    @Test
    void aVulnerabilitySweepWithoutARootCauseHeadingIsNoFinding(@TempDir Path dir) throws Exception {
        // the cause is the linked CVE; the template has no Root cause heading
        write(dir, "postmortems/2021-12-10-log4shell.md", """
                # Log4Shell

                CVE details: https://nvd.nist.gov/vuln/detail/CVE-2021-44228

                ## Timeline

                - 09:00 advisory read
                - 11:30 one affected pod found (xroute), product patched

                ## Action items

                - [x] Patch xroute (owner: platform team)
                """);
        CheckResult r = run(dir);
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).isEqualTo("0 of 1 postmortem have a summary, impact, timeline, root cause and"
                + " action items");
    }

    @Test
    void missingSummaryOrImpactAloneIsNoFinding(@TempDir Path dir) throws Exception {
        write(dir, "postmortems/PM2025-003 - Queue stalled.md", """
                # Queue stalled

                ## Timeline

                - 2025-04-03 09:00 consumer deployed
                - 2025-04-03 09:40 queue drained, resolved

                ## Contributing Factors

                - The consumer's new version crashed on messages with an empty header.

                ## Action Items

                - Test consumers with empty headers (OPS-33)
                """);
        CheckResult r = run(dir);
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.summary()).startsWith("0 of 1 postmortem have");
    }

    @Test
    void aPdfReportIsJudgedLikeAnyOtherAndItsEvidenceIsOnAPage(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        Files.write(dir.resolve("postmortems/2025-03-04-checkout.pdf"), PdfFixtures.text(List.of(
                List.of("Checkout errors after a configuration change", "",
                        "Summary", "Checkout failed for 42 minutes after a connection pool change.", "",
                        "Root cause", "The pool size was lowered without a load test."))));
        Files.write(dir.resolve("postmortems/2025-03-05-complete.pdf"), PdfFixtures.twoPageReport());
        CheckResult r = run(dir);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("postmortems/2025-03-04-checkout.pdf");
            assertThat(f.message()).contains("lacks impact, timeline, action items");
        });
    }

    @Test
    void nonEnglishPostmortemsAreNotAssessed(@TempDir Path dir) throws Exception {
        write(dir, "postmortems/2025-08-01-ausfall.md", """
                # Datenbank-Ausfall

                ## Zusammenfassung

                Die Datenbank war für zwei Stunden nicht erreichbar, weil der Speicherplatz voll war und niemand
                das bemerkt hat. Die Kunden konnten sich nicht anmelden und die Bestellungen wurden nicht bearbeitet.
                Erst nach einer Stunde hat der Bereitschaftsdienst die Warnung gesehen, weil sie nur per E-Mail
                verschickt wurde. Danach haben wir alte Protokolle gelöscht und die Datenbank neu gestartet.
                """);
        assertThat(run(dir).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
