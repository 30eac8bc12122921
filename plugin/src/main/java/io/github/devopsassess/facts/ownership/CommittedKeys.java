package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * Private keys committed to the repository: PEM blocks ({@code -----BEGIN … PRIVATE KEY-----}) with a key body, in
 * key files ({@code .pem}, {@code .key}, {@code id_rsa} …) outside tests, fixtures, examples and documentation. Test
 * keys and the placeholders of documentation are counted apart, so a reader sees what was left out.
 *
 * @param keys the committed keys, in path order
 * @param leftOut keys in test, fixture, example or documentation folders, sorted (not judged)
 * @param filesRead how many key files were read
 */
public record CommittedKeys(List<Key> keys, List<String> leftOut, int filesRead) {

    public CommittedKeys {
        keys = List.copyOf(keys);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * One committed private key.
     *
     * @param path the file
     * @param line the line of its BEGIN marker
     * @param kind what the marker names: {@code RSA PRIVATE KEY}, {@code OPENSSH PRIVATE KEY}, {@code PRIVATE KEY} …
     * @param encrypted whether the key is encrypted with a passphrase ({@code ENCRYPTED PRIVATE KEY}, {@code Proc-Type:
     *     4,ENCRYPTED})
     */
    public record Key(String path, int line, String kind, boolean encrypted) {
    }
}
