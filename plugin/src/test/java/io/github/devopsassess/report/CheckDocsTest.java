package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/checks/ is generated from the default rubric. This test regenerates it in the repository and fails when
 * anything changed (commit the regenerated pages), when a built-in check has no page, or a page has no check.
 */
class CheckDocsTest {

    private static Path docs() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("rubrics"))) {
            root = root.getParent();
        }
        assertThat(root).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return root.resolve("docs/checks");
    }

    private static Rubric rubric() throws Exception {
        return new RubricLoader(CheckDocsTest.class.getClassLoader()).loadDefault();
    }

    private static Map<String, String> expected(Rubric rubric) {
        Map<String, String> files = new LinkedHashMap<>();
        CheckPages.pages(rubric).forEach((id, page) -> files.put(id + ".adoc", page));
        files.put("README.adoc", CheckPages.index(rubric));
        return files;
    }

    @Test
    void docsChecksAreUpToDateWithTheDefaultRubric() throws Exception {
        Path docs = docs();
        Map<String, String> expected = expected(rubric());
        List<String> changed = new ArrayList<>();
        Files.createDirectories(docs);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = docs.resolve(e.getKey());
            String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (!e.getValue().equals(old)) {
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                changed.add(e.getKey());
            }
        }
        for (String stale : existing(docs)) {
            if (!expected.containsKey(stale)) {
                Files.delete(docs.resolve(stale));
                changed.add(stale + " (deleted: no such check)");
            }
        }
        assertThat(changed).as("docs/checks/ was out of date and has been regenerated; commit it").isEmpty();
    }

    @Test
    void everyBuiltInCheckIsDocumentedAndEveryPageIsACheck() throws Exception {
        Rubric rubric = rubric();
        assertThat(CheckPages.pages(rubric).keySet()).containsExactlyInAnyOrderElementsOf(
                rubric.checks().keySet());
        rubric.checks().values().forEach(c -> {
            assertThat(c.description()).as("description of " + c.id()).isNotBlank();
            assertThat(c.remediation()).as("remediation of " + c.id()).isNotBlank();
        });
        TreeSet<String> pages = new TreeSet<>(existing(docs()));
        pages.remove("README.adoc");
        TreeSet<String> checks = new TreeSet<>();
        rubric.checks().keySet().forEach(id -> checks.add(id + ".adoc"));
        assertThat(pages).isEqualTo(checks);
    }

    @Test
    void aPageHasEverySectionAndEscapesTheRubricsText() throws Exception {
        String page = CheckPages.page(rubric(), "truck-factor");
        assertThat(page).startsWith("= +++Truck factor+++\n").contains("== What it measures", "== Data source",
                "== Thresholds", "== Why it matters", "== How to fix", "== Example finding", "|+++<code>warn</code>+++ |2",
                "Anti-pattern: *+++Keeping a silo or two&#59; the untouchable co-founder+++*");
        String ladder = CheckPages.page(rubric(), "pipeline-defined");
        assertThat(ladder).contains("Required for level:: +++Managed+++ +++<code>managed</code>+++");
    }

    private static List<String> existing(Path docs) throws IOException {
        try (Stream<Path> files = Files.list(docs)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".adoc")).sorted().toList();
        }
    }
}
