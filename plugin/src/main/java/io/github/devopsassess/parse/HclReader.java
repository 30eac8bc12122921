package io.github.devopsassess.parse;

import io.github.devopsassess.model.ParseProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.openrewrite.PrintOutputCapture;
import org.openrewrite.Tree;
import org.openrewrite.hcl.internal.HclParserVisitor;
import org.openrewrite.hcl.internal.HclPrinter;
import org.openrewrite.hcl.internal.grammar.HCLLexer;
import org.openrewrite.hcl.internal.grammar.HCLParser;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;
import org.openrewrite.hcl.tree.Label;
import org.openrewrite.hcl.tree.Space;

/**
 * Reads HCL2 (Terraform {@code *.tf}, {@code *.tfvars}, {@code terragrunt.hcl}) into {@link HclBody} trees whose
 * blocks, attributes and values know their line. Built on the grammar and syntax tree of OpenRewrite's
 * {@code rewrite-hcl}, used directly (lexer, parser, tree builder) so that nothing else of OpenRewrite runs: no
 * metrics, no round-trip diff, no logging. Never throws for bad input: a file that is not valid HCL becomes one
 * {@link ParseProblem} naming the file, the line of the first syntax error and the reason.
 */
public final class HclReader {

    /** Brackets nested deeper than this are refused before parsing: no Terraform needs them, a stack overflow would. */
    public static final int MAX_DEPTH = 100;

    private static final Pattern UNICODE_ESCAPE = Pattern.compile(
            "(?<!\\\\)((?:\\\\\\\\)*)\\\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))");
    private static final Pattern HEREDOC = Pattern.compile("<<-?([A-Za-z_][\\w-]*)[ \\t]*\\r?\\n");

    /**
     * @param body the file's content, empty when it could not be read
     * @param problem why it could not be read
     */
    public record Result(Optional<HclBody> body, Optional<ParseProblem> problem) {
    }

    /**
     * The {@code resource "<type>" "<name>"} blocks of a file; a file that does not parse gives its one problem to
     * {@code problems} and no blocks.
     */
    public List<HclBlock> resources(String path, String text, String type,
            java.util.function.Consumer<ParseProblem> problems) {
        Result result = read(path, text);
        result.problem().ifPresent(problems);
        if (result.body().isEmpty()) {
            return List.of();
        }
        return result.body().get().blocks("resource").stream()
                .filter(b -> type.equals(b.label(0).orElse(null))).toList();
    }

