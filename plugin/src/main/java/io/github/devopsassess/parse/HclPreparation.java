package io.github.devopsassess.parse;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the few valid HCL2 constructs that the rewrite-hcl grammar does not accept into ones it does, keeping every
 * line where it was, and restores them in the source text the reader hands out:
 * <ul>
 * <li>template directives {@code %{ if … }}, {@code %{ for … }}, {@code %{ endif }} in strings and heredocs become
 * an interpolation of a placeholder name, so the value is a template (never a literal) and its source text shows the
 * directive again;</li>
 * <li>numbers with an exponent ({@code 1e3}) become the same number written out ({@code 1000}).</li>
 * </ul>
 */
final class HclPreparation {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{__hcl_directive_(\\d+)__\\s*}");
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("__hcl_directive_(\\d+)__");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern HEREDOC = Pattern.compile("<<-?([A-Za-z_][\\w-]*)[ \\t]*\\r?\\n");

    private final String text;
    private final List<String> directives = new ArrayList<>();

    private HclPreparation(String text) {
        this.text = text;
    }

    /** The text as the grammar can read it, and what was replaced. */
    static HclPreparation of(String original) {
        if (!original.contains("%{") && !NUMBER.matcher(original).find()) {
            return new HclPreparation(original);
        }
        List<String> directives = new ArrayList<>();
        String prepared = rewrite(original, directives);
        HclPreparation p = new HclPreparation(prepared);
        p.directives.addAll(directives);
        return p;
    }

    String text() {
        return text;
    }

    /** Source text with the directives written back. */
    String restore(String source) {
        if (directives.isEmpty() || !source.contains("__hcl_directive_")) {
            return source;
        }
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(directive(m.group(1))));
        }
        m.appendTail(out);
        Matcher bare = PLACEHOLDER_NAME.matcher(out.toString());
        return bare.matches() ? directive(bare.group(1)) : out.toString();
    }

    private String directive(String index) {
        int i = Integer.parseInt(index);
        return i < directives.size() ? directives.get(i) : "";
    }

    /** Modes of the walk. */
    private enum Mode { CODE, BRACE, STRING, INTERPOLATION, HEREDOC }

    private static String rewrite(String s, List<String> directives) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        Deque<Mode> stack = new ArrayDeque<>();
        Deque<String> heredocEnds = new ArrayDeque<>();
        stack.push(Mode.CODE);
        int n = s.length();
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char c = s.charAt(i);
            Mode mode = stack.peek();
            if (mode == Mode.HEREDOC && lineStart) {
                int eol = s.indexOf('\n', i);
                String line = s.substring(i, eol < 0 ? n : eol);
                if (line.strip().equals(heredocEnds.peek())) {
                    stack.pop();
                    heredocEnds.pop();
                    out.append(line);
                    i += line.length();
                    lineStart = false;
                    continue;
                }
            }
            lineStart = c == '\n';
            if (mode == Mode.STRING || mode == Mode.HEREDOC) {
                if (mode == Mode.STRING && c == '\\' && i + 1 < n) {
                    out.append(c).append(s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if ((c == '$' || c == '%') && s.startsWith(c + "" + c + "{", i)) {
                    out.append(s, i, i + 3);
                    i += 3;
                    continue;
                }
                if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
                    stack.push(Mode.INTERPOLATION);
                    out.append("${");
                    i += 2;
                    continue;
                }
                if (c == '%' && i + 1 < n && s.charAt(i + 1) == '{') {
                    int end = directiveEnd(s, i + 2);
                    String directive = s.substring(i, end);
                    out.append("${__hcl_directive_").append(directives.size()).append("__")
                            .append("\n".repeat((int) directive.chars().filter(x -> x == '\n').count())).append('}');
                    directives.add(directive);
                    lineStart = false;
                    i = end;
                    continue;
                }
                if (mode == Mode.STRING && (c == '"' || c == '\n')) {
                    stack.pop();
                }
                out.append(c);
                i++;
                continue;
            }
            // code, a brace or an interpolation
            if (c == '"') {
                stack.push(Mode.STRING);
            } else if (c == '#' || c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int eol = s.indexOf('\n', i);
                eol = eol < 0 ? n : eol;
                out.append(s, i, eol);
                i = eol;
                continue;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(s, i, end);
                i = end;
                continue;
            } else if (c == '<' && s.startsWith("<<", i)) {
                Matcher h = HEREDOC.matcher(s).region(i, n);
                if (h.lookingAt()) {
                    stack.push(Mode.HEREDOC);
                    heredocEnds.push(h.group(1));
                    out.append(h.group());
                    i = h.end();
                    lineStart = true;
                    continue;
                }
            } else if (c == '{') {
                stack.push(Mode.BRACE);
            } else if (c == '}' && stack.size() > 1) {
                stack.pop();
            } else if (Character.isDigit(c) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))
                    && s.charAt(i - 1) != '_' && s.charAt(i - 1) != '.')) {
                Matcher num = NUMBER.matcher(s).region(i, n);
                if (num.lookingAt() && (num.end() == n || !Character.isLetterOrDigit(s.charAt(num.end())))) {
                    out.append(new BigDecimal(num.group()).toPlainString());
                    i = num.end();
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The index after the {@code }} that closes a directive, skipping quoted strings and nested braces. */
    private static int directiveEnd(String s, int from) {
        int depth = 1;
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }
}
