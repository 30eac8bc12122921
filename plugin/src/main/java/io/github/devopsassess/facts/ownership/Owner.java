package io.github.devopsassess.facts.ownership;

import java.util.Locale;

/**
 * An owner named in CODEOWNERS, a catalog or an OWNERS file.
 *
 * @param name as written: {@code @user}, {@code @org/team}, {@code someone@example.com}, {@code @@maintainer},
 *     a Backstage {@code group:payments}, or a Prow login
 * @param kind what the name denotes
 */
public record Owner(String name, Kind kind) implements Comparable<Owner> {

    /** What an owner name denotes. Teams and roles survive a person leaving; users and e-mails do not. */
    public enum Kind {
        USER, EMAIL, TEAM, ROLE;

        public boolean individual() {
            return this == USER || this == EMAIL;
        }
    }

    /**
     * Classifies a CODEOWNERS owner token. {@code @org/team} is a GitHub team or a GitLab group with subgroup;
     * {@code @@role} a GitLab role; a bare {@code @name} is taken as a person (in GitLab it may also be a top-level
     * group, which the file alone cannot tell).
     */
    public static Owner parse(String token) {
        if (token.startsWith("@@")) {
            return new Owner(token, Kind.ROLE);
        }
        if (token.startsWith("@")) {
            return new Owner(token, token.indexOf('/') > 0 ? Kind.TEAM : Kind.USER);
        }
        return new Owner(token.toLowerCase(Locale.ROOT), Kind.EMAIL);
    }

    @Override
    public int compareTo(Owner o) {
        return name.compareToIgnoreCase(o.name);
    }
}
