package io.github.devopsassess.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One regular expression that matches where any of several does. Classifying a path against one expression of
 * alternatives is several times faster than trying the expressions one by one, and file classification runs for every
 * path of a long history.
 */
public final class Alternatives {

    private Alternatives() {
    }

    /** @return the union of the patterns, compiled with {@code flags}, or {@code null} when there are none */
    public static Pattern of(List<Pattern> patterns, int flags) {
        if (patterns.isEmpty()) {
            return null;
        }
        StringJoiner alternatives = new StringJoiner("|");
        patterns.forEach(p -> alternatives.add("(?:" + p.pattern() + ")"));
        return Pattern.compile(alternatives.toString(), flags);
    }

    /**
     * The longest run of plain characters that every path matched by the glob contains, e.g. {@code "Dockerfile"} for
     * {@code **&#47;Dockerfile*}: a run ends at a wildcard, a slash or an escape, and what is inside {@code [...]} or
     * {@code {...}} is optional, so it is never taken. Empty when the glob has no such run ({@code *}, {@code **}).
     */
    public static String requiredLiteral(String glob) {
        String best = "";
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            char close = c == '[' ? ']' : c == '{' ? '}' : 0;
            if (close != 0 || "*?/\\!".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
                if (close != 0) {
                    int end = glob.indexOf(close, i + 1);
                    i = end < 0 ? glob.length() : end;
                }
            } else {
                run.append(c);
            }
        }
        return run.length() > best.length() ? run.toString() : best;
    }

    /**
     * A cheap test that says no for most paths before a regular expression runs: true when the path contains the
     * required literal of at least one glob. On spring-boot, matching the long paths of every trend point against
     * the combined expression was a tenth of the whole assessment, and almost no path there is a critical one.
     *
     * @return {@code null} when some glob has no required literal (then every path has to be tried)
     */
    public static Predicate<String> prefilter(List<String> globs) {
        List<String> literals = new ArrayList<>();
        for (String glob : globs) {
            String literal = requiredLiteral(glob);
            if (literal.isEmpty()) {
                return null;
            }
            literals.add(literal);
        }
        String[] all = literals.stream().distinct().toArray(String[]::new);
        return path -> {
            for (String literal : all) {
                if (path.contains(literal)) {
                    return true;
                }
            }
            return false;
        };
    }
}
