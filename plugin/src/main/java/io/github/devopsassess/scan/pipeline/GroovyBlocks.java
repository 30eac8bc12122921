package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.parse.LineIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * A tolerant reader of the block structure of a Groovy pipeline: {@code header { statements and blocks }}. It knows
 * strings, comments, parentheses and closures well enough for declarative Jenkinsfiles, and never throws: unbalanced
 * input simply ends the innermost block.
 */
final class GroovyBlocks {

    /** A statement at block level, with the line it starts on. */
    record Statement(String text, int line) {
    }

    /** A block: its header ({@code stage('Build')}), line, statements and nested blocks in order. */
    static final class Block {
        final String header;
        final int line;
        final List<Block> children = new ArrayList<>();
        final List<Statement> statements = new ArrayList<>();

        Block(String header, int line) {
            this.header = header;
            this.line = line;
        }

        /** The first child whose header is exactly the word or starts with {@code word(} / {@code word }. */
        Block child(String word) {
            return children.stream().filter(c -> c.is(word)).findFirst().orElse(null);
        }

        boolean is(String word) {
            return header.equals(word) || header.startsWith(word + "(") || header.startsWith(word + " ");
        }
    }

    private final String s;
    private final LineIndex lines;
    private int pos;

    private GroovyBlocks(String text) {
        this.s = text;
        this.lines = LineIndex.of(text);
    }

    static Block parse(String text) {
        GroovyBlocks p = new GroovyBlocks(text);
        Block root = new Block("", 1);
        p.body(root, 0);
        return root;
    }

    private int lineAt(int offset) {
        return lines.lineAt(offset);
    }

    private void body(Block block, int depth) {
        StringBuilder cur = new StringBuilder();
        int curStart = -1;
        int paren = 0;
        int inner = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            char next = pos + 1 < s.length() ? s.charAt(pos + 1) : 0;
            if (c == '/' && next == '/') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            if (c == '/' && next == '*') {
                int end = s.indexOf("*/", pos + 2);
                pos = end < 0 ? s.length() : end + 2;
                continue;
            }
            if (c == '\'' || c == '"') {
                if (curStart < 0) {
                    curStart = pos;
                }
                int end = stringEnd(pos);
                cur.append(s, pos, end);
                pos = end;
                continue;
            }
            if (c == '(' || c == '[') {
                paren++;
            } else if ((c == ')' || c == ']') && paren > 0) {
                paren--;
            }
            if (c == '{' && paren == 0 && inner == 0 && depth < 200) {
                String header = cur.toString().trim();
                int line = lineAt(curStart < 0 ? pos : curStart);
                pos++;
                Block child = new Block(header, line);
                body(child, depth + 1);
                block.children.add(child);
                cur.setLength(0);
                curStart = -1;
                continue;
            }
            if (c == '{') {
                inner++;
            } else if (c == '}' && inner > 0) {
                inner--;
            } else if (c == '}') {
                flush(block, cur, curStart);
                pos++;
                return;
            }
            if ((c == '\n' || c == ';') && paren == 0 && inner == 0) {
                flush(block, cur, curStart);
                cur.setLength(0);
                curStart = -1;
                pos++;
                continue;
            }
            if (curStart < 0 && !Character.isWhitespace(c)) {
                curStart = pos;
            }
            cur.append(c == '\n' ? ' ' : c);
            pos++;
        }
        flush(block, cur, curStart);
    }

    private void flush(Block block, StringBuilder cur, int start) {
        String text = cur.toString().trim();
        if (!text.isEmpty()) {
            block.statements.add(new Statement(text, lineAt(start < 0 ? pos : start)));
        }
        cur.setLength(0);
    }

    /** Offset just after the string starting at {@code from} (single, double or triple quoted). */
    private int stringEnd(int from) {
        char q = s.charAt(from);
        String triple = String.valueOf(q).repeat(3);
        if (s.startsWith(triple, from)) {
            int end = s.indexOf(triple, from + 3);
            return end < 0 ? s.length() : end + 3;
        }
        int i = from + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == q) {
                return i + 1;
            }
            if (c == '\n') {
                return i; // an unclosed string ends at the line, so one typo does not swallow the file
            }
            i++;
        }
        return s.length();
    }
}
