package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.parse.HclAttribute;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclBody;
import io.github.devopsassess.parse.HclValue;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the HCL of one Terraform module into {@link YamlNode}s, so that the vendor mappers read Terraform exactly like
 * JSON and YAML. It evaluates only what is certain without running Terraform: variable defaults, {@code locals} (from
 * any file of the module), {@code each.key} and {@code each.value} of one {@code for_each} instance, a template whose
 * interpolations all resolve, and {@code toset}/{@code tolist}/{@code tomap}. A reference to another resource stays as
 * its address ({@code pagerduty_user.people.alice.id}); anything else ({@code for} expressions, other functions,
 * conditionals) is marked unknown, never guessed.
 */
final class TerraformValues {

    /** No {@code for_each} instance: {@code each.*} stays unresolved. */
    static final Each NONE = new Each(null, null);

    private static final int MAX_DEPTH = 32;
    private static final Pattern INDEX = Pattern.compile("\\[\\s*\"([A-Za-z_][\\w-]*)\"\\s*\\]");
    private static final Pattern NUMERIC_INDEX = Pattern.compile("\\[\\s*(\\d+)\\s*\\]");
    /** An unquoted value that is a number or a boolean, not a reference. */
    private static final Pattern LITERAL_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|true|false");
    private static final Set<String> CONVERSIONS = Set.of("toset", "tolist", "tomap");

    /**
     * One instance of a resource with {@code for_each}.
     *
     * @param key {@code each.key}
     * @param value {@code each.value}
     */
    record Each(String key, YamlNode value) {
    }

    private final Map<String, HclValue> variables = new LinkedHashMap<>();
    private final Map<String, HclValue> locals = new LinkedHashMap<>();

    /** The variable defaults and locals of the module's files. */
    TerraformValues(List<HclBody> files) {
        for (HclBody file : files) {
            for (HclBlock b : file.blocks()) {
                if (b.type().equals("variable") && b.labels().size() == 1) {
                    b.attribute("default").ifPresent(d -> variables.putIfAbsent(b.labels().get(0), d.value()));
                } else if (b.type().equals("locals")) {
                    b.body().attributes().forEach(a -> locals.putIfAbsent(a.name(), a.value()));
                }
            }
        }
    }

