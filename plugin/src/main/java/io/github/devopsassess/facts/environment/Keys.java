package io.github.devopsassess.facts.environment;

import io.github.devopsassess.mask.SecretMask;

import java.util.List;

/**
 * Key normalisation (relaxed binding) and credential recognition, shared by every environment reader; what a credential
 * is, is decided by {@link SecretMask}, the same component that masks every output.
 */
public final class Keys {

    private Keys() {
    }

    /**
     * Spring Boot's relaxed binding applied to every system: each dotted segment lower-cased with dashes and
     * underscores removed, so {@code my-key}, {@code myKey}, {@code my_key} and {@code MY_KEY} compare equal.
     */
    public static String relaxed(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            if (c != '-' && c != '_') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The words of a key: {@code spring.dataSource.db-url} → spring, data, source, db, url. */
    public static List<String> words(String key) {
        return SecretMask.words(key);
    }

    /** Whether a key names a credential (password, token, secret, API key…): {@link SecretMask#isSecretKey}. */
    public static boolean looksSecret(String key) {
        return SecretMask.isSecretKey(key);
    }

    /**
     * Whether a value is a literal rather than a placeholder, a reference or a flag: {@code ${DB_PASSWORD}},
     * {@code {{ .Values.x }}}, {@code vault:…}, {@code true} and {@code github-private-key} are not literals
     * ({@link SecretMask#isLiteralValue}).
     */
    public static boolean isLiteralValue(String value) {
        return SecretMask.isLiteralValue(null, value);
    }
}
