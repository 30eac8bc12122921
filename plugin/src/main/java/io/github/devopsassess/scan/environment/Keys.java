package io.github.devopsassess.scan.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Key normalisation (relaxed binding) and credential recognition, shared by every environment reader. */
public final class Keys {

    /** Substrings of a normalised key that mark a credential. */
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "token", "credential",
            "apikey", "privatekey", "accesskey", "signingkey", "encryptionkey", "clientkey");

    /** Last words of a key that describe a credential without being one (token-validity-in-seconds, secret-name). */
    private static final Set<String> NOT_A_VALUE = Set.of("url", "uri", "name", "ref", "file", "path", "enabled",
            "length", "seconds", "ttl", "expiry", "expiration", "header", "type", "policy", "location", "mode",
            "prefix", "id", "store", "algorithm", "endpoint");

    /** Values that name where a secret lives rather than holding it: {@code github-private-key}. */
    private static final Pattern REFERENCE_NAME = Pattern.compile(
            "[a-z0-9]+(-[a-z0-9]+)*-(secret|key|token|password|credentials?)(-[a-z0-9]+)*");

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
        List<String> words = new ArrayList<>();
        for (String part : key.split("[.\\-_\\[\\]\\s/]+")) {
            for (String w : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
                if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    /** Whether a key names a credential (password, token, secret, API key…). */
    public static boolean looksSecret(String key) {
        List<String> words = words(key);
        if (words.isEmpty() || NOT_A_VALUE.contains(words.get(words.size() - 1))) {
            return false;
        }
        String joined = String.join("", words);
        return SECRET_WORDS.stream().anyMatch(joined::contains) || "pwd".equals(words.get(words.size() - 1));
    }

    /**
     * Whether a value is a literal rather than a placeholder, a reference or a flag: {@code ${DB_PASSWORD}},
     * {@code {{ .Values.x }}}, {@code vault:…}, {@code true} and {@code github-private-key} are not literals.
     */
    public static boolean isLiteralValue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).trim();
        }
        if (v.isEmpty() || v.contains("${") || v.contains("{{") || v.startsWith("$(") || v.startsWith("$")
                || v.startsWith("<") || v.startsWith("ENC(") || v.startsWith("/") || v.startsWith("[")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (Set.of("true", "false", "null", "none", "~", "yes", "no", "on", "off").contains(lower)
                || lower.matches("\\d+") || REFERENCE_NAME.matcher(lower).matches()) {
            return false;
        }
        return !(lower.startsWith("vault:") || lower.startsWith("ref+") || lower.startsWith("arn:")
                || lower.startsWith("file:") || lower.startsWith("classpath:") || lower.startsWith("env:")
                || lower.startsWith("secretkeyref") || lower.startsWith("azurekeyvault"));
    }
}
