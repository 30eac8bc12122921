package io.github.devopsassess.scan;

import io.github.devopsassess.model.Facts;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.source.RepoTree;

import java.util.Optional;

/** Reading a file the way every scanner should: through the tree's limits, with every problem recorded. */
public final class ScanFiles {

    private ScanFiles() {
    }

    /** The file's text; when it cannot be read (too large, binary, missing) the reason is recorded as a problem. */
    public static Optional<String> text(RepoTree tree, String path, Facts.Builder facts) {
        RepoTree.TextRead read = tree.readText(path);
        if (!read.ok()) {
            facts.problem(path, null, "file skipped: " + read.skipped());
            return Optional.empty();
        }
        return Optional.of(read.text());
    }

    /**
     * The first YAML document of the file as a mapping; malformed YAML, or a document that is not a mapping, is a
     * problem with the file and line.
     *
     * @param expected what the mapping should hold, for the message ("repository settings")
     */
    public static Optional<YamlNode.Mapping> yamlMapping(RepoTree tree, YamlReader yaml, String path,
            Facts.Builder facts, String expected) {
        Optional<String> text = text(tree, path, facts);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        YamlReader.Result result = yaml.read(path, text.get());
        if (result.problem().isPresent()) {
            facts.problem(result.problem().get());
            return Optional.empty();
        }
        Optional<YamlNode.Mapping> m = result.first().flatMap(YamlNode::asMapping);
        if (m.isEmpty()) {
            facts.problem(path, 1, "expected a YAML mapping with " + expected);
        }
        return m;
    }
}
