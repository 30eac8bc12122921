package io.github.devopsassess.check.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * committed-private-keys on the shapes a repository holds keys in: a service's TLS key beside the configuration that
 * points at it, an SSH deploy key, a test's key, a documented placeholder and a certificate (public, not a key).
 */
class CommittedPrivateKeysCheckTest {

    /** A syntactically plausible PEM body; not a key of anything. */
    private static final String BODY = ("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDFakeFakeFakeFake\n").repeat(6);

    private static String pem(String kind) {
        return "-----BEGIN " + kind + "-----\n" + BODY + "-----END " + kind + "-----\n";
    }

    @Test
    void keysOutsideTestsAreOneFindingThatNamesEachFileAndLine(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir,
                "docker/https/slalite.yml", "sslKeyPath: /etc/ssl/key.pem\nsslCertPath: /etc/ssl/cert.pem\n",
                "docker/https/key.pem", pem("PRIVATE KEY"),
                "docker/https/cert.pem", pem("CERTIFICATE").replace("PRIVATE KEY", "CERTIFICATE"),
                "deploy/id_rsa", "\n" + pem("RSA PRIVATE KEY"),
                "utils/testdata/key.pem", pem("PRIVATE KEY"),
                "src/test/resources/local-cert/server.key", pem("PRIVATE KEY"),
                "docs/bastion.key", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n");
        CheckResult r = AccessControlChecksTest.run(new CommittedPrivateKeysCheck(), facts);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("critical");
            assertThat(f.message()).startsWith("2 private keys are committed (deploy/id_rsa, docker/https/key.pem):");
            assertThat(f.message()).doesNotContain("MIIE");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine, Evidence::note).containsExactly(
                    tuple("deploy/id_rsa", 2, "RSA PRIVATE KEY"),
                    tuple("docker/https/key.pem", 1, "PRIVATE KEY"));
        });
        assertThat(r.summary()).isEqualTo("2 committed private keys; 2 key files of tests, fixtures, examples,"
                + " documentation or debugging not judged (src/test/resources/local-cert/server.key, utils/testdata/key.pem)");
    }

    @Test
    void anEncryptedKeyIsALesserFindingAndNoKeyPasses(@TempDir Path dir) throws Exception {
        Facts encrypted = AccessControlChecksTest.scan(dir.resolve("a"), "ops/backup.key", pem("ENCRYPTED PRIVATE KEY"));
        CheckResult warn = AccessControlChecksTest.run(new CommittedPrivateKeysCheck(), encrypted);
        assertThat(warn.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).endsWith("They are encrypted, so the passphrase is all that protects them.");
            assertThat(f.severity().id()).isNotEqualTo("critical");
        });

        Facts none = AccessControlChecksTest.scan(dir.resolve("b"), "tls/ca.pem", pem("CERTIFICATE"),
                "docs/bastion.key", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n");
        CheckResult pass = AccessControlChecksTest.run(new CommittedPrivateKeysCheck(), none);
        assertThat(pass.status()).isEqualTo(CheckStatus.PASS);
        assertThat(pass.findings()).isEmpty();
        assertThat(pass.summary()).isEqualTo("no private key in 2 key files");
    }

    @Test
    void aKeyTheReadmeCallsADebugKeyIsLeftOutWhileAnUndocumentedOneIsReported(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir,
                "README.md", """
                        # Service

                        ### Running with HTTPS ###

                        To run the service under HTTPS, supply a configuration file and the certificate files. You
                        will find these files in docker/https for debugging purposes. DO NOT USE THE CERT.PEM and
                        KEY.PEM in production!!

                            docker run -ti -p 8090:8090 -v $PWD/docker/https:/etc/svc svc

                        The production key in deploy/ssh is rotated by the platform team.
                        """,
                "docker/https/key.pem", pem("PRIVATE KEY"),
                "docker/https/cert.pem", pem("CERTIFICATE"),
                "deploy/ssh/id_ed25519", pem("OPENSSH PRIVATE KEY"));
        CheckResult r = AccessControlChecksTest.run(new CommittedPrivateKeysCheck(), facts);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("1 private key is committed (deploy/ssh/id_ed25519):");
            assertThat(f.evidence()).extracting(Evidence::path).containsExactly("deploy/ssh/id_ed25519");
        });
        assertThat(r.summary()).endsWith("1 key file of tests, fixtures, examples, documentation or debugging not"
                + " judged (docker/https/key.pem)");
    }

    @Test
    void keysNamedOrCommentedAsThrowawayAreLeftOutButALatestKeyIsNot(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir,
                "nginx/snakeoil.key", pem("PRIVATE KEY"),
                "config/jwt-test.pem", pem("RSA PRIVATE KEY"),
                "certs/server.key", "# self-signed example key for the local compose setup, not for production\n"
                        + pem("PRIVATE KEY"),
                "certs/latest.pem", "Bag Attributes\n    friendlyName: api\n" + pem("PRIVATE KEY"));
        CheckResult r = AccessControlChecksTest.run(new CommittedPrivateKeysCheck(), facts);
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).extracting(Evidence::path)
                .containsExactly("certs/latest.pem"));
        assertThat(r.summary()).endsWith("(certs/server.key, config/jwt-test.pem, nginx/snakeoil.key)");
    }
}
