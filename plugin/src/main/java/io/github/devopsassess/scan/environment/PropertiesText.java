package io.github.devopsassess.scan.environment;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Java properties text keeping the line of every key, which {@link java.util.Properties} cannot. Spring's
 * multi-document separators ({@code #---} and {@code !---}) split the text into documents.
 */
final class PropertiesText {

    /** One key and value at a line. */
    record Entry(String key, String value, int line) {
    }

    private PropertiesText() {
    }

    /** Documents in order; each a list of entries in file order. */
    static List<List<Entry>> documents(String text) {
        List<List<Entry>> docs = new ArrayList<>();
        List<Entry> current = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (trimmed.equals("#---") || trimmed.equals("!---")) {
                docs.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int start = i;
            StringBuilder logical = new StringBuilder(trimmed);
            // A line ending in an odd number of backslashes continues on the next line.
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].strip());
            }
            current.add(entry(logical.toString(), start + 1));
        }
        docs.add(current);
        return docs;
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static Entry entry(String line, int number) {
        int i = 0;
        StringBuilder key = new StringBuilder();
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                key.append(line.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            key.append(c);
            i++;
        }
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
            i++;
        }
        return new Entry(key.toString(), line.substring(i).strip(), number);
    }
}
