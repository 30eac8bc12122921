package io.github.devopsassess.scan.oncall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block structure of an HCL file with line numbers. hcl4j returns plain maps without positions, so this small
 * scanner walks the source text (skipping strings, comments and heredocs) to find where each block and attribute
 * stands, and to keep the raw text of attributes whose value hcl4j evaluates lossily (a quoted {@code "null"}, a
 * {@code for} expression). It also reports unbalanced braces, which hcl4j accepts silently.
 */
final class HclOutline {

    /**
     * One block.
     *
     * @param type block type ({@code resource}, {@code layer})
     * @param labels block labels
     * @param line 1-based line of the header
     * @param children nested blocks in order
     * @param attributeLines line of each attribute
     * @param attributeText raw value text of each attribute
     */
    record Block(String type, List<String> labels, int line, List<Block> children, Map<String, Integer> attributeLines,
            Map<String, String> attributeText) {

        List<Block> children(String childType) {
            return children.stream().filter(b -> b.type.equals(childType)).toList();
        }

        int lineOf(String attribute) {
            return attributeLines.getOrDefault(attribute, line);
        }
    }

    /**
     * @param top top-level blocks
     * @param unbalancedLine line of an unclosed or extra brace, or {@code null}
     */
    record Result(List<Block> top, Integer unbalancedLine, String unbalancedMessage) {
    }

    private static final Pattern HEADER = Pattern.compile("^\\s*([A-Za-z_][\\w-]*)((?:\\s+(?:\"[^\"]*\"|[A-Za-z_][\\w-]*))*)\\s*$");
    private static final Pattern LABEL = Pattern.compile("\"([^\"]*)\"|([A-Za-z_][\\w-]*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*([A-Za-z_][\\w-]*)\\s*=(?!=)");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*([A-Za-z_]\\w*)");

    private HclOutline() {
    }

    /** Mutable frame while scanning. */
    private static final class Frame {
        final String type;
        final List<String> labels;
        final int line;
        final boolean block;
        final List<Block> children = new ArrayList<>();
        final Map<String, Integer> attributeLines = new LinkedHashMap<>();
        final Map<String, String> attributeText = new LinkedHashMap<>();
        String pendingAttribute;
        int pendingStart;

        Frame(String type, List<String> labels, int line, boolean block) {
            this.type = type;
            this.labels = labels;
            this.line = line;
            this.block = block;
        }

        Block toBlock() {
            return new Block(type, labels, line, List.copyOf(children), attributeLines, attributeText);
        }
    }

    static Result read(String text) {
        List<Frame> stack = new ArrayList<>();
        Frame root = new Frame("", List.of(), 1, true);
        stack.add(root);
        int line = 1;
        int lineStart = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                Frame f = stack.get(stack.size() - 1);
                closeAttribute(f, text, i, stack.size());
                line++;
                lineStart = i + 1;
                i++;
                continue;
            }
            if (c == '#' || (c == '/' && i + 1 < n && text.charAt(i + 1) == '/')) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(text, i, end);
                i = end;
                continue;
            }
            if (c == '"') {
                int end = skipString(text, i + 1);
                line += count(text, i, end);
                i = end;
                continue;
            }
            if (c == '<' && text.startsWith("<<", i)) {
                Matcher m = HEREDOC.matcher(text).region(i, n);
                if (m.lookingAt()) {
                    Pattern close = Pattern.compile("(?m)^\\s*" + Pattern.quote(m.group(1)) + "\\s*$");
                    Matcher cm = close.matcher(text).region(m.end(), n);
                    int end = cm.find() ? cm.end() : n;
                    line += count(text, i, end);
                    i = end;
                    continue;
                }
            }
            Frame top = stack.get(stack.size() - 1);
            if (top.block && top.pendingAttribute == null && atLineStartOrAfterBrace(text, lineStart, i)) {
                Matcher am = ATTRIBUTE.matcher(text).region(i, n);
                String before = text.substring(lineStart, i);
                if (before.isBlank() && am.lookingAt() && !am.group(1).isEmpty()) {
                    top.pendingAttribute = am.group(1);
                    top.pendingStart = am.end();
                    top.attributeLines.put(am.group(1), line);
                    i = am.end();
                    continue;
                }
            }
            if (c == '{' || c == '[' || c == '(') {
                String head = text.substring(lineStart, i);
                Matcher hm = HEADER.matcher(head);
                boolean block = c == '{' && top.block && top.pendingAttribute == null && hm.matches();
                if (block) {
                    List<String> labels = new ArrayList<>();
                    Matcher lm = LABEL.matcher(hm.group(2));
                    while (lm.find()) {
                        labels.add(lm.group(1) != null ? lm.group(1) : lm.group(2));
                    }
                    stack.add(new Frame(hm.group(1), labels, line, true));
                } else {
                    stack.add(new Frame(String.valueOf(c), List.of(), line, false));
                }
                i++;
                continue;
            }
            if (c == '}' || c == ']' || c == ')') {
                if (stack.size() == 1) {
                    return new Result(blocks(root), line, "unexpected '" + c + "' with no open block");
                }
                Frame closed = stack.remove(stack.size() - 1);
                Frame parent = stack.get(stack.size() - 1);
                if (closed.block) {
                    closeAttribute(closed, text, i, stack.size() + 1);
                    parent.children.add(closed.toBlock());
                }
                i++;
                continue;
            }
            i++;
        }
        closeAttribute(stack.get(stack.size() - 1), text, n, stack.size());
        if (stack.size() > 1) {
            Frame open = stack.get(stack.size() - 1);
            String what = open.block ? "block '" + open.type + "'" : "'" + open.type + "'";
            while (stack.size() > 1) {
                Frame f = stack.remove(stack.size() - 1);
                if (f.block) {
                    stack.get(stack.size() - 1).children.add(f.toBlock());
                }
            }
            return new Result(blocks(root), open.line, what + " opened here is never closed");
        }
        return new Result(blocks(root), null, null);
    }

    private static List<Block> blocks(Frame root) {
        return List.copyOf(root.children);
    }

    /** An attribute ends at the first newline where no bracket it opened is still open. */
    private static void closeAttribute(Frame f, String text, int at, int depth) {
        if (f.pendingAttribute != null) {
            f.attributeText.put(f.pendingAttribute, text.substring(f.pendingStart, at).trim());
            f.pendingAttribute = null;
        }
    }

    private static boolean atLineStartOrAfterBrace(String text, int lineStart, int i) {
        return text.substring(lineStart, i).isBlank();
    }

    private static int skipString(String text, int i) {
        int n = text.length();
        int interpolation = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '$' && i + 1 < n && text.charAt(i + 1) == '{') {
                interpolation++;
                i += 2;
                continue;
            }
            if (c == '}' && interpolation > 0) {
                interpolation--;
            } else if (c == '"' && interpolation == 0) {
                return i + 1;
            } else if (c == '\n' && interpolation == 0) {
                return i; // an unterminated string ends at the line end, as hcl4j reports it
            }
            i++;
        }
        return n;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int k = from; k < Math.min(to, text.length()); k++) {
            if (text.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
