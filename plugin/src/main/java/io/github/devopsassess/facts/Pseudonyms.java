package io.github.devopsassess.facts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable pseudonyms for people. The seed warns against the blame game, so reports name areas and teams first; a
 * pseudonym derived from the identity is the same in every run and every report, so a team can still follow one
 * person's silo over time without printing a name.
 */
public final class Pseudonyms {

    private static final java.util.regex.Pattern PSEUDONYM = java.util.regex.Pattern.compile("contributor-[0-9a-f]{6}");

    private Pseudonyms() {
    }

    /**
     * @param key a normalised identity: a lower-cased e-mail or name. A pseudonym stays itself, so a name that one
     *     scanner already replaced is not disguised a second time by whoever shows it.
     */
    public static String of(String key) {
        if (PSEUDONYM.matcher(key).matches()) {
            return key;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "contributor-" + HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
