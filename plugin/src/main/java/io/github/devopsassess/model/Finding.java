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
 * @param since the commit that introduced the oldest line its evidence points at, or {@code null} when its evidence
 *     has no line (a finding about something missing), the history is unknown or shallow, or the line was changed
 *     since the assessed commit
 */
public record Finding(String check, String area, Severity severity, String message, String subject,
        List<Evidence> evidence, String remediation, String fingerprint, Waiver waiver, Since since) {

    /** Every text taken from a repository is masked here, once, so no output can show a secret value. */
    public Finding {
        message = SecretMask.text(message);
        subject = SecretMask.text(subject);
        remediation = SecretMask.text(remediation);
        evidence = List.copyOf(evidence);
    }

    /** A finding whose origin is not (yet) known. */
    public Finding(String check, String area, Severity severity, String message, String subject,
            List<Evidence> evidence, String remediation, String fingerprint, Waiver waiver) {
        this(check, area, severity, message, subject, evidence, remediation, fingerprint, waiver, null);
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
                fingerprint(check, fingerprintSubject), waiver, since);
    }

    public Finding withWaiver(Waiver w) {
        return new Finding(check, area, severity, message, subject, evidence, remediation, fingerprint, w, since);
    }

    /** This finding with its evidence replaced (located, ranged), everything else kept. */
    public Finding withEvidence(List<Evidence> places) {
        return new Finding(check, area, severity, message, subject, places, remediation, fingerprint, waiver, since);
    }

    /** This finding with the commit since which it has been true; see {@link #since()}. */
    public Finding withSince(Since s) {
        return new Finding(check, area, severity, message, subject, evidence, remediation, fingerprint, waiver, s);
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
