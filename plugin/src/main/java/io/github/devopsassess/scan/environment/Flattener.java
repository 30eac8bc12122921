package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns nested YAML into dotted settings ({@code spring: datasource: url:} → {@code spring.datasource.url}), the form
 * Spring's properties files use, so a YAML profile and a properties profile compare key by key. A list of scalars
 * is one value; a list of mappings becomes {@code key[0].child}.
 */
final class Flattener {

    private Flattener() {
    }

    static List<Setting> flatten(YamlNode.Mapping root, String path) {
        return flatten(root, path, k -> true);
    }

    /** Only the keys {@code keep} accepts (by display key) are returned. */
    static List<Setting> flatten(YamlNode.Mapping root, String path, Predicate<String> keep) {
        List<Setting> out = new ArrayList<>();
        mapping(root, "", path, out, keep);
        return out;
    }

    private static void mapping(YamlNode.Mapping m, String prefix, String path, List<Setting> out,
            Predicate<String> keep) {
        for (String key : m.keys()) {
            String display = prefix.isEmpty() ? key : prefix + "." + key;
            value(m.entries().get(key), display, m.lineOf(key), path, out, keep);
        }
    }

    private static void value(YamlNode node, String display, int line, String path, List<Setting> out,
            Predicate<String> keep) {
        if (node instanceof YamlNode.Mapping child) {
            if (child.entries().isEmpty()) {
                add(display, "{}", line, path, out, keep);
            } else {
                mapping(child, display, path, out, keep);
            }
        } else if (node instanceof YamlNode.Sequence seq) {
            boolean scalars = seq.items().stream().allMatch(i -> i instanceof YamlNode.Scalar);
            if (scalars) {
                List<String> texts = new ArrayList<>();
                seq.items().forEach(i -> texts.add(i.text() == null ? "" : i.text()));
                add(display, "[" + String.join(", ", texts) + "]", line, path, out, keep);
            } else {
                for (int i = 0; i < seq.items().size(); i++) {
                    YamlNode item = seq.items().get(i);
                    value(item, display + "[" + i + "]", item.line(), path, out, keep);
                }
            }
        } else {
            add(display, node == null ? "" : node.text(), line, path, out, keep);
        }
    }

    private static void add(String display, String value, int line, String path, List<Setting> out,
            Predicate<String> keep) {
        if (keep.test(display)) {
            out.add(Setting.of(display, value, path, line));
        }
    }
}
