package io.github.devopsassess.facts.ownership;

import io.github.devopsassess.facts.Missing;

/**
 * The CODEOWNERS file in force, derived by the analysis stage from {@link OwnershipFacts} when there is one: the checks
 * that read CODEOWNERS itself (its syntax, its people, its rules against history) require it.
 *
 * @param file the CODEOWNERS file GitHub or GitLab uses
 */
@Missing("no CODEOWNERS file")
public record Codeowners(CodeownersFile file) {
}
