package io.github.devopsassess.check.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.scan.postmortem.PostmortemFixtures;
import io.github.devopsassess.testing.DefaultSettings;
import io.github.devopsassess.testing.Histories;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemTimelinessCheckTest {

    private static CheckResult run(Path dir, HistoryFacts history) {
        Facts scanned = PostmortemFixtures.scan(dir, null, false);
        Facts facts = Facts.builder().put(PostmortemFacts.class, scanned.find(PostmortemFacts.class).orElseThrow())
                .put(HistoryFacts.class, history).build();
        return CheckRunner.evaluate(new PostmortemTimelinessCheck(), facts,
                DefaultSettings.of(PostmortemTimelinessCheck.ID));
    }

    private static void write(Path dir, String path, String text) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text);
    }

    @Test
    void theDateTheDocumentStatesWinsOverTheCommitDate(@TempDir Path dir) throws Exception {
        // incident Mon 2025-03-03, published Wed 2025-03-05, committed months later from the wiki: on time
        write(dir, "postmortems/cache-outage.md", """
                ---
                date: 2025-03-03
                published: 2025-03-05
                ---
                # Cache outage

                ## Root cause

                The cache cluster ran out of memory.
                """);
        // incident Tue 2025-04-01, committed the next day as a stub, but the document says it was written a month later
        write(dir, "postmortems/dns.md", """
                # DNS outage

                | Field | Value |
                |-------|-------|
                | Date | 2025-04-01 |
                | Written | 2025-04-30 |

                ## Root cause

                A resolver was restarted during office hours.
                """);
        HistoryFacts history = Histories.builder()
                .commit("Ann Lee", "2024-01-02T10:00:00Z", 'A', "README.md")
                .commit("Ann Lee", "2025-04-02T10:00:00Z", 'A', "postmortems/dns.md")
                .commit("Ann Lee", "2025-06-30T10:00:00Z", 'A', "postmortems/cache-outage.md")
                .build();

        CheckResult r = run(dir, history);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("1 of 2 postmortems was written more than 5 business days after"
                    + " their incident ended (up to 21)");
            assertThat(f.evidence()).extracting(Evidence::label).containsExactly("postmortems/dns.md:6 — dns.md"
                    + " (2025-04-01): incident on 2025-04-01 (from the metadata line), written on 2025-04-30"
                    + " (\"Written\" line), 21 business days later");
        });
        assertThat(r.summary()).isEqualTo("1 of 2 postmortems written within 5 business days");
    }

    @Test
    void aBulkImportIsNamedAsAnImportNotHundredsOfDaysLate(@TempDir Path dir) throws Exception {
        List<String> imported = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String path = "postmortems/2024-0" + i + "-1" + i + "-incident-" + i + ".md";
            write(dir, path, "# Incident " + i + "\n\n## Root cause\n\nA disk filled up.\n");
            imported.add(path);
        }
        // one written here, 9 business days after its incident
        write(dir, "postmortems/2025-11-03-queue.md", "# Queue backlog\n\n## Root cause\n\nA consumer crashed.\n");
        HistoryFacts history = Histories.builder()
                .commit("Ann Lee", "2024-01-02T10:00:00Z", 'A', "README.md")
                .commitAdding("Ann Lee", "2025-10-01T10:00:00Z", imported)
                .commit("Ann Lee", "2025-11-14T10:00:00Z", 'A', "postmortems/2025-11-03-queue.md")
                .build();

        CheckResult r = run(dir, history);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("1 of 1 postmortem was").contains("(up to 9)");
            assertThat(f.evidence()).extracting(Evidence::label).last().asString().isEqualTo("commit 000000000000"
                    + " — import of 6 postmortems on 2025-10-01, not judged:"
                    + " postmortems/2024-01-11-incident-1.md, postmortems/2024-02-12-incident-2.md,"
                    + " postmortems/2024-03-13-incident-3.md, postmortems/2024-04-14-incident-4.md,"
                    + " postmortems/2024-05-15-incident-5.md, …");
        });
        assertThat(r.summary()).isEqualTo("0 of 1 postmortem written within 5 business days; 6 postmortems"
                + " imported in bulk (commit 00000000 on 2025-10-01) not judged: their commit date is the import's,"
                + " not when they were written");
    }

    @Test
    void onlyImportedPostmortemsIsNotAssessedAndSaysWhy(@TempDir Path dir) throws Exception {
        List<String> imported = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String path = "incidents/2023-0" + i + "-0" + i + "-outage.md";
            write(dir, path, "# Outage " + i + "\n\n## Timeline\n\n- 10:00 alert fired\n- 10:30 resolved\n");
            imported.add(path);
        }
        HistoryFacts history = Histories.builder()
                .commit("Ann Lee", "2024-01-02T10:00:00Z", 'A', "README.md")
                .commitAdding("Ann Lee", "2025-02-03T10:00:00Z", imported)
                .build();
        CheckResult r = run(dir, history);
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).contains("5 postmortems imported in bulk").doesNotContain("business days later");
    }

    @Test
    void fewerThanTheBulkThresholdInOneCommitAreJudged(@TempDir Path dir) throws Exception {
        List<String> added = List.of("postmortems/2025-01-06-a.md", "postmortems/2025-01-07-b.md");
        for (String p : added) {
            write(dir, p, "# X\n\n## Root cause\n\nA disk filled up.\n");
        }
        HistoryFacts history = Histories.builder()
                .commit("Ann Lee", "2024-01-02T10:00:00Z", 'A', "README.md")
                .commitAdding("Ann Lee", "2025-03-03T10:00:00Z", added)
                .build();
        CheckResult r = run(dir, history);
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message()).startsWith("2 of 2"));
    }
}
