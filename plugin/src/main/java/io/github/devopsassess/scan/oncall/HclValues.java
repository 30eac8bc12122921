package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns hcl4j's evaluated maps into {@link YamlNode}s that carry the lines {@link HclOutline} found, so that the
 * vendor mappers read Terraform exactly like JSON and YAML. Values hcl4j evaluates wrongly are marked unknown
 * instead: a {@code for} expression (hcl4j yields an empty list) and a variable without default (hcl4j yields null).
 */
final class HclValues {

    private static final Pattern FOR_EXPRESSION = Pattern.compile("[\\[{]\\s*for\\s");
    private static final Pattern EACH_VALUE = Pattern.compile("each\\.value((?:\\.[A-Za-z_][\\w-]*)*)");

    private HclValues() {
    }

    static YamlNode.Mapping body(Map<?, ?> map, HclOutline.Block block) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            List<HclOutline.Block> kids = block.children(key);
            Object v = e.getValue();
            if (!kids.isEmpty() && v instanceof Map<?, ?> one) {
                entries.put(key, body(one, kids.get(0)));
                lines.put(key, kids.get(0).line());
            } else if (!kids.isEmpty() && v instanceof List<?> many && many.stream().allMatch(i -> i instanceof Map)) {
                List<YamlNode> items = new ArrayList<>();
                for (int i = 0; i < many.size(); i++) {
                    items.add(body((Map<?, ?>) many.get(i), kids.get(Math.min(i, kids.size() - 1))));
                }
                entries.put(key, new YamlNode.Sequence(items, kids.get(0).line(), null));
                lines.put(key, kids.get(0).line());
            } else {
                int line = block.lineOf(key);
                entries.put(key, value(v, line, block.attributeText().get(key)));
                lines.put(key, line);
            }
        }
        if (!block.children("dynamic").isEmpty()) {
            entries.put("dynamic", new YamlNode.Scalar("true", false, block.children("dynamic").get(0).line(), null));
        }
        return new YamlNode.Mapping(entries, lines, block.line(), null);
    }

    static YamlNode value(Object v, int line, String raw) {
        if (raw != null && FOR_EXPRESSION.matcher(raw).find()) {
            return new YamlNode.Scalar(null, false, line, Nodes.UNKNOWN_TAG);
        }
        if (v == null) {
            // hcl4j turns the string "null" into null; the PagerDuty provider reads "null" as "disabled"
            if (raw != null && raw.trim().equals("\"null\"")) {
                return new YamlNode.Scalar("null", true, line, null);
            }
            return new YamlNode.Scalar(null, false, line, Nodes.UNKNOWN_TAG);
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            String text = d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
            return new YamlNode.Scalar(text, false, line, null);
        }
        if (v instanceof Boolean b) {
            return new YamlNode.Scalar(b.toString(), false, line, null);
        }
        if (v instanceof List<?> list) {
            List<YamlNode> items = new ArrayList<>();
            list.forEach(i -> items.add(value(i, line, null)));
            return new YamlNode.Sequence(items, line, null);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            map.forEach((k, x) -> {
                entries.put(String.valueOf(k), value(x, line, null));
                lines.put(String.valueOf(k), line);
            });
            return new YamlNode.Mapping(entries, lines, line, null);
        }
        return new YamlNode.Scalar(String.valueOf(v), true, line, null);
    }

    /**
     * Replaces {@code each.key} and {@code each.value…} in a resource body evaluated by hcl4j (which leaves them as
     * text, also inside interpolations) with one instance's key and value.
     */
    static Object substitute(Object v, String key, Object value) {
        if (v != null && !(v instanceof Map) && !(v instanceof List) && !(v instanceof Number)
                && !(v instanceof Boolean)) {
            // hcl4j leaves an unresolved reference as a VariableTree whose text is the reference
            String s = v.toString();
            if (s.equals("each.key")) {
                return key;
            }
            Matcher whole = EACH_VALUE.matcher(s);
            if (whole.matches()) {
                return navigate(value, whole.group(1));
            }
            String out = s.replace("each.key", key);
            Matcher m = EACH_VALUE.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                Object x = navigate(value, m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(x == null || x instanceof Map || x instanceof List
                        ? m.group() : String.valueOf(x)));
            }
            m.appendTail(sb);
            return sb.toString();
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(i -> out.add(substitute(i, key, value)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k, substitute(x, key, value)));
            return out;
        }
        return v;
    }

    private static Object navigate(Object value, String path) {
        Object cur = value;
        if (path.isEmpty()) {
            return cur;
        }
        for (String part : path.substring(1).split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }
}
