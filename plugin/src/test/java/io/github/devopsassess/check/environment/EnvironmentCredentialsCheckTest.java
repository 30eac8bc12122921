package io.github.devopsassess.check.environment;

import io.github.devopsassess.engine.CheckRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.scan.environment.EnvironmentFixtures;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentCredentialsCheckTest {

    /** The literal secret values in the fixtures; none may appear anywhere the plugin keeps or prints. */
    private static final List<String> SECRETS = List.of("dotenv-Fixture-Token-99", "spring-Fixture-Pw-13",
            "c3ByaW5nLUZpeHR1cmUtSnd0LTg4", "kustomize-Fixture-Pw-42", "tf-Fixture-Pw-77");

    private final EnvironmentCredentialsCheck check = new EnvironmentCredentialsCheck();

    @Test
    void committedDotEnvAndLiteralCredentialsAreFoundByKeyAndLine(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("secrets", dir);
        CheckResult result = CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(EnvironmentCredentialsCheck.ID));

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.area()).isEqualTo("access-control");
        assertThat(result.findings()).extracting(Finding::subject).containsExactly(".env",
                "src/main/resources/application-prod.yml app.jwt.base64-secret",
                "src/main/resources/application-prod.yml spring.datasource.password");
        assertThat(result.findings()).flatExtracting(Finding::evidence).extracting(Evidence::label).containsExactly(
                ".env:2 — credential key API_TOKEN",
                "src/main/resources/application-prod.yml:7 — key app.jwt.base64-secret",
                "src/main/resources/application-prod.yml:3 — key spring.datasource.password");
        // placeholders, references, numbers and empty values are not credentials; .env.example is a template
        assertThat(result.findings()).extracting(Finding::message).noneMatch(m -> m.contains("mail.password")
                || m.contains("token-validity") || m.contains("client-secret") || m.contains(".env.example"));
        assertNoSecretLeaks(facts, result);
    }

    @Test
    void generatorLiteralsAndTerragruntInputs(@TempDir Path dir) {
        Facts kustomize = EnvironmentFixtures.scan("kustomize", dir.resolve("k"));
        CheckResult k = CheckRunner.evaluate(check, kustomize, EnvironmentFixtures.settings(EnvironmentCredentialsCheck.ID));
        assertThat(k.findings()).extracting(Finding::subject).containsExactly(
                "components/shop/base/kustomization.yaml secretGenerator.shop-db.DB_PASSWORD");
        assertNoSecretLeaks(kustomize, k);

        Facts terraform = EnvironmentFixtures.scan("terraform", dir.resolve("t"));
        CheckResult t = CheckRunner.evaluate(check, terraform, EnvironmentFixtures.settings(EnvironmentCredentialsCheck.ID));
        assertThat(t.findings()).extracting(Finding::subject).containsExactly(
                "live/env/prod/terragrunt.hcl inputs.db_password");
        assertNoSecretLeaks(terraform, t);
    }

    @Test
    void cleanDefinitionsPass(@TempDir Path dir) {
        CheckResult result = CheckRunner.evaluate(check, EnvironmentFixtures.scan("helm", dir),
                EnvironmentFixtures.settings(EnvironmentCredentialsCheck.ID));
        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
    }

    private static void assertNoSecretLeaks(Facts facts, CheckResult result) {
        String everything = facts.find(EnvironmentFacts.class).orElseThrow() + "\n" + facts.problems() + "\n"
                + result;
        for (String secret : SECRETS) {
            assertThat(everything).doesNotContain(secret);
        }
    }
}