    /**
     * Reads one file; {@code path} only names the file in a problem. A {@code *.tf.json} is read as Terraform's JSON
     * syntax ({@link TerraformJson}) into the same tree.
     */
    public Result read(String path, String text) {
        if (path.endsWith(".tf.json")) {
            return readJson(path, text);
        }
        HclPreparation prepared = HclPreparation.of(unicodeEscapes(text.startsWith("\uFEFF") ? text.substring(1)
                : text));
        String source = prepared.text();
        int[] deep = tooDeep(source);
        if (deep != null) {
            return failed(path, deep[0], "brackets nested deeper than " + MAX_DEPTH + " levels; file not read");
        }
        Errors errors = new Errors();
        try {
            HCLLexer lexer = new HCLLexer(CharStreams.fromString(source));
            lexer.removeErrorListeners();
            lexer.addErrorListener(errors);
            HCLParser parser = new HCLParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.addErrorListener(errors);
            HCLParser.ConfigFileContext tree = parser.configFile();
            if (errors.line != null) {
                Opener open = unclosed(source);
                return open == null ? failed(path, errors.line, errors.reason)
                        : failed(path, open.line(), "'" + open.bracket() + "' opened here is never closed");
            }
            Hcl.ConfigFile file = (Hcl.ConfigFile) new HclParserVisitor(Path.of("file.hcl"), source,
                    StandardCharsets.UTF_8, false, null).visitConfigFile(tree);
            Positions positions = new Positions();
            PrintOutputCapture<Integer> printed = new PrintOutputCapture<>(0);
            positions.visit(file, printed);
            return new Result(Optional.of(new Converter(printed.out.toString(), positions.spans, prepared)
                    .body(file.getBody())), Optional.empty());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(path, errors.line, errors.reason != null ? errors.reason
                    : "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Resolves {@code \\u00e9} and {@code \\U0001F600} escapes before lexing: HCL allows them in strings, the grammar
     * does not. A quote, backslash, tab or line break becomes its short escape; lines do not change.
     */
    static String unicodeEscapes(String text) {
        if (!text.contains("\\u") && !text.contains("\\U")) {
            return text;
        }
        Matcher m = UNICODE_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            long code = Long.parseLong(m.group(2) != null ? m.group(2) : m.group(3), 16);
            int cp = (int) Math.min(code, Integer.MAX_VALUE);
            String replacement = switch (cp) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> code <= Character.MAX_CODE_POINT && !Character.isISOControl(cp)
                        && (cp < 0xD800 || cp > 0xDFFF) ? Character.toString(cp) : null;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)
                    + (replacement != null ? replacement : m.group().substring(m.group(1).length()))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Result readJson(String path, String text) {
        JsonReader.Result json = new JsonReader().read(path, text);
        if (json.problem().isPresent()) {
            return new Result(Optional.empty(), json.problem());
        }
        YamlNode root = json.document().orElseThrow();
        if (!(root instanceof YamlNode.Mapping m)) {
            return new Result(Optional.empty(), Optional.of(new ParseProblem(path, root.line(),
                    "malformed Terraform JSON: the file must be an object, not " + root.kind() + "; file not read")));
        }
        return new Result(Optional.of(TerraformJson.body(m)), Optional.empty());
    }

    private static Result failed(String path, Integer line, String reason) {
        return new Result(Optional.empty(), Optional.of(new ParseProblem(path, line, "malformed HCL: " + reason)));
    }

    /** The first syntax error of the lexer or the parser. */
    private static final class Errors extends BaseErrorListener {
        Integer line;
        String reason;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                RecognitionException e) {
            if (this.line == null) {
                this.line = line;
                this.reason = reason(msg) + " at column " + (column + 1);
            }
        }
    }

    /**
     * The parser's message without the text it quotes, which may be long or hold a secret: {@code no viable
     * alternative at input '[\n}'} becomes {@code unexpected input}.
     */
    static String reason(String msg) {
        String m = msg == null ? "syntax error" : msg.replace("'<EOF>'", "end of file");
        m = m.replaceAll("(?s)^no viable alternative at input .*", "unexpected input");
        m = m.replaceAll("(?s)^token recognition error at: .*", "unexpected character");
        m = m.replaceAll("(?s) expecting \\{.*", "");
        m = m.replaceAll("(?s)'[^']{20,}'", "'…'");
        m = m.replace("\r", "").replace("\n", "\\n");
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }

    /** An opening bracket and its line. */
    record Opener(char bracket, int line) {
    }

    /**
     * The innermost bracket that is never closed (which is where the brace is missing, unless a later one closes it
     * by mistake), skipping strings (with their interpolations), comments and
     * heredocs; {@code null} when every bracket is closed.
     */
    static Opener unclosed(String s) {
        Deque<Opener> stack = new ArrayDeque<>();
        int line = 1;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char top = stack.isEmpty() ? ' ' : stack.peek().bracket();
            if (c == '\n') {
                line++;
                if (top == '"') {
                    stack.pop(); // an unterminated string ends at its line
                }
            } else if (top == '"') {
                if (c == '\\') {
                    i++;
                } else if ((c == '$' || c == '%') && i + 1 < n && s.charAt(i + 1) == '{') {
                    stack.push(new Opener('$', line));
                    i++;
                } else if (c == '"') {
                    stack.pop();
                }
            } else if (c == '#' || c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i + 1 < n && s.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += (int) s.substring(i, end).chars().filter(x -> x == '\n').count();
                i = end - 1;
            } else if (c == '<' && s.startsWith("<<", i)) {
                Matcher m = HEREDOC.matcher(s).region(i, n);
                if (m.lookingAt()) {
                    Matcher close = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(m.group(1)) + "[ \\t]*$")
                            .matcher(s).region(m.end(), n);
                    int end = close.find() ? close.end() : n;
                    line += (int) s.substring(i, end).chars().filter(x -> x == '\n').count();
                    i = end - 1;
                }
            } else if (c == '"') {
                stack.push(new Opener('"', line));
            } else if (c == '{' || c == '[' || c == '(') {
                stack.push(new Opener(c, line));
            } else if (c == '}' && (top == '{' || top == '$') || c == ']' && top == '[' || c == ')' && top == '(') {
                stack.pop();
            }
        }
        return stack.stream().filter(o -> o.bracket() != '"' && o.bracket() != '$').findFirst().orElse(null);
    }

