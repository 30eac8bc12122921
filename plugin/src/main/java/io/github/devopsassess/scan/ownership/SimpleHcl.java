package io.github.devopsassess.scan.ownership;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small reader of Terraform HCL: blocks with labels and {@code key = value} attributes, each with its
 * line. Expressions are kept as text; strings lose their quotes and lists become their items. That is all the
 * access checks need, and it keeps line numbers, which a full HCL library does not give.
 */
public final class SimpleHcl {

    /** An attribute value as text, with its line. */
    public record Attribute(String value, int line) {
        /** A string value without quotes, or the expression as written. */
        public String text() {
            String v = value.trim();
            return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }

        public List<String> items() {
            String v = value.trim();
            if (!v.startsWith("[")) {
                return List.of(text());
            }
            List<String> out = new ArrayList<>();
            for (String part : v.substring(1, v.endsWith("]") ? v.length() - 1 : v.length()).split(",")) {
                String p = part.trim();
                if (!p.isEmpty()) {
                    out.add(new Attribute(p, line).text());
                }
            }
            return out;
        }
    }

    /** A block such as {@code resource "github_branch_protection" "main" { … }}. */
    public record Block(String type, List<String> labels, int line, Map<String, Attribute> attributes,
            List<Block> blocks) {
        public Optional<Attribute> attribute(String name) {
            return Optional.ofNullable(attributes.get(name));
        }

        public Optional<Block> block(String name) {
            return blocks.stream().filter(b -> b.type().equals(name)).findFirst();
        }

        public Optional<Boolean> bool(String name) {
            return attribute(name).map(Attribute::text).filter(t -> t.equals("true") || t.equals("false"))
                    .map(Boolean::parseBoolean);
        }

        public Optional<Integer> integer(String name) {
            return attribute(name).map(Attribute::text).filter(t -> t.matches("\\d+")).map(Integer::parseInt);
        }
    }

    /** @param blocks top-level blocks; @param problemLine line of the first structural error, or {@code null} */
    public record Result(List<Block> blocks, Integer problemLine, String problem) {
    }

    private static final Pattern BLOCK = Pattern.compile("^([A-Za-z_][\\w-]*)((?:\\s+\"[^\"]*\"|\\s+[A-Za-z_][\\w-]*)*)"
            + "\\s*\\{\\s*(.*)$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*=\\s*(.*)$");
    private static final Pattern LABEL = Pattern.compile("\"([^\"]*)\"|([A-Za-z_][\\w-]*)");

    /** Mutable while reading. */
    private static final class Open {
        final String type;
        final List<String> labels;
        final int line;
        final Map<String, Attribute> attributes = new LinkedHashMap<>();
        final List<Block> blocks = new ArrayList<>();

        Open(String type, List<String> labels, int line) {
            this.type = type;
            this.labels = labels;
            this.line = line;
        }

        Block close() {
            return new Block(type, List.copyOf(labels), line, Map.copyOf(attributes), List.copyOf(blocks));
        }
    }

    public Result read(String text) {
        String[] lines = stripComments(text).split("\\R", -1);
        Deque<Open> stack = new ArrayDeque<>();
        Open root = new Open("", List.of(), 0);
        stack.push(root);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            int lineNo = i + 1;
            while (!line.isEmpty()) {
                if (line.startsWith("}")) {
                    if (stack.size() == 1) {
                        return new Result(root.blocks, lineNo, "unexpected '}'");
                    }
                    Block b = stack.pop().close();
                    stack.peek().blocks.add(b);
                    line = line.substring(1).trim();
                    continue;
                }
                Matcher a = ATTRIBUTE.matcher(line);
                if (a.matches()) {
                    StringBuilder value = new StringBuilder(a.group(2).trim());
                    int start = lineNo;
                    if (value.toString().startsWith("<<")) {
                        String marker = value.substring(value.charAt(2) == '-' ? 3 : 2).trim();
                        while (i + 1 < lines.length && !lines[i + 1].trim().equals(marker)) {
                            i++;
                        }
                        i++;
                    } else {
                        while (depth(value) > 0 && i + 1 < lines.length) {
                            value.append(' ').append(lines[++i].trim());
                        }
                    }
                    String v = value.toString();
                    // a one-line block "x { a = 1 }" ends with the closing brace of its block
                    if (stack.size() > 1 && depth(v) < 0 && v.endsWith("}")) {
                        stack.peek().attributes.put(a.group(1), new Attribute(v.substring(0, v.length() - 1), start));
                        line = "}";
                        continue;
                    }
                    stack.peek().attributes.put(a.group(1), new Attribute(v, start));
                    break;
                }
                Matcher b = BLOCK.matcher(line);
                if (b.matches()) {
                    List<String> labels = new ArrayList<>();
                    Matcher l = LABEL.matcher(b.group(2));
                    while (l.find()) {
                        labels.add(l.group(1) != null ? l.group(1) : l.group(2));
                    }
                    stack.push(new Open(b.group(1), labels, lineNo));
                    line = b.group(3).trim();
                    continue;
                }
                break; // anything else (expressions spanning lines) carries no attribute we read
            }
        }
        if (stack.size() > 1) {
            return new Result(root.blocks, stack.peek().line, "block '" + stack.peek().type + "' is never closed");
        }
        return new Result(root.blocks, null, null);
    }

    private static int depth(CharSequence s) {
        int d = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '{' || c == '(')) {
                d++;
            } else if (!quoted && (c == ']' || c == '}' || c == ')')) {
                d--;
            }
        }
        return d;
    }

    /** Removes #, // and block comments outside strings, keeping line breaks so that lines stay right. */
    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"' || c == '\n') {
                    quoted = false; // strings never span lines; an odd quote must not swallow the file
                }
            } else if (c == '"') {
                quoted = true;
                out.append(c);
            } else if (c == '#' || c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                if (i < text.length()) {
                    out.append('\n');
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                i += 2;
                while (i + 1 < text.length() && !(text.charAt(i) == '*' && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') {
                        out.append('\n');
                    }
                    i++;
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
