package io.github.devopsassess.mask;

import static io.github.devopsassess.mask.SecretMask.MASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskTest {

    // Values assembled at run time so that no complete token stands in this source file.
    private static final String AWS_ID = "AKIA" + "Q3EGRFT7OLSY5WXZ";
    private static final String GITHUB = "ghp_" + "8Xk2Lr0PqZ7sW1mN4vB6cY9tH3jD5fG0aE2u";
    private static final String GITLAB = "glpat-" + "x7Pq2Zr9Kd4WvT1mLs8N";
    private static final String SLACK = "xoxb-" + "2741883012-5539102843-Qm7Zx4Lp9Rk2Tw";
    private static final String STRIPE = "sk_live_" + "51Hq8Tz3Lk9Pw2Xv7Rm4Nc6B";
    private static final String GOOGLE = "AIza" + "SyD8x3Lq9Zr7Pk2Wm4Tv6Nb1Hc5Jf0Ge3Ya";
    private static final String JWT = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0.SflKxw9RJ4fwpMeJf36POk6yJV";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // .env and shell
        "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLE  | AWS_SECRET_ACCESS_KEY=" + MASK,
        "export DB_PASSWORD='hunter2'                                | export DB_PASSWORD='" + MASK + "'",
        "DB_PASS=hunter2                                             | DB_PASS=" + MASK,
        // properties
        "spring.datasource.password=s3cr3t-Pa55                      | spring.datasource.password=" + MASK,
        "spring.datasource.password: s3cr3t                          | spring.datasource.password: " + MASK,
        // YAML, CI env blocks and compose
        "    password: hunter2 # the old one                         |     password: " + MASK + " # the old one",
        "      API_TOKEN: \"abc-def-ghi\"                            |       API_TOKEN: \"" + MASK + "\"",
        "      - POSTGRES_PASSWORD=postgres123                       |       - POSTGRES_PASSWORD=" + MASK,
        // JSON
        "  \"client_secret\": \"Zm9vYmFy\",                          |   \"client_secret\": \"" + MASK + "\",",
        "{\"password\":\"hunter2\",\"user\":\"app\"}                 | {\"password\":\"" + MASK + "\",\"user\":\"app\"}",
        // HCL
        "  password = \"hunter2\"                                    |   password = \"" + MASK + "\"",
        // Dockerfile
        "ENV API_KEY=abcdef123                                       | ENV API_KEY=" + MASK,
        "ENV API_KEY abcdef123                                       | ENV API_KEY " + MASK,
        "ARG NPM_TOKEN=abcdef123                                     | ARG NPM_TOKEN=" + MASK,
        // XML and command lines
        "<password>hunter2</password>                                | <password>" + MASK + "</password>",
        "psql --password hunter2 -h db                               | psql --password " + MASK + " -h db",
        "run --db-password=hunter2 --verbose                         | run --db-password=" + MASK + " --verbose",
        // URLs with a password
        "url: postgres://app:hunter2@db.internal:5432/prod           | url: postgres://app:" + MASK + "@db.internal:5432/prod",
    })
    void masksTheValueAndKeepsTheKeyAndTheLine(String line, String expected) {
        assertThat(SecretMask.line(line)).isEqualTo(expected);
    }

    @Test
    void masksKnownTokenFormatsWhateverTheKey() {
        for (String token : List.of(AWS_ID, GITHUB, GITLAB, SLACK, STRIPE, GOOGLE, JWT)) {
            String line = "  some_setting: " + token + " # see wiki";
            assertThat(SecretMask.line(line)).as(token).isEqualTo("  some_setting: " + MASK + " # see wiki");
            assertThat(SecretMask.line("curl -d x=1 " + token)).as(token).doesNotContain(token);
        }
        assertThat(SecretMask.line("url: https://hooks.slack.com/services/T0001/B0001/Xyz0123456789abcdefghij"))
                .isEqualTo("url: https://hooks.slack.com/services/" + MASK);
        assertThat(SecretMask.line("-H \"Authorization: Bearer 9f8e7d6c5b4a3f2e1d0c\""))
                .isEqualTo("-H \"Authorization: Bearer " + MASK + "\"");
    }

    @Test
    void masksTheBodyOfAPrivateKeyBlockOnOneLineOrAcrossLines() {
        String json = "  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n"
                + "-----END PRIVATE KEY-----\\n\",";
        assertThat(SecretMask.line(json)).doesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")
                .contains("\"private_key\"", "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----");
        List<String> pem = List.of("key: |", "  -----BEGIN RSA PRIVATE KEY-----", "  MIIEowIBAAKCAQEA0Z3VS5JJcds",
                "  qZ0Zx7aQ1s3VpL", "  -----END RSA PRIVATE KEY-----", "other: visible");
        assertThat(SecretMask.lines(pem)).containsExactly("key: |", "  -----BEGIN RSA PRIVATE KEY-----",
                "  " + MASK, "  " + MASK, "  -----END RSA PRIVATE KEY-----", "other: visible");
    }

    @Test
    void masksASecretKeysYamlBlockScalarOnTheLinesBelow() {
        List<String> yaml = List.of("db:", "  password: |", "    hunter2", "  user: app");
        assertThat(SecretMask.lines(yaml)).containsExactly("db:", "  password: |", "    " + MASK, "  user: app");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "      DB_PASSWORD: ${{ secrets.DB_PASSWORD }}",
        "password: ${DB_PASSWORD}",
        "password: $DB_PASSWORD",
        "  password: {{ .Values.db.password }}",
        "              key: password",
        "            secretKeyRef:",
        "  API_CLIENT_SECRET: \"API_CLIENT_SECRET\"",
        "  api_client_secret: API_CLIENT_SECRET",
        "  db_password_secret_arn = \"arn:aws:secretsmanager:eu-west-2:123456789012:secret:db\"",
        "  password = var.db_password",
        "  password = random_password.db.result",
        "  password: vault:secret/data/db#password",
        "  token-validity-in-seconds: 86400",
        "  secret-name: github-private-key",
        "  password_file: /run/secrets/db",
        "  passwordless: true",
        "  DB_PASSWORD=",
        "  - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11",
        "    image: ghcr.io/example/app@sha256:0d6f0aeb2c4b1f3e5a7c9d2b4f6e8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f",
        "FROM eclipse-temurin:17.0.9_9-jdk-alpine",
        "  id: 550e8400-e29b-41d4-a716-446655440000",
        "src/main/java/io/github/devopsassess/report/sections/EnvironmentsSection.java",
        "db/migration/V20230101__Create_Users_Table.sql",
        "Use basic authentication only behind the VPN",
        "  url: https://user@example.com/repo.git",
        "  password: \"${{ secrets.PW }}\"",
        "    secrets: inherit",
        "Calls with `secrets: inherit`, which passes every secret",
        "postmortems/PM2025-004 - Logs not shipped to CloudWatch.md",
    })
    void leavesReferencesAndOrdinaryLinesVisible(String line) {
        assertThat(SecretMask.line(line)).isEqualTo(line);
    }

    @Test
    void standInsAndNamesOfSecretsAreNotCredentials() {
        assertThat(SecretMask.isPlaceholder("POSTGRES_PASSWORD", "postgres")).isTrue();
        assertThat(SecretMask.isPlaceholder("api_key", "I_am_not_a_secret")).isTrue();
        assertThat(SecretMask.isPlaceholder("token", "<your-token-here>")).isTrue();
        assertThat(SecretMask.isPlaceholder("client-secret", "clientsecret")).isTrue();
        assertThat(SecretMask.isPlaceholder("password", "qwe123")).isTrue();
        assertThat(SecretMask.isPlaceholder("password", "Tr0ub4dor-prod-77")).isFalse();
        assertThat(SecretMask.isPlaceholder("POSTGRES_PASSWORD", "prison-register")).isFalse();
        // the name of a Kubernetes secret's key, as HMPPS namespace_secrets maps them
        assertThat(SecretMask.isLiteralValue("SPRING_DATASOURCE_PASSWORD", "database_password")).isFalse();
        assertThat(SecretMask.isLiteralValue("dex_client_secret", "local.dex_client_secret")).isFalse();
        assertThat(SecretMask.isLiteralValue("privateKey", "{}")).isFalse();
        // a map written inline: its members are judged one by one
        assertThat(SecretMask.isLiteralValue("cluster_secrets", "{ JWT = local.secret_vars.jwt }")).isFalse();
    }

    @Test
    void maskingIsIdempotent() {
        String once = SecretMask.line("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLE");
        assertThat(SecretMask.line(once)).isEqualTo(once);
        assertThat(SecretMask.text("a\npassword: x1\r\nb")).isEqualTo("a\npassword: " + MASK + "\r\nb");
    }

    @Test
    void keysAreJudgedByTheirWords() {
        assertThat(List.of("password", "AWS_SECRET_ACCESS_KEY", "apiKey", "DB_PASS", "private_key", "clientSecret",
                "GITHUB_TOKEN", "ssh-passphrase")).allMatch(SecretMask::isSecretKey);
        assertThat(List.of("token-validity-in-seconds", "secret-name", "password_file", "key", "AWS_ACCESS_KEY_ID",
                "passwordPolicy", "user", "secret_arn", "env[0].valueFrom.secretKeyRef.key",
                "externalSecrets.refreshInterval", "secrets_namespace", "secretAnnotations", "passwordless"))
                .noneMatch(SecretMask::isSecretKey);
        assertThat(List.of("spring.datasource.password", "app.jwt.base64-secret", "secret_key_base", "x-api-key",
                "services.db.environment.POSTGRES_PASSWORD", "DBPASSWORD", "credentials"))
                .allMatch(SecretMask::isSecretKey);
    }

    @Test
    void randomLookingStringsAreMaskedAndWordsAreNot() {
        assertThat(SecretMask.looksRandom("wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLE")).isTrue();
        assertThat(SecretMask.looksRandom("q8Zr2Lk9Xw4Tm7Pv1Ns6")).isTrue();
        assertThat(SecretMask.looksRandom("b4ffde65f46336ab88eb53be808477a3936bae11")).isFalse(); // a commit id
        assertThat(SecretMask.looksRandom("ProductionEnvironmentProtectionCheck1")).isFalse();
        assertThat(SecretMask.looksRandom("V20230101__Create_Users_Table")).isFalse();
        assertThat(SecretMask.looksRandom("postmortems/PM2025-004")).isFalse();
        assertThat(SecretMask.looksRandom("Base64Encoder2Helper")).isFalse();
    }
}
