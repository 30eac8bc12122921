package io.github.devopsassess.check.environment;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.check.environment.DevEnvironmentAsCodeCheck;
import io.github.devopsassess.check.environment.EnvironmentToolingCheck;
import io.github.devopsassess.check.environment.MissingEnvironmentCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.environment.EnvironmentFixtures;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** missing-environment, dev-environment-as-code and environment-tooling-parity. */
class EnvironmentDefinitionChecksTest {

    @Test
    void missingEnvironmentNamesWhereItExistsAndWhereItDoesNot() {
        Facts facts = new EnvironmentFactsBuilder()
                .define("spring", "app", "dev", "app/application-dev.yml", "a=1")
                .define("spring", "app", "staging", "app/application-staging.yml", "a=1")
                .define("spring", "app", "prod", "app/application-prod.yml", "a=1")
                .image("helm", "chart", "staging", "chart/values-staging.yaml", "shop:1")
                .image("helm", "chart", "prod", "chart/values-prod.yaml", "shop:1").build();
        CheckResult result = CheckRunner.evaluate(new MissingEnvironmentCheck(), facts,
                EnvironmentFixtures.settings(MissingEnvironmentCheck.ID));

        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("development missing in helm");
            assertThat(f.message()).startsWith("Development is defined in spring but not in helm (which defines "
                    + "pre-production, production)");
            assertThat(f.evidence()).extracting(Evidence::label).containsExactly(
                    "app/application-dev.yml:1 — development in spring",
                    "chart/values-staging.yaml:1 — helm defines pre-production, production only");
        });
    }

    @Test
    void missingEnvironmentNeedsTwoMultiEnvironmentSystems(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("helm", dir);
        assertThat(CheckRunner.evaluate(new MissingEnvironmentCheck(), facts,
                EnvironmentFixtures.settings(MissingEnvironmentCheck.ID)).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }

    @Test
    void productionAsCodeWithoutDevelopmentEnvironmentFails() {
        EnvironmentFactsBuilder builder = new EnvironmentFactsBuilder()
                .image("helm", "chart", "prod", "chart/values-prod.yaml", "shop:1")
                .define("spring", "app", "dev", "app/application-dev.yml", "a=1");
        DevEnvironmentAsCodeCheck check = new DevEnvironmentAsCodeCheck();
        CheckResult result = CheckRunner.evaluate(check, builder.build(), EnvironmentFixtures.settings(DevEnvironmentAsCodeCheck.ID));

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("development environment");
            assertThat(f.evidence().get(0).label()).isEqualTo("chart/values-prod.yaml:1 — production defined with helm");
            assertThat(f.evidence().get(1).note()).contains("devcontainer.json");
        });

        CheckResult withCompose = CheckRunner.evaluate(check, builder.devSetup("compose", "compose.yaml").build(),
                EnvironmentFixtures.settings(DevEnvironmentAsCodeCheck.ID));
        assertThat(withCompose.status()).isEqualTo(CheckStatus.PASS);
        assertThat(withCompose.summary()).contains("compose compose.yaml");
    }

    @Test
    void devEnvironmentAsCodeFromFixturesAndNotAssessedWithoutProduction(@TempDir Path dir) {
        DevEnvironmentAsCodeCheck check = new DevEnvironmentAsCodeCheck();
        // the Helm chart has values-dev.yaml: development is deployed with the same chart
        assertThat(CheckRunner.evaluate(check, EnvironmentFixtures.scan("helm", dir),
                EnvironmentFixtures.settings(DevEnvironmentAsCodeCheck.ID)).status()).isEqualTo(CheckStatus.PASS);
        Facts noProduction = new EnvironmentFactsBuilder()
                .define("spring", "app", "dev", "app/application-dev.yml", "a=1").build();
        assertThat(CheckRunner.evaluate(check, noProduction, EnvironmentFixtures.settings(DevEnvironmentAsCodeCheck.ID)).status())
                .isEqualTo(CheckStatus.NOT_ASSESSED);
    }

    @Test
    void differentDeploymentToolsFailForStagingAndWarnForDevelopment() {
        EnvironmentToolingCheck check = new EnvironmentToolingCheck();
        Facts staging = new EnvironmentFactsBuilder()
                .image("helm", "chart", "prod", "chart/values-prod.yaml", "shop:1")
                .image("manifests", "k8s", "staging", "k8s/staging/deployment.yaml", "shop:1").build();
        CheckResult result = CheckRunner.evaluate(check, staging, EnvironmentFixtures.settings(EnvironmentToolingCheck.ID));
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("tools pre-production vs production");
            assertThat(f.message()).contains("Production is deployed with helm but pre-production with manifests");
            assertThat(f.evidence()).extracting(Evidence::label).containsExactly(
                    "chart/values-prod.yaml:1 — production: helm",
                    "k8s/staging/deployment.yaml:1 — pre-production: manifests");
        });

        Facts development = new EnvironmentFactsBuilder()
                .image("helm", "chart", "prod", "chart/values-prod.yaml", "shop:1")
                .image("helm", "chart", "staging", "chart/values-staging.yaml", "shop:1")
                .image("compose", "", "dev", "docker-compose.override.yml", "shop:1").build();
        CheckResult dev = CheckRunner.evaluate(check, development, EnvironmentFixtures.settings(EnvironmentToolingCheck.ID));
        assertThat(dev.status()).isEqualTo(CheckStatus.WARN);
        assertThat(dev.findings()).singleElement().satisfies(f -> assertThat(f.subject())
                .isEqualTo("tools development vs production"));
    }
}
