package io.github.devopsassess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.source.RepoTree;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class WholeFileRangesTest {

    /** Files in memory; a folder is a prefix of some file, never a file itself. */
    private record Tree(Map<String, String> content) implements RepoTree {
        @Override
        public String subtree() {
            return "";
        }

        @Override
        public List<String> files() {
            return List.copyOf(new TreeMap<>(content).keySet());
        }

        @Override
        public List<String> filesUnder(String folder) {
            return files().stream().filter(f -> f.startsWith(folder)).toList();
        }

        @Override
        public boolean isFile(String path) {
            return content.containsKey(path);
        }

        @Override
        public TextRead readText(String path) {
            return content.containsKey(path) ? TextRead.of(content.get(path)) : TextRead.skip("missing");
        }

        @Override
        public BytesRead readBytes(String path) {
            String text = content.get(path);
            return text == null ? BytesRead.skip("missing") : BytesRead.of(text.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "memory";
        }
    }

    @Test
    void evidenceNamingAFileWithoutALineGetsTheFilesRangeAndNothingElseChanges() {
        RepoTree tree = new Tree(Map.of("src/A.java", "class A {\n}\n// end\n", "empty.txt", ""));
        Finding f = Finding.of("knowledge-loss", "knowledge-silos", Severity.MEDIUM, "m", "src", List.of(
                Evidence.file("src/A.java").withNote("authored by someone who left"),
                Evidence.file("src"), // a folder
                Evidence.file("gone.txt"), // not in the tree
                Evidence.file("empty.txt"),
                Evidence.line("src/A.java", 2),
                Evidence.note("looked for CODEOWNERS")), "r");
        Finding untouched = Finding.of("truck-factor", "knowledge-silos", Severity.HIGH, "m", "repo",
                List.of(Evidence.note("one author")), "r");

        List<Finding> out = new WholeFileRanges(tree).apply(List.of(f, untouched));

        assertThat(out.get(0).evidence()).extracting(Evidence::label).containsExactly(
                "src/A.java:1-3 — authored by someone who left", "src", "gone.txt", "empty.txt", "src/A.java:2",
                "looked for CODEOWNERS");
        assertThat(out.get(0).fingerprint()).isEqualTo(f.fingerprint());
        assertThat(out.get(1)).isSameAs(untouched);
        List<Finding> nothingToDo = List.of(untouched);
        assertThat(new WholeFileRanges(tree).apply(nothingToDo)).isSameAs(nothingToDo);
    }

    @Test
    void linesAreCountedAsAnEditorNumbersThem() {
        assertThat(WholeFileRanges.count("")).isZero();
        assertThat(WholeFileRanges.count("one")).isEqualTo(1);
        assertThat(WholeFileRanges.count("one\n")).isEqualTo(1);
        assertThat(WholeFileRanges.count("one\r\ntwo\r\n")).isEqualTo(2);
        assertThat(WholeFileRanges.count("one\rtwo")).isEqualTo(2);
        assertThat(WholeFileRanges.count("one\n\nthree")).isEqualTo(3);
    }
}
