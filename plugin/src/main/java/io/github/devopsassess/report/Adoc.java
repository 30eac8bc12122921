package io.github.devopsassess.report;

import io.github.devopsassess.mask.SecretMask;

/**
 * Puts text taken from a repository (names, paths, messages, YAML values) into AsciiDoc so that it is shown
 * literally. The text is HTML-escaped and wrapped in an inline passthrough, which AsciiDoc never substitutes: no
 * attribute references, macros, includes or markup survive. The characters that could end the passthrough or a
 * table cell ({@code +} and {@code |}) are written as character references, and line breaks become spaces so
 * that nothing can start a block-level directive such as {@code include::} at the beginning of a line.
 */
public final class Adoc {

    private Adoc() {
    }

    /** Literal text. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "+++" + html(value) + "+++";
    }

    /** Literal text in a monospace {@code <code>} element. */
    public static String code(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "+++<code>" + html(value) + "</code>+++";
    }

    /**
     * Masks secret values ({@link SecretMask}), then HTML-escapes and neutralises everything AsciiDoc could interpret
     * inside a passthrough or a table. Every piece of repository text on the site passes through here.
     */
    public static String html(String text) {
        String value = SecretMask.text(text);
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '+' -> sb.append("&#43;");
                case '|' -> sb.append("&#124;");
                case '[' -> sb.append("&#91;"); // "[[id]]" would otherwise be catalogued as an anchor
                case ']' -> sb.append("&#93;");
                // "term:: text" and "term;; text" make a description list even inside a passthrough, because
                // block parsing runs before inline passthroughs are extracted
                case ':' -> sb.append("&#58;");
                case ';' -> sb.append("&#59;");
                case '\r', '\n', '\u2028', '\u2029', '\u0085' -> sb.append(' ');
                default -> {
                    if (c < 0x20 && c != '\t') {
                        sb.append(' '); // control characters have no place in a report
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** An id safe for anchors and file names: lower-case letters, digits and dashes only. */
    public static String id(String value) {
        String s = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s;
    }
}