    /**
     * A block's body as a mapping: attributes (except {@code for_each}) and nested blocks, one block as a mapping,
     * repeated blocks as a list; a {@code dynamic} block is noted as {@code dynamic: true}.
     */
    YamlNode.Mapping body(HclBlock block, Each each) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (HclAttribute a : block.body().attributes()) {
            if (!a.name().equals("for_each")) {
                entries.put(a.name(), value(a.value(), each, a.line(), 0));
                lines.put(a.name(), a.line());
            }
        }
        Map<String, List<HclBlock>> byType = new LinkedHashMap<>();
        block.body().blocks().forEach(b -> byType.computeIfAbsent(b.type(), k -> new ArrayList<>()).add(b));
        byType.forEach((type, blocks) -> {
            int line = blocks.get(0).line();
            if (type.equals("dynamic")) {
                entries.put(type, new YamlNode.Scalar("true", false, line, null));
            } else if (blocks.size() == 1) {
                entries.put(type, body(blocks.get(0), each));
            } else {
                entries.put(type, new YamlNode.Sequence(blocks.stream().map(b -> (YamlNode) body(b, each)).toList(),
                        line, null));
            }
            lines.put(type, line);
        });
        return new YamlNode.Mapping(entries, lines, block.line(), null);
    }

    /** A value as far as it can be known; {@code line} is where the attribute stands. */
    YamlNode value(HclValue v, Each each, int line, int depth) {
        if (depth > MAX_DEPTH) {
            return unknown(line);
        }
        if (v instanceof HclValue.Literal l) {
            return switch (l.kind()) {
                case STRING -> new YamlNode.Scalar(l.text(), true, l.line(), null);
                case NUMBER, BOOL -> new YamlNode.Scalar(l.text(), false, l.line(), null);
                case NULL -> unknown(l.line());
            };
        }
        if (v instanceof HclValue.ListValue list) {
            return new YamlNode.Sequence(list.items().stream().map(i -> value(i, each, i.line(), depth + 1)).toList(),
                    list.line(), null);
        }
        if (v instanceof HclValue.ObjectValue object) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (HclValue.Entry e : object.entries()) {
                entries.put(e.key(), value(e.value(), each, e.line(), depth + 1));
                lines.put(e.key(), e.line());
            }
            return new YamlNode.Mapping(entries, lines, object.line(), null);
        }
        if (v instanceof HclValue.Template t) {
            return template(t, each, depth);
        }
        if (v instanceof HclValue.Call call) {
            if (CONVERSIONS.contains(call.function()) && call.arguments().size() == 1) {
                return value(call.arguments().get(0), each, line, depth + 1);
            }
            return unknown(call.line());
        }
        HclValue.Expression e = (HclValue.Expression) v;
        return e.reference() ? reference(normalise(e.source()), each, e.line(), depth) : unknown(e.line());
    }

    /** {@code "${x}"} is x; a template whose parts all resolve to text is that text; else its source text. */
    private YamlNode template(HclValue.Template t, Each each, int depth) {
        if (t.parts().size() == 1) {
            return value(t.parts().get(0), each, t.line(), depth + 1);
        }
        StringBuilder text = new StringBuilder();
        for (HclValue part : t.parts()) {
            YamlNode n = value(part, each, t.line(), depth + 1);
            String s = n instanceof YamlNode.Scalar sc && sc.tag() == null ? sc.value() : null;
            boolean resolved = s != null && (part instanceof HclValue.Literal || ((YamlNode.Scalar) n).quoted()
                    || LITERAL_TEXT.matcher(s).matches());
            if (!resolved) {
                return new YamlNode.Scalar(t.source(), true, t.line(), null);
            }
            text.append(s);
        }
        return new YamlNode.Scalar(text.toString(), true, t.line(), null);
    }

    /** A traversal: variable, local, each, or the address of another object. */
    private YamlNode reference(String ref, Each each, int line, int depth) {
        String[] parts = ref.split("\\.");
        String root = parts[0];
        YamlNode base = null;
        int rest = 1;
        if (root.equals("var") && parts.length > 1 && variables.containsKey(parts[1])) {
            base = value(variables.get(parts[1]), NONE, line, depth + 1);
            rest = 2;
        } else if (root.equals("local") && parts.length > 1 && locals.containsKey(parts[1])) {
            base = value(locals.get(parts[1]), NONE, line, depth + 1);
            rest = 2;
        } else if (root.equals("each") && each.key() != null && parts.length > 1 && parts[1].equals("key")
                && parts.length == 2) {
            return new YamlNode.Scalar(each.key(), true, line, null);
        } else if (root.equals("each") && each.value() != null && parts.length > 1 && parts[1].equals("value")) {
            base = each.value();
            rest = 2;
        }
        if (base == null) {
            return new YamlNode.Scalar(ref, false, line, null);
        }
        for (int i = rest; i < parts.length; i++) {
            String part = parts[i];
            if (base instanceof YamlNode.Mapping m && m.get(part).isPresent()) {
                base = m.get(part).get();
            } else if (base instanceof YamlNode.Sequence s && part.matches("\\d+")
                    && Integer.parseInt(part) < s.items().size()) {
                base = s.items().get(Integer.parseInt(part));
            } else if (base instanceof YamlNode.Scalar sc && sc.tag() == null && !sc.quoted() && sc.value() != null) {
                // a local naming another object: local.schedule.id → pagerduty_schedule.primary.id
                return new YamlNode.Scalar(sc.value() + "." + String.join(".", List.of(parts).subList(i,
                        parts.length)), false, line, null);
            } else {
                return new YamlNode.Scalar(ref, false, line, null);
            }
        }
        return base instanceof YamlNode.Scalar sc ? new YamlNode.Scalar(sc.value(), sc.quoted(), line, sc.tag()) : base;
    }

    /** {@code a["k"][0]} → {@code a.k.0}: one spelling for every traversal. */
    static String normalise(String ref) {
        return NUMERIC_INDEX.matcher(INDEX.matcher(ref.replaceAll("\\s+", "")).replaceAll(".$1")).replaceAll(".$1");
    }

    private static YamlNode.Scalar unknown(int line) {
        return new YamlNode.Scalar(null, false, line, Nodes.UNKNOWN_TAG);
    }
}
