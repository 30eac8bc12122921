package io.github.devopsassess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.scan.postmortem.PdfFixtures;
import io.github.devopsassess.scan.postmortem.PostmortemFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageLocationsTest {

    @Test
    void evidenceInAPdfNamesThePageInsteadOfLinesOfItsExtractedText(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        Files.write(dir.resolve("postmortems/checkout-503.pdf"), PdfFixtures.twoPageReport());
        Files.writeString(dir.resolve("postmortems/2025-01-01-disk.md"), "# Disk full\n\n## Root cause\n\nA disk"
                + " filled up.\n\n## Action items\n\n- [ ] Alert on disk usage\n");
        Facts facts = PostmortemFixtures.scan(dir, null, false);
        Postmortem pdf = facts.find(PostmortemFacts.class).orElseThrow().postmortems().stream()
                .filter(p -> p.format().equals("pdf")).findFirst().orElseThrow();
        int timelineLine = pdf.timeline().get(0).line();
        Finding f = Finding.of("postmortem-completeness", "incident-response", Severity.MEDIUM, "m", "x", List.of(
                Evidence.line(pdf.path(), timelineLine).withNote("timeline starts"),
                Evidence.line(pdf.path(), 1).withNote("title"),
                Evidence.line("postmortems/2025-01-01-disk.md", 5),
                Evidence.commit("0123456789abcdef0123456789abcdef01234567", "added")), "r");

        List<Finding> out = new PageLocations(facts).apply(List.of(f));

        assertThat(out).singleElement().satisfies(g -> {
            assertThat(g.fingerprint()).isEqualTo(f.fingerprint());
            assertThat(g.evidence()).extracting(Evidence::label).containsExactly(
                    "postmortems/checkout-503.pdf page 2 — timeline starts",
                    "postmortems/checkout-503.pdf page 1 — title",
                    "postmortems/2025-01-01-disk.md:5",
                    "commit 0123456789ab — added");
            assertThat(g.evidence().get(0).startLine()).as("no lines a PDF reader could find").isNull();
        });
    }

    @Test
    void withoutPagedDocumentsFindingsAreLeftAsTheyAre(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("incidents"));
        Files.writeString(dir.resolve("incidents/x.md"), "# X\n\n## Root cause\n\nA disk filled up.\n");
        List<Finding> findings = List.of(Finding.of("c", "a", Severity.LOW, "m", "s",
                List.of(Evidence.line("incidents/x.md", 5)), "r"));
        assertThat(new PageLocations(PostmortemFixtures.scan(dir, null, false)).apply(findings)).isSameAs(findings);
    }
}
