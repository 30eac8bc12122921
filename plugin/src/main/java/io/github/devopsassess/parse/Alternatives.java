package io.github.devopsassess.parse;

import java.util.List;
import java.util.StringJoiner;
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
}
