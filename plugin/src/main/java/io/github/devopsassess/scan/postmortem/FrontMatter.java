package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * YAML front matter ({@code ---} on the first line up to the next {@code ---} or {@code ...}). It is read with the
 * project's {@link YamlReader} rather than commonmark's front-matter extension so that values keep their line numbers
 * and malformed YAML becomes a parse problem; the block is replaced by blank lines so the body keeps its line numbers.
 *
 * @param values scalar entries with lower-cased keys
 * @param body the text with the front matter blanked out
 */
record FrontMatter(Map<String, ParsedDocument.FrontMatterValue> values, String body) {

    static FrontMatter split(String path, String text, Consumer<ParseProblem> problems) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[0].strip().equals("---")) {
            return new FrontMatter(Map.of(), text);
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.equals("---") || l.equals("...")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return new FrontMatter(Map.of(), text); // a thematic break, not front matter
        }
        StringBuilder yaml = new StringBuilder("\n"); // keeps YAML line numbers equal to file line numbers
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0 && i < end) {
                yaml.append(lines[i]).append('\n');
            }
            body.append(i <= end ? "" : lines[i]);
            if (i < lines.length - 1) {
                body.append('\n');
            }
        }
        Map<String, ParsedDocument.FrontMatterValue> values = new LinkedHashMap<>();
        YamlReader.Result result = new YamlReader().read(path, yaml.toString());
        result.problem().ifPresent(problems);
        result.first().filter(n -> n instanceof YamlNode.Mapping).map(n -> (YamlNode.Mapping) n).ifPresent(m -> {
            for (String key : m.keys()) {
                m.get(key).filter(v -> v instanceof YamlNode.Scalar).map(v -> ((YamlNode.Scalar) v).text())
                        .ifPresent(v -> values.put(key.toLowerCase(Locale.ROOT),
                                new ParsedDocument.FrontMatterValue(v, m.lineOf(key))));
            }
        });
        return new FrontMatter(values, body.toString());
    }
}
