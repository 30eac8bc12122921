package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.ownership.CommittedKeys;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds private keys committed as files. Only files named like keys are read ({@code .pem}, {@code .key}, {@code .p8},
 * {@code .pk8}, {@code .ppk}, {@code id_rsa}, {@code id_dsa}, {@code id_ecdsa}, {@code id_ed25519}), so a large
 * repository costs a name match per file; a PEM block counts only with a key body (base64 lines), so a documented
 * placeholder ({@code -----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----}) is not a key. Keys under tests,
 * fixtures, examples and documentation are listed apart: a test's key or a sample's key is how many projects test TLS.
 */
final class PrivateKeyFiles {

    private static final Pattern KEY_NAME = Pattern.compile(
            "(?i)(\\.(pem|key|p8|pk8|ppk)|(^|/)id_(rsa|dsa|ecdsa|ed25519))$");
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----");
    private static final Pattern PUTTY = Pattern.compile("^PuTTY-User-Key-File-\\d+:");
    private static final Pattern BASE64_LINE = Pattern.compile("^[A-Za-z0-9+/=]{40,}$");
    private static final Pattern NOT_LIVE = Pattern.compile(
            "(?i)(^|/)(tests?|testdata|test-data|test_data|fixtures?|spec|examples?|samples?|demos?|docs?|"
                    + "testing|mocks?|__tests__|src/test|src/it)/");

    private final List<CommittedKeys.Key> keys = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private int filesRead;

    CommittedKeys read(RepoTree tree) {
        for (String path : tree.files()) {
            if (!KEY_NAME.matcher(path).find()) {
                continue;
            }
            RepoTree.TextRead text = tree.readText(path);
            if (!text.ok()) {
                continue; // a binary DER key or keystore is not read
            }
            filesRead++;
            CommittedKeys.Key key = key(path, text.text());
            if (key == null) {
                continue;
            }
            if (NOT_LIVE.matcher(path).find() || path.toLowerCase(Locale.ROOT).contains("dummy")) {
                leftOut.add(path);
            } else {
                keys.add(key);
            }
        }
        return new CommittedKeys(keys, leftOut.stream().sorted().toList(), filesRead);
    }

    /** The first private key of a file with a real body, or {@code null}. */
    static CommittedKeys.Key key(String path, String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            Matcher m = BEGIN.matcher(line);
            boolean putty = PUTTY.matcher(line).find();
            if (!m.find() && !putty) {
                continue;
            }
            String kind = putty ? "PUTTY PRIVATE KEY" : m.group(1);
            boolean encrypted = kind.startsWith("ENCRYPTED");
            int body = 0;
            for (int j = i + 1; j < lines.length && j < i + 200; j++) {
                String l = lines[j].trim();
                if (l.startsWith("-----END")) {
                    break;
                }
                if (l.startsWith("Proc-Type:") && l.contains("ENCRYPTED") || l.startsWith("Encryption:")
                        && !l.endsWith("none")) {
                    encrypted = true;
                }
                if (BASE64_LINE.matcher(l).matches()) {
                    body++;
                }
            }
            if (body >= 2) {
                return new CommittedKeys.Key(path, i + 1, kind, encrypted);
            }
        }
        return null;
    }
}
