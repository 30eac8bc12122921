package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading helpers every environment reader shares: text and YAML through the {@link RepoTree}, with problems recorded
 * as facts instead of thrown.
 */
final class Inputs {

    private final RepoTree tree;
    private final Facts.Builder facts;
    private final YamlReader yaml = new YamlReader();

    Inputs(RepoTree tree, Facts.Builder facts) {
        this.tree = tree;
        this.facts = facts;
    }

    RepoTree tree() {
        return tree;
    }

    List<String> files() {
        return tree.files();
    }

    void problem(String path, Integer line, String message) {
        facts.problem(path, line, message);
    }

    /** The file's text, or empty (with a problem recorded) when it cannot be read. */
    Optional<String> text(String path) {
        RepoTree.TextRead read = tree.readText(path);
        if (!read.ok()) {
            if (!"missing".equals(read.skipped())) {
                facts.problem(path, null, "file skipped: " + read.skipped());
            }
            return Optional.empty();
        }
        return Optional.of(read.text());
    }

    /** The YAML documents of a file that could be read (documents before a syntax error are kept). */
    List<YamlNode> yaml(String path, String text) {
        YamlReader.Result result = yaml.read(path, text);
        result.problem().ifPresent(facts::problem);
        List<YamlNode> docs = new ArrayList<>(result.documents());
        docs.removeIf(Objects::isNull);
        return docs;
    }

    List<YamlNode> yaml(String path) {
        return text(path).map(t -> yaml(path, t)).orElse(List.of());
    }

    /** The first document as a mapping, or empty (with a problem when it is something else). */
    Optional<YamlNode.Mapping> mapping(String path, String what) {
        List<YamlNode> docs = yaml(path);
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlNode.Mapping> m = docs.get(0).asMapping();
        if (m.isEmpty()) {
            facts.problem(path, docs.get(0).line(), "a " + what + " must be a mapping, not " + docs.get(0).kind());
        }
        return m;
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
