package io.github.devopsassess.parse;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A path glob over forward-slash paths, as rubric authors write them: {@code *} matches within one folder, {@code **}
 * across folders ({@code **}{@code /x} also matches {@code x} at the top), {@code ?} one character and {@code {a,b}}
 * alternatives. Unlike {@link java.nio.file.PathMatcher} it behaves the same on every operating system.
 */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException with a message for the user when the glob is malformed */
    public static Glob of(String glob) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        re.append(slash ? "(?:.*/)?" : ".*");
                        i += slash ? 2 : 1;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new IllegalArgumentException("'}' without '{' in glob '" + glob + "'");
                    }
                    braces--;
                    re.append(')');
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw new IllegalArgumentException("'{' without '}' in glob '" + glob + "'");
        }
        if (glob.isBlank()) {
            throw new IllegalArgumentException("empty glob");
        }
        return new Glob(glob, Pattern.compile(re.toString()));
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    public static boolean anyMatches(List<Glob> globs, String path) {
        return globs.stream().anyMatch(g -> g.matches(path));
    }

    /**
     * One matcher for many globs (see {@link Alternatives}).
     *
     * @throws IllegalArgumentException when a glob is malformed
     */
    public static Predicate<String> anyOf(List<String> globs) {
        Pattern any = Alternatives.of(globs.stream().map(g -> of(g).pattern).toList(), 0);
        if (any == null) {
            return path -> false;
        }
        Predicate<String> possible = Alternatives.prefilter(globs);
        return possible == null ? path -> any.matcher(path).matches()
                : path -> possible.test(path) && any.matcher(path).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
