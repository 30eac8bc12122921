package io.github.devopsassess.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.gate.Summary;
import io.github.devopsassess.mask.SecretMask;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.report.AssessmentJson;
import io.github.devopsassess.testing.TestRepo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository that plants ten secrets in ten formats (and one in a commit message) is assessed through the
 * {@code assess} goal; no output file, log line or step summary may contain any of the values, while the keys and
 * the lines around them are still shown, masked.
 */
@MojoTest
class SecretsInOutputsTest {

    @TempDir
    Path temp;

    /** Key (as it stands on the line shown) → planted value. Tokens are assembled so no full one is in the source. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMIK7MDENG" + "bPxRfiCYQz8Lm2Kp4Nv");
        SECRETS.put("spring.datasource.password", "Tr0ub4dor-" + "prod-77");
        SECRETS.put("apiToken", "pr0d-Api-" + "T0ken-2931");
        SECRETS.put("\"GITHUB_TOKEN\"", "ghp_" + "8Xk2Lr0PqZ7sW1mN4vB6cY9tH3jD5fG0aE2u");
        SECRETS.put("db_password", "Hcl-Pa55" + "w0rd-prod");
        SECRETS.put("SLACK_BOT_TOKEN", "xoxb-" + "2741883012-5539102843-Qm7Zx4Lp9Rk2Tw");
        SECRETS.put("STRIPE_API_KEY", "sk_live_" + "51Hq8Tz3Lk9Pw2Xv7Rm4Nc6B");
        SECRETS.put("DEPLOY_PASSWORD", "ci-env-" + "s3cret-4471");
        SECRETS.put("POSTGRES_PASSWORD", "compose-" + "s3cret-99");
        SECRETS.put("SERVICE_JWT", "eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiJkZXBsb3kifQ.SflKxw9RJ4fwpMeJf36POk6y");
    }

    private static final String COMMIT_TOKEN = "glpat-" + "x7Pq2Zr9Kd4WvT1mLs8N";

    private static String v(String key) {
        return SECRETS.get(key);
    }

    private Path repository() {
        Path work = temp.resolve("work");
        try (TestRepo repo = TestRepo.init(work)) {
            repo.write(".env", "# local settings\nAWS_REGION=eu-west-1\nAWS_SECRET_ACCESS_KEY=" + v(
                    "AWS_SECRET_ACCESS_KEY") + "\nLOG_LEVEL=debug\n");
            repo.write("config/prod/application-prod.properties", "server.port=8080\nspring.datasource.url="
                    + "jdbc:postgresql://db.prod.internal:5432/app\nspring.datasource.username=app\n"
                    + "spring.datasource.password=" + v("spring.datasource.password") + "\nlogging.level.root=warn\n");
            repo.write("config/dev/application-dev.properties", "server.port=8080\nspring.datasource.url="
                    + "jdbc:postgresql://localhost:5432/app\nspring.datasource.username=app\n"
                    + "spring.datasource.password=${DB_PASSWORD}\nlogging.level.root=debug\n");
            repo.write("helm/values-prod.yaml", "replicaCount: 3\nimage:\n  repository: example/app\n  tag: latest\n"
                    + "apiToken: \"" + v("apiToken") + "\"\nresources: {}\n");
            repo.write("helm/values-dev.yaml", "replicaCount: 1\nimage:\n  repository: example/app\n  tag: dev\n"
                    + "apiToken: \"{{ .Values.dev.token }}\"\n");
            repo.write(".devcontainer/devcontainer.json", "{\n  \"name\": \"app\",\n  \"image\": "
                    + "\"mcr.microsoft.com/devcontainers/java:latest\",\n  \"containerEnv\": {\n    \"GITHUB_TOKEN\": \""
                    + v("\"GITHUB_TOKEN\"") + "\"\n  }\n}\n");
            repo.write("terraform/prod.tfvars", "region = \"eu-west-2\"\ninstance_type = \"m5.large\"\ndb_password = \""
                    + v("db_password") + "\"\n");
            repo.write("terraform/stage.tfvars", "region = \"eu-west-2\"\ninstance_type = \"t3.small\"\n"
                    + "db_password = var.stage_db_password\n");
            // runtime-version-drift points at the FROM line (17 here, 21 in .java-version); the key is one below
            repo.write(".java-version", "21\n");
            repo.write("Dockerfile", "FROM eclipse-temurin:17-jre\nENV STRIPE_API_KEY=" + v("STRIPE_API_KEY")
                    + "\nCOPY target/app.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
            // workflow-token-permissions points at line 5, unpinned-actions at the uses: line
            repo.write(".github/workflows/deploy.yml", "name: deploy\non: push\nenv:\n  DEPLOY_PASSWORD: "
                    + v("DEPLOY_PASSWORD") + "\npermissions: write-all\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n"
                    + "    env:\n      REGISTRY_TOKEN: ${{ secrets.REGISTRY }}\n    steps:\n"
                    + "      - run: export SLACK_BOT_TOKEN=" + v("SLACK_BOT_TOKEN") + " && ./notify.sh\n"
                    + "      - uses: someone/deploy-action@master\n        with: { token: \"${{ secrets.DEPLOY }}\" }\n");
            repo.write("docker-compose.prod.yml", "services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD="
                    + v("POSTGRES_PASSWORD") + "\n    image: postgres:latest\n  app:\n    image: example/app:latest\n");
            // unpinned-images points at the image: line, one below the variable
            repo.write(".gitlab-ci.yml", "deploy:\n  variables:\n    SERVICE_JWT: " + v("SERVICE_JWT")
                    + "\n  image: node:latest\n  script:\n    - ./deploy.sh\n  when: manual\n");
            repo.commit("Ann", "ann@example.org", "Add the service");
            repo.write("README.md", "# app\n").commit("Ann", "ann@example.org", "Rotate " + COMMIT_TOKEN
                    + " after it leaked");
        }
        return work;
    }

    @Test
    @InjectMojo(goal = "assess", pom = "src/test/resources/unit/assess/pom.xml")
    void noPlantedValueReachesAnyOutputWhileKeysAndLinesStayVisible(AssessMojo mojo) throws Exception {
        Path out = temp.resolve("out");
        MojoExtension.setVariableValueToObject(mojo, "repository", repository().toFile());
        MojoExtension.setVariableValueToObject(mojo, "output", out.toFile());
        MojoExtension.setVariableValueToObject(mojo, "baseline", temp.resolve("devops-baseline.json").toFile());
        MojoExtension.setVariableValueToObject(mojo, "cache", temp.resolve("cache").toFile());
        MojoExtension.setVariableValueToObject(mojo, "maxFileSize", 8L * 1024 * 1024);
        MojoExtension.setVariableValueToObject(mojo, "lineCounts", "auto");
        MojoExtension.setVariableValueToObject(mojo, "failOnRegression", false);
        MojoExtension.setVariableValueToObject(mojo, "trendPoints", 2);
        // A team's own json-path check points at the token's line in the dev container definition.
        Path rubric = temp.resolve("devops-rubric.yaml");
        Files.writeString(rubric, "version: 1\nextends: default\nchecks:\n  dev-token-from-host:\n"
                + "    area: access-control\n    title: The dev container takes tokens from the host\n"
                + "    severity: high\n    type: json-path\n    files: .devcontainer/devcontainer.json\n"
                + "    require: containerEnv.GITHUB_TOKEN == \"${localEnv:GITHUB_TOKEN}\"\n"
                + "    remediation: Pass the token from the host with ${localEnv:GITHUB_TOKEN}.\n");
        MojoExtension.setVariableValueToObject(mojo, "rubric", rubric.toString());
        List<String> log = new ArrayList<>();
        mojo.setLog(new CapturingLog(log));

        mojo.execute();

        Assessment assessment = AssessmentJson.read(out.resolve("assessment.json"));
        Map<String, String> outputs = new LinkedHashMap<>();
        try (Stream<Path> files = Stream.concat(Files.walk(out), Files.walk(temp.resolve("cache")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                outputs.put(temp.relativize(f).toString(), readAny(f));
            }
        }
        outputs.put("the log", String.join("\n", log));
        outputs.put("the step summary", Summary.markdown(assessment, Optional.empty()));
        outputs.put("the console summary", String.join("\n", Summary.console(assessment, Optional.empty())));
        assertThat(outputs).containsKeys("out/assessment.json", "out/devops.sarif", "out/devops-junit.xml",
                "out/site/index.html");
        assertThat(outputs.keySet()).anyMatch(k -> k.startsWith("cache/"));

        List<String> planted = new ArrayList<>(SECRETS.values());
        planted.add(COMMIT_TOKEN);
        outputs.forEach((file, text) -> assertThat(text).as(file).doesNotContain(planted));

        // Each value's line is shown, masked, with its key: the excerpt kept the line and hid only the value.
        List<String> excerptLines = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(out.resolve("site"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                for (Element line : Jsoup.parse(page.toFile(), "UTF-8").select("pre.excerpt span.line")) {
                    excerptLines.add(line.text());
                }
            }
        }
        for (String key : SECRETS.keySet()) {
            assertThat(excerptLines).as("an excerpt line with %s", key)
                    .anyMatch(l -> l.contains(key) && l.contains(SecretMask.MASK));
        }
        // ...and the non-secret lines around them stay as they are, references to secrets included
        assertThat(excerptLines).anyMatch(l -> l.contains("image: postgres:latest"))
                .anyMatch(l -> l.contains("FROM eclipse-temurin:17-jre"))
                .anyMatch(l -> l.contains("permissions: write-all"))
                .anyMatch(l -> l.contains("\"containerEnv\": {"))
                .anyMatch(l -> l.contains("spring.datasource.username=app"))
                .anyMatch(l -> l.contains("with: { token: \"${{ secrets.DEPLOY }}\" }"));
    }

    private static String readAny(Path f) throws IOException {
        // ISO-8859-1 maps every byte to one character, so an ASCII value is found in binary files (the cache) too
        byte[] bytes = Files.readAllBytes(f);
        return new String(bytes, StandardCharsets.UTF_8) + "\n" + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Keeps every line the goal logs, at every level. */
    private static final class CapturingLog extends SystemStreamLog {
        private final List<String> lines;

        CapturingLog(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void debug(CharSequence content) {
            lines.add(String.valueOf(content));
        }

        @Override
        public void info(CharSequence content) {
            lines.add(String.valueOf(content));
        }

        @Override
        public void warn(CharSequence content) {
            lines.add(String.valueOf(content));
        }

        @Override
        public void error(CharSequence content) {
            lines.add(String.valueOf(content));
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }
    }
}
