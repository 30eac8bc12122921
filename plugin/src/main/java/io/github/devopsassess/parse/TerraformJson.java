package io.github.devopsassess.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's JSON syntax ({@code *.tf.json}) as the same {@link HclBody} that {@link HclReader} makes of a
 * {@code *.tf}, so that every reader of Terraform reads both:
 * <pre>
 * {"resource": {"aws_s3_bucket": {"logs": {"bucket": "x"}}},
 *  "module": {"vpc": {"source": "terraform-aws-modules/vpc/aws", "version": "5.1.0"}},
 *  "provider": {"aws": [{"region": "eu-west-2"}, {"alias": "us", "region": "us-east-1"}]},
 *  "terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": "~&gt; 5.0"}}}}
 * </pre>
 * The top-level block types take their labels from the nesting of objects ({@code resource} and {@code data} two,
 * {@code module}, {@code provider}, {@code variable}, {@code output} one); an array of objects is that block repeated.
 * Inside a block, JSON cannot say whether {@code "lifecycle": {…}} is a nested block or {@code "tags": {…}} a map
 * argument (Terraform decides by the provider's schema, which is not here): an object is therefore both an attribute
 * (its map value) and a nested block, and an array of objects both a list attribute and repeated blocks. A string
 * is a template: {@code "${var.x}"} alone is the expression {@code var.x}, a string with other interpolations a
 * template; a property named {@code "//"} is a comment.
 */
public final class TerraformJson {

    private static final Map<String, Integer> LABELS = Map.of("resource", 2, "data", 2, "module", 1, "provider", 1,
            "variable", 1, "output", 1, "ephemeral", 2, "check", 1, "removed", 0, "import", 0);
    private static final Set<String> NO_LABEL = Set.of("terraform", "locals", "moved", "import", "removed");
    private static final String COMMENT = "//";

    private TerraformJson() {
    }

    /** The body of a {@code *.tf.json} whose root is an object. */
    static HclBody body(YamlNode.Mapping root) {
        List<HclAttribute> attributes = new ArrayList<>();
        List<HclBlock> blocks = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
            String type = e.getKey();
            if (type.equals(COMMENT)) {
                continue;
            }
            int labels = LABELS.getOrDefault(type, NO_LABEL.contains(type) ? 0 : -1);
            if (labels < 0) {
                attributes.add(new HclAttribute(type, root.lineOf(type), value(e.getValue())));
                continue;
            }
            labelled(type, List.of(), labels, root.lineOf(type), e.getValue(), blocks);
        }
        return new HclBody(attributes, blocks);
    }

    /** Objects nested {@code remaining} deep carry the labels; below them, the block's body (or an array of them). */
    private static void labelled(String type, List<String> labels, int remaining, int line, YamlNode node,
            List<HclBlock> out) {
        if (remaining == 0) {
            if (node instanceof YamlNode.Sequence s) {
                for (YamlNode item : s.items()) {
                    item.asMapping().ifPresent(m -> out.add(new HclBlock(type, labels, m.line(), blockBody(m))));
                }
            } else {
                node.asMapping().ifPresent(m -> out.add(new HclBlock(type, labels, line, blockBody(m))));
            }
            return;
        }
        if (node instanceof YamlNode.Sequence s) {
            for (YamlNode item : s.items()) {
                labelled(type, labels, remaining, item.line(), item, out);
            }
            return;
        }
        node.asMapping().ifPresent(m -> m.entries().forEach((label, inner) -> {
            if (!label.equals(COMMENT)) {
                List<String> more = new ArrayList<>(labels);
                more.add(label);
                labelled(type, more, remaining - 1, m.lineOf(label), inner, out);
            }
        }));
    }

    private static HclBody blockBody(YamlNode.Mapping m) {
        List<HclAttribute> attributes = new ArrayList<>();
        List<HclBlock> blocks = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            String name = e.getKey();
            if (name.equals(COMMENT)) {
                continue;
            }
            int line = m.lineOf(name);
            YamlNode v = e.getValue();
            attributes.add(new HclAttribute(name, line, value(v)));
            if (v instanceof YamlNode.Mapping inner) {
                blocks.add(new HclBlock(name, List.of(), line, blockBody(inner)));
            } else if (v instanceof YamlNode.Sequence s && !s.items().isEmpty()
                    && s.items().stream().allMatch(i -> i instanceof YamlNode.Mapping)) {
                for (YamlNode item : s.items()) {
                    blocks.add(new HclBlock(name, List.of(), item.line(), blockBody((YamlNode.Mapping) item)));
                }
            }
        }
        return new HclBody(attributes, blocks);
    }

    /** A JSON value as the HCL value it stands for. */
    public static HclValue value(YamlNode node) {
        int line = node.line();
        if (node instanceof YamlNode.Mapping m) {
            List<HclValue.Entry> entries = new ArrayList<>();
            m.entries().forEach((k, v) -> entries.add(new HclValue.Entry(k, true, m.lineOf(k), value(v))));
            return new HclValue.ObjectValue(entries, json(node), line);
        }
        if (node instanceof YamlNode.Sequence s) {
            return new HclValue.ListValue(s.items().stream().map(TerraformJson::value).toList(), json(node), line);
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        String text = scalar.value();
        if (text == null) {
            return new HclValue.Literal(HclValue.Kind.NULL, null, "null", line);
        }
        if (!scalar.quoted()) {
            HclValue.Kind kind = text.equals("true") || text.equals("false") ? HclValue.Kind.BOOL : HclValue.Kind.NUMBER;
            return new HclValue.Literal(kind, text, text, line);
        }
        String quoted = quote(text);
        if (text.startsWith("${") && text.endsWith("}") && text.indexOf("${", 2) < 0) {
            return new HclValue.Expression(text.substring(2, text.length() - 1).strip(), line);
        }
        if (text.contains("${") || text.contains("%{")) {
            return new HclValue.Template(List.of(new HclValue.Literal(HclValue.Kind.STRING, text, quoted, line)),
                    quoted, line);
        }
        return new HclValue.Literal(HclValue.Kind.STRING, text, quoted, line);
    }

    /** A value as compact JSON text, its source in one spelling. */
    static String json(YamlNode node) {
        if (node instanceof YamlNode.Mapping m) {
            List<String> parts = new ArrayList<>();
            m.entries().forEach((k, v) -> parts.add(quote(k) + ": " + json(v)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (node instanceof YamlNode.Sequence s) {
            return "[" + String.join(", ", s.items().stream().map(TerraformJson::json).toList()) + "]";
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        return scalar.value() == null ? "null" : scalar.quoted() ? quote(scalar.value()) : scalar.value();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
