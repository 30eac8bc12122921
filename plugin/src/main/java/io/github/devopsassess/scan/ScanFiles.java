package io.github.devopsassess.scan;

import io.github.devopsassess.facts.Facts;
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
     * The first YAML document of the file as a mapping. Malformed YAML, an empty file or a document that is not a
     * mapping is a problem with the file and line; a warning such as a duplicate key is reported and the document
     * is still used, so nothing else in the file is lost.
     *
     * @param what what the file is, for the messages ("repository settings file")
     */
    public static Optional<YamlNode.Mapping> yamlMapping(RepoTree tree, YamlReader yaml, String path,
            Facts.Builder facts, String what) {
        Optional<String> text = text(tree, path, facts);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        YamlReader.Result result = yaml.read(path, text.get());
        result.problem().ifPresent(facts::problem);
        if (!result.complete()) {
            return Optional.empty();
        }
        Optional<YamlNode> first = result.first();
        if (first.isEmpty()) {
            facts.problem(path, 1, "empty " + what);
            return Optional.empty();
        }
        if (first.get().asMapping().isEmpty()) {
            facts.problem(path, first.get().line(), "a " + what + " must be a YAML mapping, found "
                    + first.get().kind());
            return Optional.empty();
        }
        return first.get().asMapping();
    }
}
