package io.github.devopsassess.facts.history;

import java.util.Locale;

/**
 * Someone a commit names besides its author: its committer (who applied, rebased or merged it), or a person in one of
 * its {@code Reviewed-by:}, {@code Acked-by:} or {@code Co-authored-by:} trailers. Such a person took part in the
 * change on that day, so they are still around; they do not author its lines.
 *
 * @param commit the commit's id
 * @param role {@code committer} or the trailer's name in lower case ({@code reviewed-by}, …)
 * @param name the name as recorded (after {@code .mailmap})
 * @param email the e-mail as recorded (after {@code .mailmap}), or {@code ""} when the trailer gives none
 * @param time the commit time, epoch seconds
 * @param personKey the person's key as the history's people have it, once the history scanner resolved it; until
 *     then the e-mail, else the name, lower case
 */
public record Involvement(String commit, String role, String name, String email, long time, String personKey) {

    /** The roles that make someone a participant of a commit. */
    public static final java.util.Set<String> TRAILERS = java.util.Set.of("reviewed-by", "acked-by",
            "co-authored-by");

    public static final String COMMITTER = "committer";

    public Involvement {
        email = email == null ? "" : email;
        personKey = personKey == null ? (email.isBlank() ? (name == null ? "" : name.trim().toLowerCase(Locale.ROOT))
                : email.trim().toLowerCase(Locale.ROOT)) : personKey;
    }

    /** As mined: the person not yet resolved. */
    public Involvement(String commit, String role, String name, String email, long time) {
        this(commit, role, name, email, time, null);
    }

    /** The same involvement with the person resolved to the history's key. */
    public Involvement withKey(String key) {
        return new Involvement(commit, role, name, email, time, key);
    }
}
