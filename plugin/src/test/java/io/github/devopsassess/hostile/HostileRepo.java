package io.github.devopsassess.hostile;

import static io.github.devopsassess.testing.HostileText.PAYLOADS;
import static io.github.devopsassess.testing.HostileText.SECRET;

import io.github.devopsassess.testing.HostileText;
import io.github.devopsassess.testing.TestRepo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A repository written by an attacker: every field that can reach a report carries markup payloads, and credentials
 * carrying {@link HostileText#SECRET} are planted in every format a scanner reads.
 */
final class HostileRepo {

    private HostileRepo() {
    }

    /** Builds the repository in {@code dir/repo} and a rubric with custom checks on the secrets in {@code dir}. */
    static Path build(Path dir) {
        Path root = dir.resolve("repo");
        try (TestRepo repo = TestRepo.init(root)) {
            int i = 0;
            for (String p : PAYLOADS) {
                String name = HostileText.fileName(p);
                repo.write("src/" + name + "/Main.java", "class Main { /* " + p + " */ }\n");
                // A malformed workflow per payload: its path reaches the site as a parse problem.
                repo.write(".github/workflows/" + name + ".yml", "name: [unclosed\n");
                repo.commit(p, "x" + i + "+" + p.replace('\n', ' ') + "@example.org", p);
                i++;
            }
            repo.write(".github/workflows/deploy.yml", workflow());
            repo.write(".github/CODEOWNERS", codeowners());
            repo.write("oncall.yaml", oncall());
            repo.write("postmortems/2024-03-01-outage.md", postmortem());
            repo.write(".env", "DB_PASSWORD=" + SECRET + "\nGITHUB_TOKEN=ghp_" + SECRET + "\n");
            repo.write("src/main/resources/application-prod.yml", "spring:\n  datasource:\n    url: jdbc:pg://db\n"
                    + "    password: " + SECRET + "\naws:\n  secret-access-key: AKIA" + SECRET + "\n");
            repo.write("src/main/resources/application-dev.yml", "spring:\n  datasource:\n    url: jdbc:h2:mem\n"
                    + "    password: dev" + SECRET + "\n");
            repo.write("infra/prod.tfvars", "db_password = \"" + SECRET + "\"\napi_token = \"tok" + SECRET + "\"\n");
            repo.write("infra/dev.tfvars", "db_password = \"d" + SECRET + "\"\n");
            repo.write("keys/deploy.pem", "-----BEGIN RSA PRIVATE KEY-----\n" + SECRET
                    + "\n-----END RSA PRIVATE KEY-----\n");
            repo.commit("Mallory", "mallory@example.org", "configuration");
        }
        write(dir.resolve("rubric.yaml"), """
                version: 1
                name: hostile
                extends: default
                checks:
                  password-from-vault:
                    area: access-control
                    title: Passwords come from the vault
                    severity: high
                    type: yaml-path
                    files: "src/main/resources/application-*.yml"
                    require: spring.datasource.password == "${DB_PASSWORD}"
                    remediation: Read the password from the vault.
                  aws-key-from-vault:
                    area: access-control
                    title: AWS keys come from the vault
                    severity: high
                    type: yaml-path
                    files: "src/main/resources/application-prod.yml"
                    require: aws.secret-access-key == "${AWS_KEY}"
                    remediation: Read the key from the vault.
                """);
        return root;
    }

    private static String workflow() {
        StringBuilder y = new StringBuilder("name: \"" + yaml(PAYLOADS.get(0)) + "\"\non: [push]\n");
        y.append("env:\n  API_TOKEN: ").append(SECRET).append("\n");
        y.append("jobs:\n");
        int i = 0;
        for (String p : PAYLOADS) {
            y.append("  job").append(i).append(":\n");
            y.append("    name: \"").append(yaml(p)).append("\"\n");
            y.append("    runs-on: ubuntu-latest\n");
            y.append("    environment:\n      name: \"production ").append(yaml(p)).append("\"\n");
            y.append("    container: \"").append(yaml(p.replace(' ', '-'))).append(":latest\"\n");
            y.append("    env:\n      DEPLOY_PASSWORD: ").append(SECRET).append("\n");
            y.append("    steps:\n");
            y.append("      - uses: \"evil/").append(yaml(HostileText.fileName(p).replace(' ', '-')))
                    .append("@main\"\n");
            y.append("      - name: \"deploy ").append(yaml(p)).append("\"\n");
            y.append("        run: ./deploy.sh --token ").append(SECRET).append("\n");
            y.append("        env:\n          AWS_SECRET_ACCESS_KEY: AKIA").append(SECRET).append("\n");
            i++;
        }
        return y.toString();
    }

    private static String codeowners() {
        StringBuilder c = new StringBuilder();
        for (String p : PAYLOADS) {
            c.append("/src/").append(HostileText.fileName(p).replace(" ", "\\ ")).append("/ @")
                    .append(p.replace(' ', '-').replace('\n', '-')).append("\n");
        }
        c.append("/infra/ @solo\n");
        return c.toString();
    }

    private static String oncall() {
        StringBuilder y = new StringBuilder("timezone: UTC\npeople:\n");
        for (int i = 0; i < PAYLOADS.size(); i++) {
            y.append("  - id: p").append(i).append("\n    name: \"").append(yaml(PAYLOADS.get(i))).append("\"\n");
        }
        y.append("""
                rotations:
                  - id: primary
                    name: "%s"
                    members: [p0]
                    handoff: "2024-01-01T09:00:00+00:00"
                    turn: 1w
                escalations:
                  - id: checkout
                    levels:
                      - targets: [rotation:primary]
                services:
                  - id: checkout
                    name: "%s"
                    production: true
                    escalation: checkout
                    api_token: %s
                """.formatted(yaml(PAYLOADS.get(1)), yaml(PAYLOADS.get(2)), SECRET));
        return y.toString();
    }

    private static String postmortem() {
        StringBuilder m = new StringBuilder("""
                ---
                incident-date: 2024-03-01
                severity: P1
                status: complete
                ---
                # Outage %s

                ## Summary

                Checkout was down.

                ## Root Causes

                """.formatted(PAYLOADS.get(0)));
        for (String p : PAYLOADS) {
            m.append("Human error: Bob carelessly ran the script ").append(p.replace('\n', ' ')).append(".\n\n");
        }
        m.append("Bob pasted password=").append(SECRET).append(" into the chat.\n\n");
        m.append("## Action Items\n\n| Action Item | Type | Owner | Status |\n| --- | --- | --- | --- |\n");
        for (String p : PAYLOADS) {
            m.append("| Fix ").append(p.replace('\n', ' ').replace("|", "\\|")).append(" | prevent | ")
                    .append(p.replace('\n', ' ').replace("|", "\\|")).append(" | open |\n");
        }
        return m.toString();
    }

    private static String yaml(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
