package io.github.devopsassess.facts.history;

import java.util.Locale;

/**
 * A merge commit: who wrote it, who committed it, when, and its subject ("Merge pull request #12 from …").
 *
 * <p>On a merge made in GitHub's web interface the committer is GitHub ({@value #PLATFORM_COMMITTER}) and the author
 * is the person who pressed the button; on a merge made at a terminal both are that person. {@link #mergerKey()}
 * names the person either way.
 *
 * @param authorKey the author's person key as the history's people map has it (resolved by the history scanner
 *     through {@code .mailmap}, the identities file and name matching); when not given, the e-mail, else the name,
 *     lower case
 * @param committerKey the committer's person key, resolved the same way
 */
public record Merge(String id, String authorName, String authorEmail, String committerName, String committerEmail,
        long commitTime, String subject, String authorKey, String committerKey) {

    /** The committer of merges made in GitHub's web interface. */
    public static final String PLATFORM_COMMITTER = "noreply@github.com";

    public Merge {
        authorKey = authorKey == null ? key(authorName, authorEmail) : authorKey;
        committerKey = committerKey == null ? key(committerName, committerEmail) : committerKey;
    }

    /** A merge as mined, its people not yet resolved to person keys. */
    public Merge(String id, String authorName, String authorEmail, String committerName, String committerEmail,
            long commitTime, String subject) {
        this(id, authorName, authorEmail, committerName, committerEmail, commitTime, subject, null, null);
    }

    /** This merge with its author and committer resolved to the history's person keys. */
    public Merge withKeys(String resolvedAuthor, String resolvedCommitter) {
        return new Merge(id, authorName, authorEmail, committerName, committerEmail, commitTime, subject,
                resolvedAuthor, resolvedCommitter);
    }

    /** True when GitHub's web interface committed this merge (its author is then the person who merged). */
    public boolean committedByPlatform() {
        return committerEmail != null && PLATFORM_COMMITTER.equalsIgnoreCase(committerEmail.trim());
    }

    /** The person who merged: the committer, or the author of a merge GitHub's web interface committed. */
    public String mergerKey() {
        return committedByPlatform() ? authorKey : committerKey;
    }

    private static String key(String name, String email) {
        return email == null || email.isBlank() ? (name == null ? "" : name.trim().toLowerCase(Locale.ROOT))
                : email.trim().toLowerCase(Locale.ROOT);
    }
}
