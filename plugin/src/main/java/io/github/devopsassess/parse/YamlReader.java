package io.github.devopsassess.parse;

import io.github.devopsassess.model.ParseProblem;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML and JSON into {@link YamlNode}s with line numbers. Never throws for bad input: a document that cannot be
 * read becomes a {@link ParseProblem} naming the file and line.
 */
public final class YamlReader {

    /** Limits that keep a hostile file (alias bombs, giant documents) from exhausting memory. */
    public record Limits(int maxAliases, int maxCodePoints, int maxNodes, int maxDepth) {
        public static final Limits DEFAULT = new Limits(100, 20 * 1024 * 1024, 500_000, 200);
    }

    /** The documents of one file and the problem that stopped reading it, if any. */
    /**
     * @param documents the documents read
     * @param problem the first problem, if any
     * @param complete true when every document was read whole: the only problems were warnings such as a duplicate
     *     key, so the documents can be used after reporting the problem
     */
    public record Result(List<YamlNode> documents, Optional<ParseProblem> problem, boolean complete) {

        /** A result whose problem, if any, stopped the reading. */
        public Result(List<YamlNode> documents, Optional<ParseProblem> problem) {
            this(documents, problem, problem.isEmpty());
        }

        public Optional<YamlNode> first() {
            return documents.isEmpty() ? Optional.empty() : Optional.ofNullable(documents.get(0));
        }
    }

    private final Limits limits;

    public YamlReader() {
        this(Limits.DEFAULT);
    }

    public YamlReader(Limits limits) {
        this.limits = limits;
    }

