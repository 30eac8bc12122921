package io.github.devopsassess.parse;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value of an HCL attribute, with the line where it starts and the source text as written. Literals (strings
 * without interpolation, numbers, booleans, {@code null}), lists and objects are read; anything else (a reference
 * such as {@code var.x}, a function call, a template with interpolation, a {@code for} expression, a conditional)
 * keeps its source text, and templates and function calls also keep their parts so that a reader can resolve them.
 */
public sealed interface HclValue permits HclValue.Literal, HclValue.ListValue, HclValue.ObjectValue,
        HclValue.Template, HclValue.Call, HclValue.Expression {

    /** 1-based line of the value's first character. */
    int line();

    /** The value as written in the file (without the comments and blank space around it). */
    String source();

    /** The value as plain text: a literal's text, else the source text. */
    default String text() {
        return source();
    }

    /** Kinds of literal. */
    enum Kind { STRING, NUMBER, BOOL, NULL }

    /**
     * A literal: a quoted string or heredoc without interpolation (escapes resolved), a number, a boolean or
     * {@code null}.
     *
     * @param text the string's content, the number or boolean as written, or {@code null} for {@code null}
     */
    record Literal(Kind kind, String text, String source, int line) implements HclValue {
        @Override
        public String text() {
            return text;
        }
    }

    /** A tuple {@code [a, b]}. */
    record ListValue(List<HclValue> items, String source, int line) implements HclValue {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /**
     * One entry of an object.
     *
     * @param key the key: a name or a string without interpolation as its text, else the key's source text
     * @param literalKey whether the key is a name or a plain string (not an expression such as {@code "${x}"})
     */
    record Entry(String key, boolean literalKey, int line, HclValue value) {
    }

    /** An object {@code { a = 1, "b" = 2 }}, entries in document order. */
    record ObjectValue(List<Entry> entries, String source, int line) implements HclValue {
        public ObjectValue {
            entries = List.copyOf(entries);
        }

        /** The last entry with this literal key, as Terraform reads duplicate keys. */
        public Optional<HclValue> get(String key) {
            HclValue found = null;
            for (Entry e : entries) {
                if (e.literalKey() && e.key().equals(key)) {
                    found = e.value();
                }
            }
            return Optional.ofNullable(found);
        }
    }

    /**
     * A string or heredoc with interpolations: {@code "${var.env}-db"}. The parts are string literals and the
     * interpolated expressions, in order.
     */
    record Template(List<HclValue> parts, String source, int line) implements HclValue {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** A function call {@code replace(var.x, "a", "b")} with its arguments. */
    record Call(String function, List<HclValue> arguments, String source, int line) implements HclValue {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Any other expression, as its source text: a reference ({@code var.x}, {@code aws_iam_role.x.arn},
     * {@code a["k"][0]}), a {@code for} expression, a conditional, an operation.
     */
    record Expression(String source, int line) implements HclValue {

        private static final Pattern REFERENCE = Pattern.compile("[A-Za-z_][\\w-]*(?:\\.[A-Za-z_][\\w-]*|\\.\\d+"
                + "|\\[\\s*(?:\\d+|\"[^\"\\\\$%]*\"|\\*)\\s*\\]|\\.\\*)*");

        /** Whether this is a plain traversal such as {@code var.x}, {@code local.m["k"].id} or {@code x[0]}. */
        public boolean reference() {
            return REFERENCE.matcher(source).matches();
        }
    }
}
