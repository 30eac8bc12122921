package io.github.devopsassess.facts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for people. The seed warns against the blame game, so reports name areas and teams first; a
 * pseudonym is the same for one person in every run and on every page as long as the key stays the same, so a team
 * can follow one person's silo over time without printing a name.
 *
 * <p>A pseudonym is {@code contributor-} and the first {@value #LENGTH} base32 characters (50 bits) of the
 * HMAC-SHA256 of the person's key (a lower-cased e-mail, or a name or handle without one) under a secret key. Without
 * the key, nobody who has the repository's {@code git log} can map a pseudonym back to an e-mail by hashing the
 * e-mails: an unsalted hash would give every person away. The key is never written into an output.
 *
 * <p>Length, by the birthday bound: among {@code n} people the chance that two share a pseudonym of {@code b} bits is
 * at most {@code n(n-1)/2^(b+1)}. With 50 bits and 10,000 contributors that is 10^8 / 2^51 &#8776; 4.4e-8; with
 * 100,000 contributors it is still under 5e-6. The six hex digits (24 bits) of the unkeyed scheme this replaces
 * collide with a chance of about 95 % among 10,000 people.
 *
 * <p>Immutable and safe to share between threads; {@link #toString()} never shows the key.
 */
public final class Pseudonyms {

    /** Base32 characters of a pseudonym after {@code contributor-}: 5 bits each, 50 bits. */
    public static final int LENGTH = 10;

    private static final String PREFIX = "contributor-";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern PSEUDONYM = Pattern.compile(PREFIX + "[a-z2-7]{" + LENGTH + "}");
    private static final String HMAC = "HmacSHA256";

    private final byte[] key;
    private final boolean chosen;

    private Pseudonyms(byte[] key, boolean chosen) {
        if (key.length == 0) {
            throw new IllegalArgumentException("a pseudonym key must not be empty");
        }
        this.key = key.clone();
        this.chosen = chosen;
    }

    /** Pseudonyms under a key the user chose (from {@code devops.pseudonymKey}, or kept in a file). */
    public static Pseudonyms keyed(byte[] key) {
        return new Pseudonyms(key, true);
    }

    /** Pseudonyms under the UTF-8 bytes of a key the user chose, such as a CI secret. */
    public static Pseudonyms keyed(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a pseudonym key must not be blank");
        }
        return keyed(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Pseudonyms under a fresh random key that nobody chose: stable within this run only. The engine replaces them
     * with the key kept beside the history cache when there is one.
     */
    public static Pseudonyms ephemeral() {
        return new Pseudonyms(newKey(), false);
    }

    /** 32 random bytes from {@link SecureRandom}, for a new key. */
    public static byte[] newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** False for {@link #ephemeral()} pseudonyms, which the engine may replace with a kept key. */
    public boolean chosen() {
        return chosen;
    }

    /**
     * The pseudonym of a person.
     *
     * @param personKey a normalised identity: a lower-cased e-mail or name. A pseudonym stays itself, so a name that
     *     one scanner already replaced is not disguised a second time by whoever shows it.
     */
    public String of(String personKey) {
        if (isPseudonym(personKey)) {
            return personKey;
        }
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance(HMAC); // a Mac is not thread-safe: one per call (about a microsecond)
            hmac.init(new SecretKeySpec(key, HMAC));
            mac = hmac.doFinal(personKey.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
        return PREFIX + base32(mac, LENGTH);
    }

    /** Whether a text is a pseudonym of this form. */
    public static boolean isPseudonym(String text) {
        return text != null && PSEUDONYM.matcher(text).matches();
    }

    /**
     * A key-independent tag of a person for fingerprints only, never shown: {@code contributor-} and the first six hex
     * digits of the unkeyed SHA-256 of the person key, which is what findings about one person used as their subject
     * before pseudonyms were keyed. A fingerprint must not change when the key does (or a baseline would break), and
     * keeping the old text keeps the fingerprints of existing baselines.
     */
    public static String fingerprintTag(String personKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(personKey.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * The first {@code chars} base32 characters (RFC 4648 alphabet, lower case) of {@code bytes}, padded with zero
     * bits as RFC 4648 pads the last character.
     */
    static String base32(byte[] bytes, int chars) {
        StringBuilder out = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        int i = 0;
        while (out.length() < chars) {
            if (bits < 5) {
                buffer = (buffer << 8) | (i < bytes.length ? bytes[i] & 0xff : 0);
                i++;
                bits += 8;
            }
            out.append(BASE32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pseudonyms p && MessageDigest.isEqual(key, p.key) && chosen == p.chosen;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never the key: options that hold pseudonyms may be logged. */
    @Override
    public String toString() {
        return chosen ? "Pseudonyms[keyed]" : "Pseudonyms[ephemeral]";
    }
}
