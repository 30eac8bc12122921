package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * One pattern line of a CODEOWNERS file.
 *
 * @param line 1-based line
 * @param pattern the path pattern
 * @param owners owners written on the line (for GitLab, the section's default owners when the line names none);
 *     empty means "explicitly unowned"
 * @param section GitLab section name, or {@code null} for GitHub and the GitLab default section
 * @param exclusion GitLab {@code !path}: files matching it are left out of the section
 */
public record CodeownersRule(int line, CodeownersPattern pattern, List<Owner> owners, String section,
        boolean exclusion) {

    public CodeownersRule {
        owners = List.copyOf(owners);
    }
}
