package io.github.devopsassess.facts.ownership;

/**
 * Repository permission granted to a person or team, declared as code.
 *
 * @param source repository-relative file
 * @param line line of the grant
 * @param principal user name or team name (slug or id as written)
 * @param team true for a team, false for a person
 * @param permission as written: pull, triage, push, maintain, admin (or a custom role)
 */
public record AccessGrant(String source, int line, String principal, boolean team, String permission) {

    public boolean admin() {
        return "admin".equalsIgnoreCase(permission);
    }

    /** Bots by name: a [bot] account, or a team or user called bot(s). */
    public boolean bot() {
        String p = principal.toLowerCase(java.util.Locale.ROOT);
        return p.contains("[bot]") || p.matches("(.*[^a-z])?bots?([^a-z].*)?");
    }
}
