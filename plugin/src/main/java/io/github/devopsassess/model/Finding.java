package io.github.devopsassess.model;

import io.github.devopsassess.mask.SecretMask;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One anti-pattern seen in one place.
 *
 * @param check the rubric check id that produced it
 * @param area the area id of that check
 * @param severity how bad it is
 * @param message one sentence a reader understands without the rest of the report
 * @param subject what the finding is about, normalised (a path, a schedule id, an environment pair); never a line
 *     number, so that moving code keeps the fingerprint
 * @param evidence where to look
 * @param remediation what to do next
 * @param fingerprint stable id: a hash of check id and subject
 * @param waiver the waiver that accepts this finding, or {@code null}; a waived finding is shown, never hidden
 */
public record Finding(String check, String area, Severity severity, String message, String subject,
        List<Evidence> evidence, String remediation, String fingerprint, Waiver waiver) {

    /** Every text taken from a repository is masked here, once, so no output can show a secret value. */
    public Finding {
        message = SecretMask.text(message);
        subject = SecretMask.text(subject);
        remediation = SecretMask.text(remediation);
        evidence = List.copyOf(evidence);
    }

    public static Finding of(String check, String area, Severity severity, String message, String subject,
            List<Evidence> evidence, String remediation) {
        return new Finding(check, area, severity, message, subject, evidence, remediation,
                fingerprint(check, subject), null);
    }

    /**
     * This finding with its fingerprint computed from another subject than the one it shows. A finding about a person
     * shows the person's pseudonym, which changes with the pseudonym key (and with {@code devops.showNames}); its
     * fingerprint must not, or a baseline would break when the key does. The text given here is key-independent and
     * never written out — but it is a function of the person, so whoever guesses the person can recompute the
     * fingerprint.
     */
    public Finding withFingerprintOf(String fingerprintSubject) {
        return new Finding(check, area, severity, message, subject, evidence, remediation,
                fingerprint(check, fingerprintSubject), waiver);
    }

    public Finding withWaiver(Waiver w) {
        return new Finding(check, area, severity, message, subject, evidence, remediation, fingerprint, w);
    }

    public boolean waived() {
        return waiver != null;
    }

    /**
     * The fingerprint ignores case and path separators in the subject so that a finding on "Src\\Main" on Windows and
     * "src/main" elsewhere is the same finding.
     */
    public static String fingerprint(String check, String subject) {
        String normalised = check + "\u0000" + (subject == null ? "" : subject.replace('\\', '/').trim()
                .toLowerCase(Locale.ROOT));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
