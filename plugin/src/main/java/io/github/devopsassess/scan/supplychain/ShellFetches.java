package io.github.devopsassess.scan.supplychain;

import io.github.devopsassess.facts.supplychain.RemoteSource.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in one shell command line (continuations already joined), the {@code git clone} of a repository with the
 * branch it asks for, and a script fetched with {@code curl} or {@code wget} and run by a shell ({@code curl … | sh},
 * {@code bash <(curl …)}, {@code sh -c "$(curl …)"}). A {@code git checkout}, {@code git switch} or
 * {@code git reset --hard} in the lines that follow the clone gives the reference actually built.
 */
final class ShellFetches {

    /**
     * One fetch.
     *
     * @param kind a clone or a piped script
     * @param url the URL as written, quotes removed
     * @param ref the branch asked for or checked out afterwards, or {@code null}
     */
    record Fetch(Kind kind, String url, String ref) {
    }

    private static final Pattern CLONE = Pattern.compile("\\bgit\\s+(?:-[cC]\\s+\\S+\\s+)*clone\\b([^;&|]*)");
    private static final Pattern CHECKOUT = Pattern.compile("\\bgit\\s+(?:-[cC]\\s+\\S+\\s+)*(?:checkout|switch"
            + "|reset\\s+--hard)\\s+((?:-{1,2}[\\w-]+(?:=\\S+)?\\s+)*)([^\\s;&|)]+)");
    private static final Pattern FETCH = Pattern.compile("\\bgit\\s+(?:-[cC]\\s+\\S+\\s+)*fetch\\b([^;&|]*)");
    private static final Pattern PIPED = Pattern.compile("\\b(?:curl|wget)\\b([^|;&]*)\\|\\s*(?:sudo\\s+(?:-\\S+\\s+)*)?"
            + "(?:env\\s+(?:\\S+=\\S+\\s+)*)?(?:/usr)?(?:/bin/)?(?:ba|z|da|k)?sh\\b");
    private static final Pattern SUBSTITUTED = Pattern.compile("\\b(?:ba|z|da|k)?sh\\s+(?:-c\\s+)?[\"']?(?:<\\(|\\$\\()"
            + "\\s*(?:curl|wget)\\b([^)]*)\\)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s'\"<>|;)]+");
    /** Options of {@code git clone} that take a value as the next word. */
    private static final Set<String> WITH_VALUE = Set.of("-o", "--origin", "-c", "--config", "--depth", "--reference",
            "--reference-if-able", "--separate-git-dir", "-j", "--jobs", "--filter", "--template", "-u",
            "--upload-pack", "--shallow-since", "--shallow-exclude", "--server-option", "--bundle-uri");

    private ShellFetches() {
    }

    /**
     * The fetches of a command line.
     *
     * @param line the command line
     * @param following the command lines after it, where a checkout of the clone may stand
     */
    static List<Fetch> find(String text, List<String> following) {
        List<Fetch> out = new ArrayList<>();
        String line = compact(text);
        Matcher clone = CLONE.matcher(line);
        while (clone.find()) {
            List<String> words = words(clone.group(1));
            String branch = null;
            String url = null;
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (w.equals("-b") || w.equals("--branch")) {
                    branch = i + 1 < words.size() ? words.get(++i) : null;
                } else if (w.startsWith("--branch=")) {
                    branch = w.substring("--branch=".length());
                } else if (WITH_VALUE.contains(w)) {
                    i++;
                } else if (!w.startsWith("-") && url == null) {
                    url = w;
                }
            }
            if (url == null || !remote(url)) {
                continue;
            }
            String checkout = checkout(line.substring(clone.end()), following);
            out.add(new Fetch(Kind.GIT_CLONE, url, checkout != null ? checkout : branch));
        }
        for (Pattern p : List.of(PIPED, SUBSTITUTED)) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                Matcher u = URL.matcher(m.group(1));
                if (u.find()) {
                    out.add(new Fetch(Kind.PIPED_SCRIPT, u.group(), null));
                }
            }
        }
        return out;
    }

    /** The first checkout after the clone, in the rest of its line or in the lines that follow. */
    private static String checkout(String rest, List<String> following) {
        List<String> lines = new ArrayList<>();
        lines.add(rest);
        following.forEach(f -> lines.add(compact(f)));
        String fetched = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (CLONE.matcher(l).find()) {
                return null; // another clone: what follows is about that one
            }
            Matcher f = FETCH.matcher(l);
            if (f.find()) {
                List<String> w = words(f.group(1)).stream().filter(x -> !x.startsWith("-")).toList();
                fetched = w.size() >= 2 ? w.get(w.size() - 1) : fetched;
            }
            Matcher c = CHECKOUT.matcher(l);
            if (c.find()) {
                String target = unquote(c.group(2));
                if (target.equals("FETCH_HEAD") && fetched != null) {
                    return fetched;
                }
                return target.equals("-") || target.equals("FETCH_HEAD") ? null : target;
            }
        }
        return null;
    }

    /** {@code ${{ inputs.tag }}} as one word: {@code ${{inputs.tag}}}. */
    private static String compact(String line) {
        return line.contains("${{") ? GITHUB_EXPRESSION.matcher(line).replaceAll("\\${{$1}}") : line;
    }

    private static final Pattern GITHUB_EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");

    private static boolean remote(String url) {
        return url.contains("://") || url.matches("[\\w.-]+@[\\w.-]+:.+");
    }

    /** Shell words, quotes removed (no expansion). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0 || any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0 || any) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String unquote(String s) {
        return s.replace("\"", "").replace("'", "");
    }
}
