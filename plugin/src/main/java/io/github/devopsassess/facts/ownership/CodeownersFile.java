package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * A parsed CODEOWNERS file.
 *
 * @param path repository-relative path
 * @param syntax {@code github} or {@code gitlab}
 * @param base the folder its patterns are relative to ("" for the repository root)
 * @param rules pattern lines in file order; malformed GitHub lines are left out because GitHub skips them
 * @param sections GitLab sections in file order (empty for GitHub)
 * @param malformed lines or tokens the platform would skip
 */
public record CodeownersFile(String path, String syntax, String base, List<CodeownersRule> rules,
        List<CodeownersSection> sections, List<MalformedEntry> malformed) {

    public static final String GITHUB = "github";
    public static final String GITLAB = "gitlab";

    public CodeownersFile {
        rules = List.copyOf(rules);
        sections = List.copyOf(sections);
        malformed = List.copyOf(malformed);
    }

    public boolean gitlab() {
        return GITLAB.equals(syntax);
    }
}
