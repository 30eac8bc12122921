package io.github.devopsassess.parse;

/**
 * Removes {@code //} and {@code /* *}{@code /} comments from JSON-with-comments (devcontainer.json, VS Code settings),
 * outside strings, keeping every newline so that lines still match the file. Trailing commas are removed too, since
 * JSONC allows them and YAML's flow collections may not. JSON5's single-quoted strings ({@code 'https://…'}, in
 * Renovate's {@code renovate.json5}) are strings too.
 */
public final class JsonComments {

    private JsonComments() {
    }

    public static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(next);
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
                i++;
            } else if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
                i++;
            } else if (c == '/' && next == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                i += 2;
                while (i < text.length() && !(text.charAt(i) == '*' && i + 1 < text.length()
                        && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') {
                        out.append('\n');
                    }
                    i++;
                }
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return removeTrailingCommas(out.toString());
    }

    private static String removeTrailingCommas(String json) {
        StringBuilder out = new StringBuilder(json.length());
        char quote = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    out.append(c);
                    if (i + 1 < json.length()) {
                        out.append(json.charAt(++i));
                    }
                    continue;
                }
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ',') {
                int j = i + 1;
                while (j < json.length() && Character.isWhitespace(json.charAt(j))) {
                    j++;
                }
                if (j < json.length() && (json.charAt(j) == '}' || json.charAt(j) == ']')) {
                    out.append(' ');
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