    /** Reads every document of a multi-document stream. Documents read before an error are kept. */
    public Result read(String path, String text) {
        if (text.length() > limits.maxCodePoints()) {
            return new Result(List.of(), Optional.of(new ParseProblem(path, null, "file skipped: too large to read"
                    + " as YAML (more than " + limits.maxCodePoints() + " characters)")));
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(path)
                // The reader copies its window each time it fills the buffer (1 KB by default), which makes a long
                // scalar quadratic: one 8 MB line took 13 s. Reading the whole text at once keeps it linear.
                .setBufferSize(text.length() + 1)
                .setAllowDuplicateKeys(true) // reported below with the line, instead of aborting the whole file
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(limits.maxCodePoints())
                .setUseMarks(true)
                .build();
        List<YamlNode> documents = new ArrayList<>();
        List<ParseProblem> duplicates = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(text)) {
                Converter converter = new Converter(path, duplicates);
                YamlNode doc = node == null ? null : converter.convert(node, 0);
                // Aliases make a DAG; whoever walks it later visits every alias again, so the expanded size counts.
                if (doc != null && expandedSize(doc, new IdentityHashMap<>()) > limits.maxNodes()) {
                    return new Result(List.of(), Optional.of(new ParseProblem(path, doc.line(), "file skipped: too"
                            + " large once aliases are expanded (more than " + limits.maxNodes() + " YAML nodes)")));
                }
                documents.add(doc);
            }
        } catch (MarkedYamlEngineException e) {
            Integer line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(null);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            return new Result(documents, Optional.of(new ParseProblem(path, line,
                    "malformed YAML: " + firstLine(problem) + context)));
        } catch (LimitExceeded e) {
            return new Result(List.of(), Optional.of(new ParseProblem(path, e.line, "file skipped: " + e.getMessage())));
        } catch (YamlEngineException e) {
            return new Result(documents, Optional.of(new ParseProblem(path, null,
                    "file skipped: " + firstLine(e.getMessage()))));
        } catch (StackOverflowError e) {
            return new Result(List.of(), Optional.of(new ParseProblem(path, null,
                    "file skipped: nesting too deep to read")));
        }
        if (!duplicates.isEmpty()) {
            return new Result(documents, Optional.of(duplicates.get(0)), true);
        }
        return new Result(documents, Optional.empty());
    }

    private static long expandedSize(YamlNode node, Map<YamlNode, Long> memo) {
        Long known = memo.get(node);
        if (known != null) {
            return known;
        }
        long size = 1;
        if (node instanceof YamlNode.Sequence s) {
            for (YamlNode item : s.items()) {
                size = Math.min(Long.MAX_VALUE / 4, size + expandedSize(item, memo));
            }
        } else if (node instanceof YamlNode.Mapping m) {
            for (YamlNode value : m.entries().values()) {
                size = Math.min(Long.MAX_VALUE / 4, size + expandedSize(value, memo));
            }
        }
        memo.put(node, size);
        return size;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    private static final class LimitExceeded extends RuntimeException {
        private final Integer line;

        LimitExceeded(String message, Integer line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private final class Converter {
        private final String path;
        private final List<ParseProblem> duplicates;
        private final Map<Node, YamlNode> converted = new IdentityHashMap<>();
        private int nodes;

        Converter(String path, List<ParseProblem> duplicates) {
            this.path = path;
            this.duplicates = duplicates;
        }

        YamlNode convert(Node node, int depth) {
            if (depth > limits.maxDepth()) {
                throw new LimitExceeded("too deep (more than " + limits.maxDepth() + " levels of nesting)", line(node));
            }
            // An alias refers to the very same Node object; converting it once keeps alias-heavy files linear.
            YamlNode done = converted.get(node);
            if (done != null) {
                return done;
            }
            if (++nodes > limits.maxNodes()) {
                throw new LimitExceeded("too large (more than " + limits.maxNodes() + " YAML nodes)", line(node));
            }
            YamlNode result;
            if (node instanceof ScalarNode s) {
                boolean quoted = s.getScalarStyle() != ScalarStyle.PLAIN;
                String value = !quoted && isNull(s.getValue()) ? null : s.getValue();
                result = new YamlNode.Scalar(value, quoted, line(node), explicitTag(node));
            } else if (node instanceof SequenceNode seq) {
                List<YamlNode> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    items.add(convert(item, depth + 1));
                }
                result = new YamlNode.Sequence(items, line(node), explicitTag(node));
            } else if (node instanceof MappingNode map) {
                result = mapping(map, depth);
            } else {
                result = new YamlNode.Scalar(null, false, line(node), null);
            }
            converted.put(node, result);
            return result;
        }

        private YamlNode mapping(MappingNode map, int depth) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            List<YamlNode.Mapping> merged = new ArrayList<>();
            for (NodeTuple tuple : map.getValue()) {
                Node keyNode = tuple.getKeyNode();
                String key = keyNode instanceof ScalarNode ks ? ks.getValue() : "<complex key>";
                YamlNode value = convert(tuple.getValueNode(), depth + 1);
                if ("<<".equals(key) && keyNode instanceof ScalarNode ks && ks.getScalarStyle() == ScalarStyle.PLAIN) {
                    value.asMapping().ifPresent(merged::add);
                    value.asSequence().ifPresent(seq -> seq.items().forEach(i -> i.asMapping().ifPresent(merged::add)));
                    continue;
                }
                if (entries.containsKey(key)) {
                    duplicates.add(new ParseProblem(path, line(keyNode), "duplicate key '" + key
                            + "' (first at line " + keyLines.get(key) + "); the last one is used"));
                }
                entries.put(key, value);
                keyLines.put(key, line(keyNode));
            }
            // Merge keys: explicit keys win, then earlier merged maps win over later ones (YAML 1.1 merge semantics).
            if (!merged.isEmpty()) {
                Map<String, YamlNode> withMerges = new LinkedHashMap<>();
                Map<String, Integer> lines = new LinkedHashMap<>();
                for (YamlNode.Mapping m : merged) {
                    for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                        if (!withMerges.containsKey(e.getKey())) {
                            withMerges.put(e.getKey(), e.getValue());
                            lines.put(e.getKey(), m.lineOf(e.getKey()));
                        }
                    }
                }
                withMerges.putAll(entries);
                lines.putAll(keyLines);
                return new YamlNode.Mapping(withMerges, lines, line(map), explicitTag(map));
            }
            return new YamlNode.Mapping(entries, keyLines, line(map), explicitTag(map));
        }

        private static boolean isNull(String v) {
            return v.isEmpty() || "~".equals(v) || "null".equals(v) || "Null".equals(v) || "NULL".equals(v);
        }

        private static String explicitTag(Node node) {
            Tag tag = node.getTag();
            if (tag == null) {
                return null;
            }
            String value = tag.getValue();
            return value.startsWith(Tag.PREFIX) ? null : value;
        }

        private static int line(Node node) {
            return node.getStartMark().map(Mark::getLine).orElse(0) + 1;
        }
    }
}
