package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * A GitLab CODEOWNERS section header: {@code [Name]}, {@code ^[Name]} (optional), {@code [Name][2]} (approvals),
 * followed by default owners.
 *
 * @param name section name as written
 * @param line 1-based line of the header
 * @param optional {@code ^} prefix: approval is suggested, not required
 * @param approvals required approvals, 1 when not stated
 * @param defaultOwners owners for lines of the section that name none
 */
public record CodeownersSection(String name, int line, boolean optional, int approvals, List<Owner> defaultOwners) {

    public CodeownersSection {
        defaultOwners = List.copyOf(defaultOwners);
    }
}