    /** {line, depth} where brackets outside strings and comments first nest deeper than the limit, else null. */
    static int[] tooDeep(String s) {
        int depth = 0;
        int line = 1;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                quoted = false;
            } else if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '#') {
                while (i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '[' || c == '{' || c == '(') {
                if (++depth > MAX_DEPTH) {
                    return new int[] {line, depth};
                }
            } else if (c == ']' || c == '}' || c == ')') {
                depth--;
            }
        }
        return null;
    }

    /**
     * Prints the tree (which gives back the source exactly) and records where each element starts, after its
     * leading blank space and comments, and where it ends.
     */
    private static final class Positions extends HclPrinter<Integer> {
        final Map<Tree, int[]> spans = new IdentityHashMap<>();

        @Override
        public Hcl visit(Tree tree, PrintOutputCapture<Integer> p) {
            if (!(tree instanceof Hcl h)) {
                return super.visit(tree, p);
            }
            int before = p.out.length();
            PrintOutputCapture<Integer> prefix = new PrintOutputCapture<>(0);
            visitSpace(h.getPrefix(), Space.Location.ATTRIBUTE, prefix);
            Hcl result = super.visit(tree, p);
            spans.put(tree, new int[] {Math.min(before + prefix.out.length(), p.out.length()), p.out.length()});
            return result;
        }
    }

    /** Turns OpenRewrite's syntax tree into ours. */
    private static final class Converter {
        private final String text;
        private final Map<Tree, int[]> spans;
        private final LineIndex lines;
        private final HclPreparation prepared;

        Converter(String text, Map<Tree, int[]> spans, HclPreparation prepared) {
            this.text = text;
            this.spans = spans;
            this.prepared = prepared;
            this.lines = LineIndex.of(text);
        }

        int line(Tree t) {
            int[] span = spans.get(t);
            if (span == null) {
                return 1;
            }
            return lines.lineAt(span[0]);
        }

        String source(Tree t) {
            int[] span = spans.get(t);
            return span == null ? "" : prepared.restore(text.substring(span[0], span[1]).strip());
        }

        HclBody body(List<BodyContent> contents) {
            List<HclAttribute> attributes = new ArrayList<>();
            List<HclBlock> blocks = new ArrayList<>();
            for (BodyContent c : contents) {
                if (c instanceof Hcl.Attribute a) {
                    attributes.add(new HclAttribute(key(a.getName()), line(a), value(a.getValue())));
                } else if (c instanceof Hcl.Block b) {
                    List<String> labels = new ArrayList<>();
                    for (Label l : b.getLabels()) {
                        labels.add(l instanceof Hcl.Identifier id ? id.getName() : key((Expression) l));
                    }
                    String type = b.getType() == null ? "" : b.getType().getName();
                    blocks.add(new HclBlock(type, labels, line(b), body(b.getBody())));
                }
            }
            return new HclBody(attributes, blocks);
        }

        /** A name, a plain string's text, else the source text. */
        String key(Expression e) {
            if (e instanceof Hcl.Identifier id) {
                return id.getName();
            }
            HclValue v = value(e);
            return v instanceof HclValue.Literal l && l.kind() == HclValue.Kind.STRING ? l.text() : v.source();
        }

        HclValue value(Expression e) {
            int line = line(e);
            String source = source(e);
            if (e instanceof Hcl.Literal l) {
                Object v = l.getValue();
                if (v == null) {
                    return new HclValue.Literal(HclValue.Kind.NULL, null, source, line);
                }
                if (v instanceof Boolean) {
                    return new HclValue.Literal(HclValue.Kind.BOOL, v.toString(), source, line);
                }
                if (v instanceof Number) {
                    return new HclValue.Literal(HclValue.Kind.NUMBER, l.getValueSource().strip(), source, line);
                }
                return new HclValue.Literal(HclValue.Kind.STRING, unescape(String.valueOf(v)), source, line);
            }
            if (e instanceof Hcl.QuotedTemplate q) {
                return template(q.getExpressions(), source, line, false);
            }
            if (e instanceof Hcl.HeredocTemplate h) {
                return template(h.getExpressions(), source, line, true);
            }
            if (e instanceof Hcl.Tuple t) {
                List<HclValue> items = new ArrayList<>();
                t.getValues().stream().filter(x -> !(x instanceof Hcl.Empty)).forEach(x -> items.add(value(x)));
                return new HclValue.ListValue(items, source, line);
            }
            if (e instanceof Hcl.ObjectValue o) {
                List<HclValue.Entry> entries = new ArrayList<>();
                for (Expression x : o.getAttributes()) {
                    if (x instanceof Hcl.Attribute a) {
                        Expression name = a.getName();
                        boolean literal = name instanceof Hcl.Identifier
                                || value(name) instanceof HclValue.Literal l && l.kind() == HclValue.Kind.STRING;
                        entries.add(new HclValue.Entry(key(name), literal, line(a), value(a.getValue())));
                    }
                }
                return new HclValue.ObjectValue(entries, source, line);
            }
            if (e instanceof Hcl.FunctionCall f) {
                List<HclValue> args = new ArrayList<>();
                f.getVariables().stream().filter(x -> !(x instanceof Hcl.Empty)).forEach(x -> args.add(value(x)));
                return new HclValue.Call(f.getName().getName(), args, source, line);
            }
            if (e instanceof Hcl.Unary u && u.getOperator() == Hcl.Unary.Type.Negative
                    && value(u.getExpression()) instanceof HclValue.Literal l && l.kind() == HclValue.Kind.NUMBER) {
                return new HclValue.Literal(HclValue.Kind.NUMBER, "-" + l.text(), source, line);
            }
            return new HclValue.Expression(source, line);
        }

        private HclValue template(List<Expression> parts, String source, int line, boolean heredoc) {
            boolean literal = parts.stream().allMatch(p -> p instanceof Hcl.Literal);
            if (literal) {
                String content;
                if (heredoc) {
                    content = heredocContent(source);
                } else {
                    StringBuilder sb = new StringBuilder();
                    parts.forEach(p -> sb.append(((Hcl.Literal) p).getValueSource()));
                    content = unescape(sb.toString());
                }
                return new HclValue.Literal(HclValue.Kind.STRING, content, source, line);
            }
            List<HclValue> values = new ArrayList<>();
            for (Expression p : parts) {
                if (p instanceof Hcl.Literal l) {
                    String raw = l.getValueSource();
                    values.add(new HclValue.Literal(HclValue.Kind.STRING, heredoc ? raw : unescape(raw), raw,
                            line(p)));
                } else if (p instanceof Hcl.TemplateInterpolation i) {
                    values.add(value(i.getExpression()));
                } else {
                    values.add(new HclValue.Expression(source(p), line(p)));
                }
            }
            return new HclValue.Template(values, source, line);
        }
    }

    /** The lines between a heredoc's opening line and its closing marker; {@code <<-} removes their common indent. */
    static String heredocContent(String source) {
        int first = source.indexOf('\n');
        int last = source.lastIndexOf('\n');
        if (first < 0 || last <= first) {
            return "";
        }
        String[] lines = source.substring(first + 1, last).split("\n", -1);
        if (source.startsWith("<<-")) {
            int indent = Integer.MAX_VALUE;
            for (String l : lines) {
                if (!l.isBlank()) {
                    indent = Math.min(indent, l.length() - l.stripLeading().length());
                }
            }
            for (int i = 0; i < lines.length; i++) {
                lines[i] = lines[i].length() >= indent && indent != Integer.MAX_VALUE ? lines[i].substring(indent)
                        : lines[i].strip();
            }
        }
        return (String.join("\n", lines) + "\n").replace("$${", "${").replace("%%{", "%{");
    }

    /** Resolves the escapes of a quoted HCL string. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u', 'U' -> {
                        int len = n == 'u' ? 4 : 8;
                        if (i + len < s.length()
                                && s.substring(i + 1, i + 1 + len).matches("[0-9A-Fa-f]{" + len + "}")) {
                            out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 1 + len), 16));
                            i += len;
                        } else {
                            out.append('\\').append(n);
                        }
                    }
                    default -> out.append(n);
                }
            } else if ((c == '$' || c == '%') && s.startsWith(c + "" + c + "{", i)) {
                out.append(c).append('{');
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
