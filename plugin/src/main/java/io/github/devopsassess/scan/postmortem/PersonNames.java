package io.github.devopsassess.scan.postmortem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people in postmortem text: {@code @handles} and the names of people who committed to the repository (full
 * names, and first names of two-word names), and hides them when names are not to be shown, so that the report
 * never prints a real name the team did not opt in to.
 */
final class PersonNames {

    static final String REDACTED = "a named person";

    private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])@[A-Za-z0-9][\\w.-]*[A-Za-z0-9_]");
    /** Capitalised words that are first names of some people and ordinary words in a sentence. */
    private static final Set<String> AMBIGUOUS = Set.of("will", "mark", "bill", "may", "june", "april", "grant",
            "rich", "art", "sue", "pat", "max", "chase", "hope", "joy", "bob", "dev", "ops", "root", "admin", "build",
            "test", "user", "github", "gitlab", "jenkins", "bot");

    private final List<Pattern> names;

    /** @param personNames author names from history, e.g. "Jane Doe" */
    PersonNames(List<String> personNames) {
        Set<String> words = new LinkedHashSet<>();
        for (String name : personNames) {
            String n = name == null ? "" : name.strip();
            if (n.length() < 3 || n.contains("[bot]")) {
                continue;
            }
            words.add(n);
            String[] parts = n.split("\\s+");
            if (parts.length >= 2 && parts[0].length() >= 3 && !AMBIGUOUS.contains(parts[0].toLowerCase(Locale.ROOT))
                    && Character.isUpperCase(parts[0].charAt(0))) {
                words.add(parts[0]);
            }
        }
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.names = sorted.stream().map(w -> Pattern.compile("(?<![\\p{L}@])" + Pattern.quote(w) + "(?!\\p{L})"))
                .toList();
    }

    /** The first person named in the text (a handle or a known name), or {@code null}. */
    String firstIn(String text) {
        Matcher handle = HANDLE.matcher(text);
        int best = Integer.MAX_VALUE;
        String who = null;
        if (handle.find()) {
            best = handle.start();
            who = handle.group();
        }
        for (Pattern p : names) {
            Matcher m = p.matcher(text);
            if (m.find() && m.start() < best) {
                best = m.start();
                who = m.group();
            }
        }
        return who;
    }

    /** The text with every handle and known name replaced by "a named person". */
    String redact(String text) {
        String s = HANDLE.matcher(text).replaceAll(REDACTED);
        for (Pattern p : names) {
            s = p.matcher(s).replaceAll(REDACTED);
        }
        return s;
    }
}
