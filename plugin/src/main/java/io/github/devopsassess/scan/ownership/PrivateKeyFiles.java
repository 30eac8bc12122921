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
 * So are keys that say they are throwaway ones: by their name ({@code debug}, {@code test}, {@code example},
 * {@code dummy}, {@code fake}, {@code insecure}, {@code snakeoil}), by a comment in the key file outside the key block,
 * or by a README beside or above them that names their folder or file in a line calling them debug, test or example
 * keys, or saying not to use them in production.
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

    /** A file name that says the key is a throwaway one. */
    private static final Pattern THROWAWAY_NAME = Pattern.compile(
            "(?i)(^|[^a-z])(dummy|debug|test|testing|example|sample|fake|insecure|snakeoil)s?([^a-z]|$)");
    /** Words of a comment or README line that call a key a throwaway one. */
    private static final Pattern THROWAWAY_WORDS = Pattern.compile("(?i)(\\bdebug(ging)?\\b|\\btest(ing)?\\b"
            + "|\\btests\\b|\\bexamples?\\b|\\bsamples?\\b|\\bdummy\\b|\\bfake\\b|\\bdemo\\b"
            + "|(do not|don't|never) use[^.]*\\bin production|not (for|in) production|insecure)");
    private static final Pattern README = Pattern.compile("(?i)(^|/)readme(\\.[a-z]+)?$");

    private final List<CommittedKeys.Key> keys = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private int filesRead;

    CommittedKeys read(RepoTree tree) {
        List<String> readmes = tree.files().stream().filter(f -> README.matcher(f).find()).toList();
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
            if (NOT_LIVE.matcher(path).find() || path.toLowerCase(Locale.ROOT).contains("dummy")
                    || THROWAWAY_NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).find()
                    || saysThrowaway(outsideKeyBlocks(text.text())) || documentedAsThrowaway(tree, readmes, path)) {
                leftOut.add(path);
            } else {
                keys.add(key);
            }
        }
        return new CommittedKeys(keys, leftOut.stream().sorted().toList(), filesRead);
    }

    /** The lines of a key file outside its BEGIN … END blocks: where a comment about the key would be. */
    static String outsideKeyBlocks(String text) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : text.split("\\R")) {
            String l = line.trim();
            if (l.startsWith("-----BEGIN")) {
                inside = true;
            } else if (l.startsWith("-----END")) {
                inside = false;
            } else if (!inside && !l.isEmpty() && !l.startsWith("Proc-Type:") && !l.startsWith("DEK-Info:")) {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }

    private static boolean saysThrowaway(String text) {
        return !text.isBlank() && THROWAWAY_WORDS.matcher(text).find();
    }

    /**
     * Whether a README in the key's folder or one above it names the key's folder or file in a line that calls it a
     * debug, test or example key or says not to use it in production.
     */
    static boolean documentedAsThrowaway(RepoTree tree, List<String> readmes, String keyPath) {
        int slash = keyPath.lastIndexOf('/');
        String folder = slash < 0 ? "" : keyPath.substring(0, slash);
        String name = keyPath.substring(slash + 1);
        for (String readme : readmes) {
            int r = readme.lastIndexOf('/');
            String at = r < 0 ? "" : readme.substring(0, r);
            if (!at.isEmpty() && !(folder.equals(at) || folder.startsWith(at + "/"))) {
                continue; // a README elsewhere says nothing about this key
            }
            RepoTree.TextRead doc = tree.readText(readme);
            if (!doc.ok()) {
                continue;
            }
            String relFolder = at.isEmpty() ? folder : folder.equals(at) ? "" : folder.substring(at.length() + 1);
            for (String line : doc.text().split("\\R")) {
                String lower = line.toLowerCase(Locale.ROOT);
                boolean names = !relFolder.isEmpty() && lower.contains(relFolder.toLowerCase(Locale.ROOT))
                        || relFolder.isEmpty() && lower.contains(name.toLowerCase(Locale.ROOT))
                        || lower.contains(keyPath.toLowerCase(Locale.ROOT));
                if (names && THROWAWAY_WORDS.matcher(line).find()) {
                    return true;
                }
            }
        }
        return false;
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
