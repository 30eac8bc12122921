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
        Map<String, SourceExcerpt> excerpts = new EvidenceExcerpts(new WorkingTree(dir, "", 1 << 20))
                .of(List.of(f));
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
}
