package io.github.devopsassess.source;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Git's {@code .mailmap}: maps the name and e-mail recorded in a commit to the person's canonical ones. Supports the
 * four forms of gitmailmap(5); e-mail matching is case-insensitive as in git.
 */
public final class Mailmap {

    private static final Pattern ENTRY = Pattern.compile(
            "^\\s*([^<#]*?)\\s*<([^>]*)>\\s*(?:([^<#]*?)\\s*<([^>]*)>)?\\s*(?:#.*)?$");

    private record Key(String email, String name) {
    }

    private record Target(String name, String email) {
    }

    private final Map<Key, Target> entries = new HashMap<>();

    public static Mailmap empty() {
        return new Mailmap();
    }

    public static Mailmap parse(String text) {
        Mailmap map = new Mailmap();
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = ENTRY.matcher(trimmed);
            if (!m.matches()) {
                continue; // git ignores lines it cannot read; so do we
            }
            String properName = blankToNull(m.group(1));
            String firstEmail = m.group(2).trim();
            if (m.group(4) == null) {
                // "Proper Name <commit@email>": only the name is replaced
                map.entries.put(new Key(lower(firstEmail), null), new Target(properName, null));
            } else {
                String commitName = blankToNull(m.group(3));
                String commitEmail = m.group(4).trim();
                map.entries.put(new Key(lower(commitEmail), commitName == null ? null : commitName),
                        new Target(properName, blankToNull(firstEmail)));
            }
        }
        return map;
    }

    /** Returns {name, email} after mapping. */
    public String[] map(String name, String email) {
        String e = lower(email);
        Target t = entries.get(new Key(e, name));
        if (t == null) {
            t = entries.get(new Key(e, null));
        }
        if (t == null) {
            return new String[] {name, email};
        }
        return new String[] {t.name() == null ? name : t.name(), t.email() == null ? email : t.email()};
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
