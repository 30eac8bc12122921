package io.github.devopsassess.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML (or JSON) value that remembers where it stood, so that every finding and every error can name the line.
 * Merge keys ({@code <<}) are already applied; aliases are already resolved.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** 1-based line of the value's first character. */
    int line();

    /** The explicit tag such as {@code !reference}, or {@code null} for plain values. */
    String tag();

    /** A scalar's text, or {@code null} for collections and YAML nulls. */
    default String text() {
        return null;
    }

    default Optional<Mapping> asMapping() {
        return this instanceof Mapping m ? Optional.of(m) : Optional.empty();
    }

    default Optional<Sequence> asSequence() {
        return this instanceof Sequence s ? Optional.of(s) : Optional.empty();
    }

    /** Human name of the node kind, for error messages. */
    String kind();

    /**
     * @param value the text, {@code null} for a YAML null ({@code ~}, {@code null} or empty)
     * @param quoted whether the text was quoted (then "true" is a string, not a boolean)
     */
    record Scalar(String value, boolean quoted, int line, String tag) implements YamlNode {
        @Override
        public String text() {
            return value;
        }

        @Override
        public String kind() {
            return "a scalar";
        }
    }

    record Sequence(List<YamlNode> items, int line, String tag) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * Keys are kept in document order. {@code keyLines} gives the line of each key, which is what an "unknown key"
     * error should point at.
     */
    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line, String tag)
            implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }

        public Optional<YamlNode> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public Optional<String> string(String key) {
            YamlNode n = entries.get(key);
            return n == null ? Optional.empty() : Optional.ofNullable(n.text());
        }

        public Optional<Mapping> mapping(String key) {
            return get(key).flatMap(YamlNode::asMapping);
        }

        public List<YamlNode> list(String key) {
            return get(key).flatMap(YamlNode::asSequence).map(Sequence::items).orElse(List.of());
        }

        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }

        public List<String> keys() {
            return new ArrayList<>(entries.keySet());
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }
}
