package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsassess.report.CheckPagesGenerator.CheckDocsException;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check pages are generated from the rubric by the build ({@link CheckPagesGenerator}, run in process-classes),
 * never by a test into the repository: these tests write only into temporary folders.
 */
class CheckPagesGeneratorTest {

    /** The built-in checks: the default rubric names each one's class (the loader verifies it exists). */
    private static final Set<String> BUILT_IN = builtIn();

    private static Set<String> builtIn() {
        try {
            return new java.util.TreeSet<>(new RubricLoader(CheckPagesGeneratorTest.class.getClassLoader())
                    .loadDefault().checks().keySet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Rubric defaultRubric() throws Exception {
        return new RubricLoader(CheckPagesGeneratorTest.class.getClassLoader()).loadDefault();
    }

    /** The text under a page's "== heading", up to the next section. */
    private static String section(String page, String heading) {
        String start = "\n== " + heading + "\n\n";
        int from = page.indexOf(start);
        assertThat(from).as("section '" + heading + "'").isNotNegative();
        int to = page.indexOf("\n== ", from + start.length());
        return page.substring(from + start.length(), to < 0 ? page.length() : to).strip();
    }

    @Test
    void theDefaultRubricGivesOnePagePerCheckWithEverySectionFilled() throws Exception {
        Rubric rubric = defaultRubric();
        assertThat(CheckPagesGenerator.problems(rubric, BUILT_IN)).isEmpty();

        Map<String, String> files = CheckPagesGenerator.files(rubric, BUILT_IN);
        Set<String> expected = new LinkedHashSet<>();
        BUILT_IN.forEach(id -> expected.add(id + ".adoc"));
        expected.add(CheckPagesGenerator.INDEX);
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(expected);

        for (CheckDef c : rubric.checks().values()) {
            String page = files.get(c.id() + ".adoc");
            assertThat(section(page, "What it measures")).as(c.id()).isEqualTo(Adoc.text(c.description()));
            assertThat(section(page, "Why it matters")).as(c.id()).endsWith(Adoc.text(c.docs().why()));
            assertThat(section(page, "Data it reads")).as(c.id()).isEqualTo(Adoc.text(c.docs().source()));
            assertThat(section(page, "Thresholds")).as(c.id()).isNotBlank();
            assertThat(section(page, "Example finding")).as(c.id()).contains(Adoc.text(c.docs().example()));
            assertThat(section(page, "How to fix")).as(c.id()).isEqualTo(Adoc.text(c.remediation()));
            assertThat(section(page, "Known false-positive guards")).as(c.id())
                    .isEqualTo(Adoc.text(c.docs().guards()));
            for (String text : new String[] {c.description(), c.docs().why(), c.docs().source(), c.docs().example(),
                    c.remediation(), c.docs().guards()}) {
                assertThat(text).as(c.id()).isNotBlank();
            }
            assertThat(page).as(c.id()).contains("Enabled:: " + (c.enabled() ? "yes" : "no"))
                    .contains("Severity:: " + c.severity().id());
            assertThat(page.toLowerCase(Locale.ROOT)).as(c.id()).doesNotContain("not documented");
        }
        String index = files.get(CheckPagesGenerator.INDEX);
        BUILT_IN.forEach(id -> assertThat(index).contains("link:" + id + ".adoc["));
    }

    @Test
    void aRubricMissingSectionsIsReportedByCheckAndSectionAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, """
                version: 1
                name: small
                areas:
                  knowledge-silos:
                    title: Knowledge silos
                    weight: 1
                    antiPattern: Keeping a silo or two
                levels:
                  initial:
                    title: Initial
                    minScore: 0
                checks:
                  truck-factor:
                    area: knowledge-silos
                    input: history
                    title: Truck factor
                    severity: high
                    weight: 1
                    thresholds: { fail: 1, warn: 2 }
                    description: People who must leave before most files have no author.
                    remediation: Pair on the files one person authors.
                    docs:
                      source: Git history.
                      why: One person is a silo.
                      example: Truck factor of the repository is 1.
                      guards: Bots own nothing.
                  single-author-directories:
                    area: knowledge-silos
                    input: history
                    title: Single-author folders
                    severity: medium
                    weight: 1
                    description: Folders only one person changed.
                    docs:
                      source: Git history.
                      why: A folder one person changed is a silo.
                """, StandardCharsets.UTF_8);
        Set<String> implemented = Set.of("truck-factor", "single-author-directories", "pipeline-defined");
        Rubric rubric = new RubricLoader(getClass().getClassLoader()).load(file);

        assertThat(CheckPagesGenerator.problems(rubric, implemented)).containsExactlyInAnyOrder(
                "check 'pipeline-defined': implemented by the plugin, but the rubric has no entry for it",
                "check 'single-author-directories': no docs.example (Example finding)",
                "check 'single-author-directories': no remediation (How to fix)",
                "check 'single-author-directories': no docs.guards (Known false-positive guards)");

        Path out = dir.resolve("pages");
        assertThatThrownBy(() -> CheckPagesGenerator.write(rubric, implemented, out))
                .isInstanceOf(CheckDocsException.class)
                .hasMessageStartingWith("The check pages of the rubric 'small' cannot be generated: 4 problems.")
                .hasMessageContaining("\n  - check 'single-author-directories': no docs.guards (Known false-positive"
                        + " guards)")
                .satisfies(e -> assertThat(((CheckDocsException) e).problems()).hasSize(4));
        assertThat(out).doesNotExist();
        assertThatThrownBy(() -> CheckPages.page(rubric, "single-author-directories"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("docs.example (Example finding), remediation (How to fix), docs.guards");
        assertThat(CheckPages.page(rubric, "truck-factor")).contains("+++Bots own nothing.+++");
    }

    @Test
    void aPageThatWouldSayNotDocumentedIsAProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lazy.yaml");
        Files.writeString(file, """
                extends: default
                checks:
                  truck-factor:
                    docs:
                      guards: Not documented yet.
                """, StandardCharsets.UTF_8);
        Rubric rubric = new RubricLoader(getClass().getClassLoader()).load(file);
        assertThat(CheckPagesGenerator.problems(rubric, BUILT_IN)).containsExactly(
                "check 'truck-factor': its page would say \"not documented\"; write the text instead");
    }

    @Test
    void mainWritesThePagesIntoTheFolderItIsGivenAndRemovesStaleOnes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("generated-docs/checks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("a-check-that-was-removed.adoc"), "= Old\n");
        Files.writeString(out.resolve("notes.txt"), "kept\n");

        CheckPagesGenerator.main(new String[] {out.toString()});

        Set<String> written;
        try (Stream<Path> files = Files.list(out)) {
            written = new java.util.TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
        Set<String> expected = new java.util.TreeSet<>();
        BUILT_IN.forEach(id -> expected.add(id + ".adoc"));
        expected.add(CheckPagesGenerator.INDEX);
        expected.add("notes.txt");
        assertThat(written).isEqualTo(expected);
        assertThat(Files.readString(out.resolve("truck-factor.adoc")))
                .isEqualTo(CheckPages.page(defaultRubric(), "truck-factor"));
    }

    @Test
    void aPageHasTheScoringFactsAndEscapesTheRubricsText() throws Exception {
        Rubric rubric = defaultRubric();
        String page = CheckPages.page(rubric, "truck-factor");
        assertThat(page).startsWith("= +++Truck factor+++\n").contains("Severity:: high", "Weight:: 3 within",
                "Enabled:: yes", "|+++<code>warn</code>+++ |2",
                "Anti-pattern: *+++Keeping a silo or two&#59; the untouchable co-founder+++*");
        assertThat(CheckPages.page(rubric, "pipeline-defined"))
                .contains("Required for level:: +++Managed+++ +++<code>managed</code>+++");
        assertThat(CheckPages.page(rubric, "environment-key-drift"))
                .contains("Enabled:: no, this rubric switches it off");
    }
}
