package io.github.devopsassess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.model.SourceExcerpt;
import io.github.devopsassess.source.WorkingTree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceExcerptsTest {

    @Test
    void readsTheLinesAroundEachEvidenceOnceAndSkipsWhatItCannotShow(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("ci"));
        Files.writeString(dir.resolve("ci/deploy.yml"), "one\ntwo\n\tthree <b>\nfour\nfive\n" + "x".repeat(300)
                + "\n");
        Finding f = Finding.of("c", "a", Severity.HIGH, "m", "s", List.of(Evidence.line("ci/deploy.yml", 3),
                Evidence.lines("ci/deploy.yml", 6, 40), Evidence.line("ci/deploy.yml", 99), Evidence.file("ci"),
                Evidence.line("missing.yml", 1), Evidence.line("../etc/passwd", 1)), "r");
        Map<String, SourceExcerpt> excerpts = new EvidenceExcerpts(new WorkingTree(dir, "", 1 << 20),
                io.github.devopsassess.facts.People.withoutHistory(false,
                        io.github.devopsassess.facts.Pseudonyms.keyed("k"))).of(List.of(f));
        assertThat(excerpts).containsOnlyKeys("ci/deploy.yml:3-3", "ci/deploy.yml:6-40");
        SourceExcerpt three = excerpts.get("ci/deploy.yml:3-3");
        assertThat(three.firstLine()).isEqualTo(2);
        assertThat(three.lines()).containsExactly("two", "    three <b>", "four");
        assertThat(three.markFrom()).isEqualTo(3);
        assertThat(three.markTo()).isEqualTo(3);
        SourceExcerpt six = excerpts.get("ci/deploy.yml:6-40");
        assertThat(six.firstLine()).isEqualTo(5);
        assertThat(six.lines()).hasSizeLessThanOrEqualTo(EvidenceExcerpts.MAX_LINES);
        assertThat(six.lines().get(1)).hasSize(EvidenceExcerpts.MAX_LINE_LENGTH + 2).endsWith(" …");
    }

    @Test
    void excerptsQuoteNoEmailAndNoCodeownersHandleUnlessNamesAreShown(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".github"));
        Files.writeString(dir.resolve(".github/CODEOWNERS"), "# owners\n* @alice @shop/platform\n"
                + "/billing/ bob@shop.example\n");
        Files.writeString(dir.resolve("oncall.yaml"), "people:\n  - id: carol@shop.example\n    uses: x@v4 @alice\n");
        Finding f = Finding.of("c", "a", Severity.HIGH, "m", "s", List.of(Evidence.line(".github/CODEOWNERS", 2),
                Evidence.line("oncall.yaml", 2)), "r");
        io.github.devopsassess.facts.Pseudonyms key = io.github.devopsassess.facts.Pseudonyms.keyed("k");
        Map<String, SourceExcerpt> hidden = new EvidenceExcerpts(new WorkingTree(dir, "", 1 << 20),
                io.github.devopsassess.facts.People.withoutHistory(false, key)).of(List.of(f));
        assertThat(hidden.get(".github/CODEOWNERS:2-2").lines()).containsExactly("# owners",
                "* " + key.of("alice") + " @shop/platform", "/billing/ " + key.of("bob@shop.example"));
        assertThat(hidden.get("oncall.yaml:2-2").lines()).as("handles are disguised in CODEOWNERS files only")
                .containsExactly("people:", "  - id: " + key.of("carol@shop.example"), "    uses: x@v4 @alice");
        Map<String, SourceExcerpt> shown = new EvidenceExcerpts(new WorkingTree(dir, "", 1 << 20),
                io.github.devopsassess.facts.People.withoutHistory(true, key)).of(List.of(f));
        assertThat(shown.get(".github/CODEOWNERS:2-2").lines()).contains("* @alice @shop/platform");
    }
}
