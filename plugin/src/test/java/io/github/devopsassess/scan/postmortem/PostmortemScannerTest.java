package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.BlameTerm;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.postmortem.SectionKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.postmortem.Postmortem.ItemStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemScannerTest {

    @TempDir
    static Path dir;
    static Facts facts;
    static PostmortemFacts pm;

    @BeforeAll
    static void scan() {
        facts = PostmortemFixtures.scan(PostmortemFixtures.copy("repo", dir), null, false);
        pm = facts.find(PostmortemFacts.class).orElseThrow();
    }

    @Test
    void findsPostmortemsByFolderAndNameAndLeavesOutTemplatesIndexesAndOtherReports() {
        assertThat(pm.postmortems()).extracting(Postmortem::path).containsExactly(
                "docs/postmortems/2025-06-12-payment-latency.md",
                "incidents/2025-09-30-search-overload.md",
                "postmortems/2025-08-01-datenbank-ausfall.md",
                "postmortems/2025-11-03-queue-backlog.adoc",
                "postmortems/PM2025-001 - Logs from workers not shipped to CloudWatch.md",
                "postmortems/PM2025-004 - Logs not shipped to CloudWatch.md",
                "postmortems/PM2026-002 - Checkout returning 503.md");
        assertThat(pm.templates()).containsExactly("postmortems/PMyyyy-nnn - Postmortem template.md");
        assertThat(pm.postmortems()).extracting(Postmortem::path).doesNotContain("reports/coverage-summary.md",
                "postmortems/README.md");
    }

    @Test
    void emptyAndDamagedPdfReportsAreUnreadableProblemsAndTheScanGoesOn() {
        assertThat(pm.unreadable()).extracting(PostmortemFacts.Unreadable::path, PostmortemFacts.Unreadable::reason)
                .satisfiesExactly(
                        u -> assertThat(u.toList()).containsExactly("postmortems/2025-10-10-empty.md", "empty file"),
                        u -> assertThat(u.toList().get(1).toString()).startsWith("malformed PDF"));
        assertThat(facts.problems()).filteredOn(p -> "reports/2024-q4-incident-report.pdf".equals(p.path()))
                .singleElement().satisfies(p -> assertThat(p.message())
                        .startsWith("postmortem not read: malformed PDF"));
    }

    @Test
    void pdfReportIsReadPageByPageLikeMarkdown(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("postmortems"));
        Files.write(other.resolve("postmortems/checkout-503.pdf"), PdfFixtures.twoPageReport());
        Facts f = PostmortemFixtures.scan(other, null, true);
        assertThat(f.problems()).isEmpty();
        Postmortem p = f.find(PostmortemFacts.class).orElseThrow().postmortems().get(0);
        assertThat(p.format()).isEqualTo("pdf");
        assertThat(p.title()).isEqualTo("Postmortem: Checkout API returned 503 errors");
        assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(p.dateSource()).isEqualTo("metadata line");
        assertThat(p.severity()).isEqualTo("SEV2");
        assertThat(p.owner()).isEqualTo("payments on-call");
        assertThat(p.sections()).extracting(Postmortem.Section::kind).containsExactly(SectionKind.OTHER,
                SectionKind.SUMMARY, SectionKind.IMPACT, SectionKind.CAUSE, SectionKind.TIMELINE,
                SectionKind.ACTION_ITEMS);
        assertThat(p.text(SectionKind.CAUSE)).contains("deployed without a load test");
        assertThat(p.timeline()).hasSize(5).first().satisfies(e -> {
            assertThat(e.time()).isEqualTo(LocalDateTime.of(2025, 3, 4, 14, 2));
            assertThat(p.page(e.line())).as("the timeline is on page 2").isEqualTo(2);
        });
        assertThat(p.minutesToDetect()).isEqualTo(7);
        assertThat(p.minutesToAcknowledge()).as("14:09 alert fired, 14:15 acknowledged").isEqualTo(6);
        assertThat(p.minutesToRestore()).isEqualTo(36);
        assertThat(p.page(p.restoreLine())).isEqualTo(2);
        assertThat(p.page(p.dateLine())).isEqualTo(1);
        assertThat(p.actionItems()).satisfiesExactly(
                i -> {
                    assertThat(i.owner()).isEqualTo("@dana");
                    assertThat(i.tracking()).isEqualTo("PAY-201");
                    assertThat(p.page(i.line())).isEqualTo(2);
                },
                i -> {
                    assertThat(i.owner()).isEqualTo("@lee");
                    assertThat(i.status()).isEqualTo(ItemStatus.DONE);
                });
        assertThat(p.paged()).isTrue();
    }

    @Test
    void confluenceHtmlExportIsReadLikeMarkdown(@TempDir Path other) {
        Facts f = PostmortemFixtures.scan(PostmortemFixtures.copy("confluence", other), null, true);
        assertThat(f.problems()).isEmpty();
        Postmortem p = f.find(PostmortemFacts.class).orElseThrow().postmortems().get(0);
        assertThat(p.format()).isEqualTo("html");
        assertThat(p.title()).as("the page title without its space").isEqualTo("Postmortem - Checkout outage");
        assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2023, 4, 2));
        assertThat(p.dateLine()).isEqualTo(36);
        assertThat(p.writtenDate()).as("\"last modified on\" is not when it was written").isNull();
        assertThat(p.severity()).isEqualTo("SEV2");
        assertThat(p.owner()).isEqualTo("Payments on-call");
        assertThat(p.sections()).extracting(Postmortem.Section::kind).containsExactly(SectionKind.OTHER,
                SectionKind.SUMMARY, SectionKind.IMPACT, SectionKind.CAUSE, SectionKind.TIMELINE,
                SectionKind.ACTION_ITEMS, SectionKind.LESSONS);
        assertThat(p.sections(SectionKind.SUMMARY)).singleElement().satisfies(s -> assertThat(s.text())
                .extracting(Postmortem.TextLine::text).containsExactly("Card payments failed for 52 minutes after a"
                        + " certificate on the payment gateway proxy expired.",
                        "Customers saw \"Payment could not be processed\"."));
        assertThat(p.text(SectionKind.IMPACT)).contains("140 tickets");
        assertThat(p.text(SectionKind.LESSONS)).as("code blocks are not prose").doesNotContain("openssl")
                .contains("must be automated");
        assertThat(p.text(SectionKind.values())).as("navigation and footer are not read")
                .doesNotContain("Document generated by Confluence", "Incident reviews");
        assertThat(p.timeline()).extracting(Postmortem.TimelineEntry::line).containsExactly(53, 54, 55, 56);
        assertThat(p.timeline().get(0).time()).isEqualTo(LocalDateTime.of(2023, 4, 2, 9, 12));
        assertThat(p.minutesToDetect()).isEqualTo(19);
        assertThat(p.minutesToAcknowledge()).isEqualTo(9);
        assertThat(p.minutesToRestore()).isEqualTo(52);
        assertThat(p.actionItems()).satisfiesExactly(
                i -> {
                    assertThat(i.line()).isEqualTo(60);
                    assertThat(i.status()).isEqualTo(ItemStatus.DONE);
                    assertThat(i.owner()).isEqualTo("@jordan");
                    assertThat(i.tracking()).isEqualTo("PAY-410");
                },
                i -> assertThat(i.status()).isEqualTo(ItemStatus.OPEN));
    }

    @Test
    void datesTheDocumentStatesHeaderTableFirstHeadingAndWrittenDate(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("postmortems"));
        Files.writeString(other.resolve("postmortems/payments.md"), """
                # Payments degraded

                | Field | Value |
                |-------|-------|
                | Date | 2023-04-02 |
                | Date of the postmortem | 2023-04-06 |

                ## Root cause

                A certificate expired.
                """);
        Files.writeString(other.resolve("postmortems/search.md"), """
                ## 2023-05-10 Search outage

                Written on: 12 May 2023

                ## Root cause

                An index was dropped.
                """);
        Files.writeString(other.resolve("postmortems/queue.md"), """
                ---
                incident_date: 2023-06-01
                published: 2023-06-09
                ---
                # Queue backlog

                ## Root cause

                A consumer crashed.
                """);
        Files.writeString(other.resolve("postmortems/Confluence-page_1234.html"), """
                <html><head><title>Ops : Login outage 2023-07-03</title></head><body>
                <div class="page-metadata">Created by Jordan Lee on Jul 05, 2023</div>
                <div id="main-content"><h2>Root cause</h2><p>A token signing key was rotated early.</p></div>
                </body></html>
                """);
        PostmortemFacts facts = PostmortemFixtures.scan(other, null, false).find(PostmortemFacts.class).orElseThrow();
        assertThat(PostmortemFixtures.byName(facts, "payments")).satisfies(p -> {
            assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2023, 4, 2));
            assertThat(p.dateLine()).as("the header table row").isEqualTo(5);
            assertThat(p.writtenDate()).isEqualTo(LocalDate.of(2023, 4, 6));
            assertThat(p.writtenSource()).isEqualTo("\"Date of the postmortem\" line");
            assertThat(p.writtenLine()).isEqualTo(6);
        });
        assertThat(PostmortemFixtures.byName(facts, "search")).satisfies(p -> {
            assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2023, 5, 10));
            assertThat(p.dateSource()).isEqualTo("first heading");
            assertThat(p.writtenDate()).isEqualTo(LocalDate.of(2023, 5, 12));
        });
        assertThat(PostmortemFixtures.byName(facts, "queue")).satisfies(p -> {
            assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2023, 6, 1));
            assertThat(p.writtenDate()).isEqualTo(LocalDate.of(2023, 6, 9));
            assertThat(p.writtenSource()).isEqualTo("front matter 'published'");
            assertThat(p.writtenLine()).isEqualTo(3);
        });
        assertThat(PostmortemFixtures.byName(facts, "Confluence")).satisfies(p -> {
            assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2023, 7, 3));
            assertThat(p.writtenDate()).isEqualTo(LocalDate.of(2023, 7, 5));
            assertThat(p.writtenSource()).isEqualTo("page metadata");
            assertThat(p.writtenLine()).isEqualTo(2);
        });
    }

    @Test
    void googleDocsHtmlExportWithPlainCellTables(@TempDir Path other) {
        Facts f = PostmortemFixtures.scan(PostmortemFixtures.copy("googledocs", other), null, true);
        Postmortem p = f.find(PostmortemFacts.class).orElseThrow().postmortems().get(0);
        assertThat(p.title()).isEqualTo("Image uploads failing");
        assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2024, 11, 18));
        assertThat(p.owner()).isEqualTo("media team");
        assertThat(p.timeline()).extracting(Postmortem.TimelineEntry::line).containsExactly(8, 9, 10, 11);
        assertThat(p.minutesToDetect()).isEqualTo(45);
        assertThat(p.minutesToAcknowledge()).isEqualTo(8);
        assertThat(p.minutesToRestore()).isEqualTo(95);
        assertThat(p.actionItems()).as("the first row of plain cells is the header").singleElement().satisfies(i -> {
            assertThat(i.text()).isEqualTo("Import the bucket policy into Terraform");
            assertThat(i.owner()).isEqualTo("@media-oncall");
            assertThat(i.status()).isEqualTo(ItemStatus.DONE);
        });
    }

    @Test
    void htmlOutsidePostmortemFoldersIsNotRead(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("reports/tests"));
        Files.writeString(other.resolve("reports/tests/index-2.html"), "<html><body><h1>Test results</h1>"
                + "<h2>Summary</h2><p>12 tests</p><h2>Timeline</h2><ul><li>10:00 started</li></ul></body></html>");
        Facts f = PostmortemFixtures.scan(other, null, false);
        assertThat(f.find(PostmortemFacts.class).orElseThrow().postmortems()).isEmpty();
    }

    @Test
    void aReportSavedWithoutAnExtensionIsReadWhenItReadsLikeAPostmortem(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("PM2022-009 - Bad node image causing cluster issues"), """
                # Bad node image causing cluster issues

                ## Summary
                After the node image update, pods on the new nodes could not reach the API server.

                ## Timeline
                - 09:12 Alert: API server unreachable from new nodes
                - 10:40 Rolled nodes back to the previous image

                ## Root cause
                The new image shipped a CNI plugin version the cluster does not support.

                ## Action items
                - Pin the node image and test it in a staging cluster first
                """);
        // a file with no extension that is not a report: the collection's licence and a notes file
        Files.writeString(other.resolve("PM2022-010 - notes"), "remember to ask about the AMI\n");
        Files.writeString(other.resolve("LICENSE"), "MIT License\n\nCopyright (c) 2022\n");
        PostmortemFacts p = PostmortemFixtures.scan(other, null, false).find(PostmortemFacts.class).orElseThrow();
        assertThat(p.postmortems()).extracting(Postmortem::path)
                .containsExactly("PM2022-009 - Bad node image causing cluster issues");
        assertThat(p.postmortems().get(0).actionItems()).hasSize(1);
    }

    @Test
    void scannedAndCorruptPdfsAreOneWarningEachAndTheRestIsRead(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("postmortems"));
        Files.write(other.resolve("postmortems/2025-01-02-scanned.pdf"), PdfFixtures.imageOnly());
        Files.write(other.resolve("postmortems/2025-01-03-corrupt.pdf"), "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Ty"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.write(other.resolve("postmortems/2025-03-04-checkout.pdf"), PdfFixtures.twoPageReport());
        Facts f = PostmortemFixtures.scan(other, null, false);
        PostmortemFacts p = f.find(PostmortemFacts.class).orElseThrow();
        assertThat(p.postmortems()).extracting(Postmortem::path).containsExactly("postmortems/2025-03-04-checkout.pdf");
        assertThat(p.unreadable()).extracting(PostmortemFacts.Unreadable::path).containsExactly(
                "postmortems/2025-01-02-scanned.pdf", "postmortems/2025-01-03-corrupt.pdf");
        assertThat(f.problems()).hasSize(2).satisfiesExactlyInAnyOrder(
                pr -> {
                    assertThat(pr.path()).isEqualTo("postmortems/2025-01-02-scanned.pdf");
                    assertThat(pr.message()).contains("no extractable text", "scanned");
                },
                pr -> {
                    assertThat(pr.path()).isEqualTo("postmortems/2025-01-03-corrupt.pdf");
                    assertThat(pr.message()).contains("malformed PDF");
                });
    }

    @Test
    void dfdsStyleStatsTimelineAndListItems() {
        Postmortem p = PostmortemFixtures.byName(pm, "PM2025-001");
        assertThat(p.title()).isEqualTo("Logs from worker nodes not shipped to CloudWatch Logs");
        assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(p.dateSource()).isEqualTo("timeline");
        assertThat(p.minutesToDetect()).isEqualTo(1370);
        assertThat(p.minutesToRestore()).isEqualTo(1405);
        assertThat(p.restoreLine()).isEqualTo(38);
        assertThat(p.sections()).extracting(Postmortem.Section::kind).containsExactly(SectionKind.SUMMARY,
                SectionKind.TIMELINE, SectionKind.CAUSE, SectionKind.ACTION_ITEMS, SectionKind.LESSONS,
                SectionKind.OTHER);
        assertThat(p.timeline()).first().satisfies(e -> {
            assertThat(e.line()).isEqualTo(13);
            assertThat(e.time()).isEqualTo(LocalDateTime.of(2025, 2, 3, 10, 15));
        });
        assertThat(p.actionItems()).satisfiesExactly(
                i -> {
                    assertThat(i.line()).isEqualTo(26);
                    assertThat(i.owner()).isEqualTo("@maria");
                    assertThat(i.tracking()).isEqualTo("OPS-101");
                    assertThat(i.status()).isEqualTo(ItemStatus.UNKNOWN);
                },
                i -> assertThat(i.owner()).isNull(),
                i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
    }

    @Test
    void actionItemTableWithOwnerStatusAndBugColumns() {
        Postmortem p = PostmortemFixtures.byName(pm, "PM2025-004");
        assertThat(p.actionItems()).extracting(Postmortem.ActionItem::line, Postmortem.ActionItem::owner,
                Postmortem.ActionItem::status, Postmortem.ActionItem::tracking).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(28, "@maria", ItemStatus.OPEN, "OPS-140"),
                        org.assertj.core.groups.Tuple.tuple(29, null, ItemStatus.OPEN, null),
                        org.assertj.core.groups.Tuple.tuple(30, "@kim", ItemStatus.DONE, "OPS-141"));
        assertThat(p.sections(SectionKind.LESSONS)).singleElement().satisfies(s -> assertThat(s.empty()).isTrue());
    }

    @Test
    void frontMatterTaskListsAndRelativeTimelineTimes() {
        Postmortem p = PostmortemFixtures.byName(pm, "PM2026-002");
        assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(p.dateSource()).isEqualTo("front matter");
        assertThat(p.dateLine()).isEqualTo(3);
        assertThat(p.severity()).isEqualTo("SEV2");
        assertThat(p.status()).isEqualTo("final");
        assertThat(p.owner()).as("names hidden").isEqualTo(PostmortemInterpreter.REDACTED_OWNER);
        assertThat(p.minutesToRestore()).isEqualTo(25);
        assertThat(p.restoreSource()).isEqualTo("timeline");
        assertThat(p.actionItems()).satisfiesExactly(
                i -> {
                    assertThat(i.status()).isEqualTo(ItemStatus.DONE);
                    assertThat(i.tracking()).isEqualTo("#88");
                    assertThat(i.owner()).isEqualTo("@sam");
                },
                i -> {
                    assertThat(i.status()).isEqualTo(ItemStatus.OPEN);
                    assertThat(i.owner()).isEqualTo("platform team");
                    assertThat(i.due()).isEqualTo(LocalDate.of(2026, 2, 15));
                    assertThat(i.tracking()).isEqualTo("PAY-311");
                });
        assertThat(p.has(SectionKind.LESSONS)).isTrue();
    }

    @Test
    void pagerDutyTemplateLayout() {
        Postmortem p = PostmortemFixtures.byName(pm, "payment-latency");
        assertThat(p.severity()).isEqualTo("SEV1");
        assertThat(p.severityLine()).isEqualTo(6);
        assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(p.minutesToRestore()).isEqualTo(47);
        assertThat(p.minutesToDetect()).isEqualTo(4);
        assertThat(pm.incidents()).filteredOn(i -> i.path().equals(p.path())).singleElement().satisfies(i -> {
            assertThat(i.minutesToDetect()).isEqualTo(4);
            assertThat(i.minutesToAcknowledge()).as("nothing after the page says someone responded").isNull();
        });
        assertThat(p.sections(SectionKind.LESSONS)).extracting(Postmortem.Section::heading)
                .containsExactly("How'd We Do?", "What Went Well?", "What Didn't Go So Well?");
        assertThat(p.actionItems()).hasSize(3).filteredOn(i -> i.status() == ItemStatus.OPEN).hasSize(2);
    }

    @Test
    void googleSreTemplateLayout() {
        Postmortem p = PostmortemFixtures.byName(pm, "search-overload");
        assertThat(p.severity()).isEqualTo("P2");
        assertThat(p.sections(SectionKind.CAUSE)).extracting(Postmortem.Section::heading)
                .containsExactly("Root Causes", "Trigger");
        assertThat(p.sections(SectionKind.LESSONS)).hasSize(4);
        assertThat(p.minutesToRestore()).isEqualTo(66);
        assertThat(p.actionItems()).extracting(Postmortem.ActionItem::owner).containsExactly("search team", null);
    }

    @Test
    void asciidocWithoutAsciidoctor() {
        Postmortem p = PostmortemFixtures.byName(pm, "queue-backlog.adoc");
        assertThat(p.format()).isEqualTo("asciidoc");
        assertThat(p.title()).isEqualTo("Queue backlog delays order e-mails");
        assertThat(p.severity()).isEqualTo("SEV3");
        assertThat(p.incidentDate()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(p.minutesToRestore()).isEqualTo(122);
        assertThat(p.timeline()).extracting(Postmortem.TimelineEntry::line).containsExactly(15, 16, 17);
        assertThat(p.actionItems()).satisfiesExactly(
                i -> {
                    assertThat(i.line()).isEqualTo(27);
                    assertThat(i.status()).isEqualTo(ItemStatus.OPEN);
                    assertThat(i.owner()).isEqualTo("@lee");
                    assertThat(i.tracking()).isEqualTo("MAIL-45");
                },
                i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
    }

    @Test
    void nonEnglishTextIsMarked() {
        assertThat(PostmortemFixtures.byName(pm, "datenbank").english()).isFalse();
        assertThat(pm.postmortems()).filteredOn(p -> !p.path().contains("datenbank"))
                .allSatisfy(p -> assertThat(p.english()).as(p.path()).isTrue());
    }

    @Test
    void recurringClusterAndIncidentSummaries() {
        assertThat(pm.recurring()).singleElement().satisfies(c -> {
            assertThat(c.paths()).containsExactly(
                    "postmortems/PM2025-001 - Logs from workers not shipped to CloudWatch.md",
                    "postmortems/PM2025-004 - Logs not shipped to CloudWatch.md");
            assertThat(c.sharedTerms()).contains("cloudwatch", "log", "ship");
        });
        assertThat(pm.incidents()).extracting(PostmortemFacts.Incident::date).isSorted();
        assertThat(pm.incidents()).filteredOn(i -> i.path().contains("PM2025-004")).singleElement().satisfies(i -> {
            assertThat(i.openItems()).isEqualTo(2);
            assertThat(i.doneItems()).isEqualTo(1);
            assertThat(i.minutesToRestore()).isEqualTo(90);
            assertThat(i.recurringWith()).hasSize(1);
        });
    }

    @Test
    void veryLongFileIsCutWithAProblem(@TempDir Path other) throws Exception {
        StringBuilder sb = new StringBuilder("# Long incident\n\n## Timeline\n\n");
        for (int i = 0; i < PostmortemScanner.MAX_LINES + 200; i++) {
            sb.append("- 2025-05-01 10:").append(String.format("%02d", i % 60)).append(" log line ").append(i)
                    .append('\n');
        }
        sb.append("\n## Action Items\n\n- [ ] never reached OPS-1\n");
        Files.createDirectories(other.resolve("postmortems"));
        Files.writeString(other.resolve("postmortems/2025-05-01-long.md"), sb.toString());
        Facts f = PostmortemFixtures.scan(other, null, false);
        Postmortem p = f.find(PostmortemFacts.class).orElseThrow().postmortems().get(0);
        assertThat(p.lineCount()).isEqualTo(PostmortemScanner.MAX_LINES);
        assertThat(p.actionItems()).isEmpty();
        assertThat(f.problems()).anySatisfy(pr -> assertThat(pr.message()).contains("only the first"));
    }

    @Test
    void malformedFrontMatterIsAProblemWithALine(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("incidents"));
        Files.writeString(other.resolve("incidents/2025-04-01-bad.md"), "---\ndate: [2025-04-01\n---\n# Bad\n\n"
                + "## Root cause\n\nA disk filled up.\n");
        Facts f = PostmortemFixtures.scan(other, null, false);
        assertThat(f.problems()).anySatisfy(pr -> {
            assertThat(pr.path()).isEqualTo("incidents/2025-04-01-bad.md");
            assertThat(pr.line()).isNotNull();
            assertThat(pr.message()).contains("malformed YAML");
        });
        Postmortem p = f.find(PostmortemFacts.class).orElseThrow().postmortems().get(0);
        assertThat(p.incidentDate()).as("falls back to the file name").isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(p.sections(SectionKind.CAUSE)).singleElement()
                .satisfies(s -> assertThat(s.text().get(0).line()).isEqualTo(8));
    }

    @Test
    void configuredGlobsAndBlameTerms(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve(".devops"));
        Files.createDirectories(other.resolve("ops/retros"));
        Files.writeString(other.resolve(".devops/postmortems.yaml"), "include: [\"ops/retros/**\"]\nblameTerms:\n"
                + "  - phrase: dropped the ball\n  - why: no phrase\ncolour: red\n");
        Files.writeString(other.resolve("ops/retros/outage.md"), "# Outage\n\n## Root cause\n\nx\n\n## Timeline\n\n"
                + "- 10:00 start\n");
        Facts f = PostmortemFixtures.scan(other, null, false);
        PostmortemFacts p = f.find(PostmortemFacts.class).orElseThrow();
        assertThat(p.postmortems()).extracting(Postmortem::path).containsExactly("ops/retros/outage.md");
        assertThat(p.blameTerms()).extracting(BlameTerm::phrase).contains("human error",
                "dropped the ball");
        assertThat(f.problems()).extracting(pr -> pr.line() + " " + pr.message()).anySatisfy(
                m -> assertThat(m).startsWith("4 ").contains("phrase")).anySatisfy(
                m -> assertThat(m).startsWith("5 ").contains("unknown key 'colour'"));
    }

    @Test
    void aModuleSeesItsOwnAndTheRootPostmortemsButNotOtherModules(@TempDir Path other) throws Exception {
        String pm = "# Outage\n\n## Root cause\n\nA disk filled up.\n\n## Action items\n\n- [ ] Alert on disk\n";
        for (String path : List.of("app/postmortems/a.md", "postmortems/b.md", "lib/postmortems/c.md",
                "lib/docs/PM2025-001 - Disk.md")) {
            Files.createDirectories(other.resolve(path).getParent());
            Files.writeString(other.resolve(path), pm);
        }
        Facts.Builder b = Facts.builder();
        new PostmortemScanner().scan(new io.github.devopsassess.scan.ScanContext(
                new io.github.devopsassess.source.WorkingTree(other, "app", 1 << 20), null, "none",
                io.github.devopsassess.scan.ScanOptions.defaults(), s -> { }), b);
        assertThat(b.build().find(PostmortemFacts.class).orElseThrow().postmortems()).extracting(Postmortem::path)
                .containsExactly("app/postmortems/a.md", "postmortems/b.md");
    }
}
