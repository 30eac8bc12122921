package io.github.devopsassess.facts.ownership;

import io.github.devopsassess.parse.Alternatives;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CODEOWNERS path pattern with gitignore semantics, as GitHub and GitLab document them:
 * <ul>
 * <li>a slash at the start or in the middle anchors the pattern to the folder of the rules; otherwise it matches at
 * any depth ({@code *.js}, {@code apps/});</li>
 * <li>a trailing slash matches folders only;</li>
 * <li>a pattern that matches a folder owns everything below it ({@code /docs}, {@code lib});</li>
 * <li>{@code *} and {@code ?} never cross a slash; {@code **} as a whole segment spans folders ({@code **&#47;logs},
 * {@code a/**&#47;b}, {@code src/**});</li>
 * <li>a backslash escapes the next character ({@code foo\ bar.txt}).</li>
 * </ul>
 * One deliberate difference from git: an anchored pattern whose last segment is exactly {@code *}
 * ({@code docs/*}, {@code /*}) matches the direct children only. git would also ignore {@code docs/sub/x.md} through the folder {@code docs/sub}, but GitHub's
 * documentation states that {@code docs/*} does not own {@code docs/build-app/troubleshooting.md}, and GitLab's
 * {@code fnmatch} with {@code FNM_PATHNAME} agrees.
 */
public final class CodeownersPattern {

    private final String text;
    private final Pattern regex;
    private final boolean folderOnly;
    private final boolean childrenOnly;

    private CodeownersPattern(String text, Pattern regex, boolean folderOnly, boolean childrenOnly) {
        this.text = text;
        this.regex = regex;
        this.folderOnly = folderOnly;
        this.childrenOnly = childrenOnly;
    }

    /** @param raw the pattern as written, escapes included */
    public static CodeownersPattern compile(String raw) {
        String body = unescapeToMarkers(raw);
        boolean folderOnly = body.endsWith("/") && body.length() > 1;
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        boolean anchored = body.contains("/");
        if (body.startsWith("/")) {
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            // "/" alone owns the whole tree, like "*"
            return new CodeownersPattern(raw, Pattern.compile(".*", Pattern.DOTALL), false, false);
        }
        String[] segments = body.split("/", -1);
        boolean childrenOnly = anchored && segments[segments.length - 1].equals("*");
        StringBuilder re = new StringBuilder();
        if (!anchored) {
            re.append("(?:.*/)?");
        }
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals("**")) {
                // last: "src/**" owns everything inside src, "**" everything; otherwise zero or more folders
                re.append(last ? ".*" : "(?:.*/)?");
                continue;
            }
            re.append(segment(seg));
            if (!last) {
                re.append('/');
            }
        }
        return new CodeownersPattern(raw, Pattern.compile(re.toString(), Pattern.DOTALL), folderOnly, childrenOnly);
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    /** Whether the pattern owns this file (a repository path relative to the folder of the rules). */
    public boolean matches(String file) {
        if (!folderOnly && regex.matcher(file).matches()) {
            return true;
        }
        if (childrenOnly) {
            return false;
        }
        // a pattern that matches any ancestor folder owns the file, as git ignores everything inside an ignored folder
        int slash = file.indexOf('/');
        while (slash > 0) {
            if (regex.matcher(file.substring(0, slash)).matches()) {
                return true;
            }
            slash = file.indexOf('/', slash + 1);
        }
        return false;
    }

    /**
     * Whether any of the patterns owns the file, with one regular expression of alternatives for the file and one for
     * its folders ({@link Alternatives}) instead of one per pattern: classifying the files of every trend point pattern by pattern was most
     * of the critical-path check's time. Same answers as {@code patterns.stream().anyMatch(p -> p.matches(file))}.
     */
    public static Predicate<String> anyOf(List<CodeownersPattern> patterns) {
        Pattern file = Alternatives.of(patterns.stream().filter(p -> !p.folderOnly).map(p -> p.regex).toList(),
                Pattern.DOTALL);
        Pattern folder = Alternatives.of(patterns.stream().filter(p -> !p.childrenOnly).map(p -> p.regex).toList(),
                Pattern.DOTALL);
        Predicate<String> possible = Alternatives.prefilter(patterns.stream().map(p -> p.text).toList());
        return path -> {
            if (possible != null && !possible.test(path)) {
                return false;
            }
            if (file != null && file.matcher(path).matches()) {
                return true;
            }
            if (folder == null) {
                return false;
            }
            Matcher m = folder.matcher(path);
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                if (m.reset(path.subSequence(0, slash)).matches()) {
                    return true;
                }
            }
            return false;
        };
    }

    /** True for patterns that own every file: {@code *}, {@code **}, {@code /**}, {@code /}. */
    public boolean catchAll() {
        String t = text.trim();
        return t.equals("*") || t.equals("**") || t.equals("/**") || t.equals("/");
    }

    @Override
    public String toString() {
        return text;
    }

    // Escaped characters become private-use markers so that they are never read as wildcards or separators.
    private static final char ESCAPE_BASE = '\uE000';

    private static String unescapeToMarkers(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                boolean special = next == '*' || next == '?' || next == '/' || next == '\\';
                sb.append(special ? (char) (ESCAPE_BASE + next) : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String segment(String seg) {
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c == '*' || c == '?') {
                if (lit.length() > 0) {
                    re.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                if (c == '*') {
                    while (i + 1 < seg.length() && seg.charAt(i + 1) == '*') {
                        i++; // "**" inside a segment is an ordinary "*"
                    }
                    re.append("[^/]*");
                } else {
                    re.append("[^/]");
                }
            } else if (c >= ESCAPE_BASE && c < ESCAPE_BASE + 128) {
                lit.append((char) (c - ESCAPE_BASE));
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            re.append(Pattern.quote(lit.toString()));
        }
        return re.toString();
    }
}
