package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.CodeownersPattern;
import io.github.devopsassess.facts.ownership.CodeownersRule;
import io.github.devopsassess.facts.ownership.CodeownersSection;
import io.github.devopsassess.facts.ownership.MalformedEntry;
import io.github.devopsassess.facts.ownership.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CODEOWNERS in GitHub or GitLab syntax. It never throws: what the platform would skip is recorded as a
 * {@link MalformedEntry} with its line, so that a check can tell the team which owners are silently ignored.
 */
public final class CodeownersParser {

    private static final Pattern SECTION = Pattern.compile("^(\\^)?\\[([^\\]]*)\\](?:\\[([^\\]]*)\\])?(.*)$");
    private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_./-]+)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
    private static final Set<String> GITLAB_ROLES = Set.of("@@developer", "@@developers", "@@maintainer",
            "@@maintainers", "@@owner", "@@owners");

    /**
     * @param path repository-relative path of the file
     * @param base folder the patterns are relative to
     * @param text the content
     * @param gitlab true to read GitLab syntax (sections, exclusions, roles)
     */
    public CodeownersFile parse(String path, String base, String text, boolean gitlab) {
        List<CodeownersRule> rules = new ArrayList<>();
        List<CodeownersSection> sections = new ArrayList<>();
        List<MalformedEntry> malformed = new ArrayList<>();
        CodeownersSection section = null;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (gitlab && (line.startsWith("[") || line.startsWith("^["))) {
                CodeownersSection s = section(line, lineNo, malformed);
                if (s != null) {
                    section = s;
                    sections.add(s);
                }
                continue;
            }
            List<String> tokens = tokens(line);
            String pattern = tokens.get(0);
            boolean exclusion = false;
            if (pattern.startsWith("!")) {
                if (!gitlab) {
                    malformed.add(new MalformedEntry(lineNo, pattern, "GitHub CODEOWNERS does not support '!'"
                            + " negation; the line is skipped"));
                    continue;
                }
                exclusion = true;
                pattern = pattern.substring(1);
            }
            List<String> ownerTokens = tokens.subList(1, tokens.size());
            List<Owner> owners = new ArrayList<>();
            boolean bad = false;
            for (String token : ownerTokens) {
                String reason = invalidOwner(token, gitlab);
                if (reason == null) {
                    owners.add(Owner.parse(token));
                } else {
                    bad = true;
                    malformed.add(new MalformedEntry(lineNo, token, reason + (gitlab ? "; GitLab ignores this owner"
                            : "; GitHub skips the whole line, so " + pattern + " falls back to an earlier rule")));
                }
            }
            if (bad && !gitlab) {
                continue;
            }
            if (owners.isEmpty() && section != null && !exclusion && ownerTokens.isEmpty()) {
                owners.addAll(section.defaultOwners());
            }
            rules.add(new CodeownersRule(lineNo, CodeownersPattern.compile(pattern), owners,
                    section == null ? null : section.name(), exclusion));
        }
        return new CodeownersFile(path, gitlab ? CodeownersFile.GITLAB : CodeownersFile.GITHUB, base, rules, sections,
                malformed);
    }

    /** Whether a file that is not in a {@code .gitlab/} folder uses GitLab syntax: it has a section header. */
    public static boolean looksLikeGitlab(String text) {
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (SECTION.matcher(s).matches() && (s.startsWith("[") || s.startsWith("^["))) {
                return true;
            }
        }
        return false;
    }

    private static CodeownersSection section(String line, int lineNo, List<MalformedEntry> malformed) {
        Matcher m = SECTION.matcher(line);
        if (!m.matches() || m.group(2).isBlank()) {
            malformed.add(new MalformedEntry(lineNo, line, "not a valid section header such as [Name] or [Name][2]"));
            return null;
        }
        int approvals = 1;
        if (m.group(3) != null) {
            try {
                approvals = Integer.parseInt(m.group(3).trim());
            } catch (NumberFormatException e) {
                malformed.add(new MalformedEntry(lineNo, "[" + m.group(3) + "]",
                        "the number of approvals must be a whole number"));
            }
        }
        List<Owner> defaults = new ArrayList<>();
        String rest = m.group(4).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            for (String token : tokens(rest)) {
                String reason = invalidOwner(token, true);
                if (reason == null) {
                    defaults.add(Owner.parse(token));
                } else {
                    malformed.add(new MalformedEntry(lineNo, token, reason + "; GitLab ignores this owner"));
                }
            }
        }
        return new CodeownersSection(m.group(2).strip(), lineNo, m.group(1) != null, approvals, defaults);
    }

    /** Why an owner token is not valid, or {@code null} when it is. */
    static String invalidOwner(String token, boolean gitlab) {
        if (token.endsWith(",") || token.contains(",")) {
            return "owners are separated by spaces, not commas ('" + token + "')";
        }
        if (token.startsWith("@@")) {
            if (gitlab && GITLAB_ROLES.contains(token.toLowerCase(Locale.ROOT))) {
                return null;
            }
            return gitlab ? "unknown role '" + token + "' (use @@developer, @@maintainer or @@owner)"
                    : "'" + token + "' is a GitLab role; GitHub does not know it";
        }
        if (token.startsWith("@")) {
            return HANDLE.matcher(token).matches() ? null : "'" + token + "' is not a valid user or team name";
        }
        if (token.indexOf('@') > 0) {
            return EMAIL.matcher(token).matches() ? null : "'" + token + "' is not a valid e-mail address";
        }
        return "owner '" + token + "' has no '@': write @user, @org/team or an e-mail address";
    }

    /** Splits at unescaped whitespace and drops an inline comment; escapes stay in the tokens. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(c).append(line.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else if (c == '#' && cur.length() == 0 && !out.isEmpty()) {
                break; // an inline comment after the pattern
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
