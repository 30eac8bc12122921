package io.github.devopsassess.scan.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentitiesTest {

    @Test
    void aliasesMapCaseInsensitivelyByEmailThenName() {
        Facts.Builder facts = Facts.builder();
        Identities ids = Identities.parse("ids.yaml", String.join("\n",
                "alice@example.org:",
                "  - Alice@Old-Company.example",
                "  - \"Alice S.\"",
                "Bob Builder: bob@home.example",
                ""), facts);
        assertThat(facts.build().problems()).isEmpty();
        assertThat(ids.personOf("Whoever", "alice@old-company.EXAMPLE")).contains("alice@example.org");
        assertThat(ids.personOf("alice s.", "laptop@local")).contains("alice@example.org");
        assertThat(ids.personOf("B", "BOB@home.example")).contains("Bob Builder");
        assertThat(ids.personOf("Carol", "carol@x.org")).isEmpty();
    }

    @Test
    void malformedFilesAreProblemsWithLinesNotCrashes() {
        Facts.Builder facts = Facts.builder();
        Identities ids = Identities.parse("ids.yaml", "alice@example.org:\n  nested: [1\n", facts);
        assertThat(facts.build().problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("ids.yaml");
            assertThat(p.line()).isNotNull();
        });
        assertThat(ids.personOf("x", "alice@example.org")).isEmpty();

        Facts.Builder wrongShape = Facts.builder();
        Identities.parse("ids.yaml", "alice@example.org:\n  key: value\n", wrongShape);
        assertThat(wrongShape.build().problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("should be a list"));
    }

    @Test
    void mailmapCaseInsensitiveEmailsAndIdentitiesFileMergePeople(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".mailmap", "Alice <alice@example.org> <a.smith@laptop.local>\n")
                    .write("devops-identities.yaml", "alice@example.org:\n  - alice@old-company.example\n")
                    .write("src/A.java", "a\n").commit("Alice", "alice@example.org", "one");
            repo.append("src/A.java", "b").commit("alice", "ALICE@Example.org", "two");
            repo.append("src/A.java", "c").commit("A. Smith", "a.smith@laptop.local", "three");
            repo.append("src/A.java", "d").commit("Alice Old", "alice@old-company.example", "four");
            repo.write("src/B.java", "b\n").commit("Bob", "bob@x.org", "bob");
        }
        ScanOptions o = ScanOptions.defaults().withShowNames(true);
        java.util.List<String> log = new java.util.ArrayList<>();
        Assessment a = new Assessor().assess(new AssessmentRequest(dir, null, null, "t", null, null,
                o.withHistory(o.history().withIdentities("devops-identities.yaml")), log::add, log::add))
                .assessment();
        assertThat(a.problems()).isEmpty();
        // four spellings of Alice (case, .mailmap, identities file) are one person; Bob is the other
        assertThat(log).contains("History: 5 commits by 2 people in the repository");
    }
}
