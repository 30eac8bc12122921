package io.github.devopsassess.facts.environment;

import io.github.devopsassess.mask.SecretMask;

/**
 * One configuration key of one environment definition.
 *
 * @param key the key after relaxed binding ({@code my-key}, {@code myKey} and {@code MY_KEY} become {@code mykey}),
 *     dotted for nested values; the identity used to compare environments
 * @param displayKey the key as written in the file
 * @param value the value as written, or {@link #MASKED} when the key looks like a credential, with any part that looks
 *     secret by its form masked (a token, a URL's password): a secret value is never kept in the facts, so it cannot
 *     leak into a report, a log or the JSON
 * @param secret whether the key looks like a credential (password, token, secret…)
 * @param literalCredential whether a credential-looking key holds a literal value: not a reference, the name of a
 *     secret, or a stand-in such as {@code changeme} or {@code postgres} ({@link SecretMask#isPlaceholder})
 * @param path repository-relative path of the file
 * @param line 1-based line of the key
 */
public record Setting(String key, String displayKey, String value, boolean secret, boolean literalCredential,
        String path, int line) {

    /** What is shown instead of a credential's value. */
    public static final String MASKED = SecretMask.MASK;

    /** A setting whose value is kept only if the key does not look like a credential. */
    public static Setting of(String displayKey, String value, String path, int line) {
        return of(displayKey, value, path, line, false);
    }

    /**
     * @param inSecretStore the value sits in a secret store (a kustomize secretGenerator, a Kubernetes Secret): it
     *     is masked whatever its key, and a literal counts as a credential only when the key looks like one
     */
    public static Setting of(String displayKey, String value, String path, int line, boolean inSecretStore) {
        boolean looksSecret = Keys.looksSecret(displayKey);
        boolean secret = looksSecret || inSecretStore;
        boolean literal = looksSecret && SecretMask.isLiteralValue(displayKey, value)
                && !SecretMask.isPlaceholder(displayKey, value);
        String shown = secret ? MASKED : value == null ? "" : SecretMask.line(value);
        return new Setting(Keys.relaxed(displayKey), displayKey, shown, secret, literal, path, line);
    }

    /** This setting under a prefix ({@code db} + {@code url} → {@code db.url}). */
    public Setting prefixed(String displayPrefix) {
        return new Setting(Keys.relaxed(displayPrefix) + "." + key, displayPrefix + "." + displayKey, value, secret,
                literalCredential, path, line);
    }
}
