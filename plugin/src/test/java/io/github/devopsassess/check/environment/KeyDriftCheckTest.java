package io.github.devopsassess.check.environment;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.check.environment.EnvironmentFactsBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.scan.environment.EnvironmentFixtures;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyDriftCheckTest {

    private final KeyDriftCheck check = new KeyDriftCheck();

    /**
     * The spring fixture has 9 comparable keys across dev, staging and prod (URLs and user names are expected to
     * differ and left out); only logging.level.ROOT and cache.time-to-live (in three spellings) are in all three:
     * 7 of 9 drift, far above 10%.
     */
    @Test
    void springProfilesWithDriftFailAndNameBothSides(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("spring", dir);
        CheckResult result = CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(KeyDriftCheck.ID));

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.metrics()).containsEntry("environmentKeyDriftRatio", 0.778);
        assertThat(result.summary()).startsWith("7 of 9 keys");
        Finding production = result.findings().stream()
                .filter(f -> f.subject().equals("spring:src/main/resources production")).findFirst().orElseThrow();
        assertThat(production.message()).contains("4 keys").contains("cors.allowedMethods")
                .contains("spring.devtools.restart.enabled").doesNotContain("datasource.url")
                .doesNotContain("username");
        // each missing key: where it is set, and where it is not
        assertThat(production.evidence()).extracting(Evidence::label).contains(
                "src/main/resources/config/application-dev.yml:15 — cors.allowedMethods is set for development",
                "src/main/resources/config/application-prod.yml:1 — cors.allowedMethods is not set for production");
        assertThat(production.remediation()).isNotBlank();
    }

    @Test
    void onlyExpectedDifferencesPass() {
        Facts facts = new EnvironmentFactsBuilder()
                .define("helm", "chart", "staging", "chart/values-staging.yaml", "replicas=2", "db.url=jdbc:a",
                        "api-token=${TOKEN}")
                .define("helm", "chart", "prod", "chart/values-prod.yaml", "replicas=4", "db.host=db.prod")
                .build();
        CheckResult result = CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(KeyDriftCheck.ID));
        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).startsWith("0 of 1 key (0%) differ between environments in 1 family");
    }

    @Test
    void driftBetweenWarnAndFailThresholdsWarns() {
        String[] shared = new String[12];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = "k" + i + "=v";
        }
        String[] prod = java.util.Arrays.copyOf(shared, 13);
        prod[12] = "only-in-prod=1";
        Facts facts = new EnvironmentFactsBuilder()
                .define("spring", "app", "staging", "app/application-staging.yml", shared)
                .define("spring", "app", "prod", "app/application-prod.yml", prod).build();
        CheckResult result = CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(KeyDriftCheck.ID));
        assertThat(result.status()).isEqualTo(CheckStatus.WARN); // 1 of 13 = 7.7%
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("spring:app pre-production");
            assertThat(f.evidence()).extracting(Evidence::label).containsExactly(
                    "app/application-prod.yml:13 — only-in-prod is set for production",
                    "app/application-staging.yml:1 — only-in-prod is not set for pre-production");
        });
    }

    @Test
    void notAssessedWithoutTwoEnvironmentsOfOneFamily() {
        Facts facts = new EnvironmentFactsBuilder()
                .define("spring", "app", "prod", "app/application-prod.yml", "a=1")
                .define("helm", "chart", "staging", "chart/values-staging.yaml", "b=1").build();
        assertThat(CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(KeyDriftCheck.ID)).status())
                .isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(CheckRunner.evaluate(check, Facts.builder().build(), EnvironmentFixtures.settings(KeyDriftCheck.ID)).status())
                .isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
