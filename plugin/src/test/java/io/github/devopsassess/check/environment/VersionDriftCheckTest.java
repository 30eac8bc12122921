package io.github.devopsassess.check.environment;

import io.github.devopsassess.engine.CheckRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.environment.EnvironmentFixtures;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionDriftCheckTest {

    private final VersionDriftCheck check = new VersionDriftCheck();

    @Test
    void kustomizeStagingAheadOfProductionInTagAndRemoteRef(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("kustomize", dir);
        CheckResult result = CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(VersionDriftCheck.ID));

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.summary()).isEqualTo("2 of 3 images and remote bases differ between pre-production and "
                + "production");
        assertThat(result.findings()).extracting(f -> f.subject()).containsExactly(
                "kustomize:components/shop image quay.io/example/shop",
                "kustomize:components/shop remote https://github.com/example/shop-operator/config/default");
        assertThat(result.findings().get(0).evidence()).extracting(Evidence::label).containsExactly(
                "components/shop/staging/base/kustomization.yaml:9 — pre-production: quay.io/example/shop:"
                        + "2222222222222222222222222222222222222222",
                "components/shop/production/base/kustomization.yaml:9 — production: quay.io/example/shop:"
                        + "3333333333333333333333333333333333333333");
        assertThat(result.findings().get(1).evidence()).extracting(Evidence::startLine).containsExactly(5, 5);
    }

    @Test
    void helmImageRebuiltPerEnvironment(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("helm", dir);
        CheckResult result = CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(VersionDriftCheck.ID));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("helm:charts/shop image image");
            assertThat(f.message()).contains("registry.example.com/shop:1.4.0-staging in pre-production")
                    .contains("registry.example.com/shop:1.4.0-prod in production");
        });
    }

    @Test
    void promotedImagePasses() {
        Facts facts = new EnvironmentFactsBuilder()
                .image("helm", "chart", "staging", "chart/values-staging.yaml", "shop@sha256:abc")
                .image("helm", "chart", "prod", "chart/values-prod.yaml", "shop@sha256:abc").build();
        assertThat(CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(VersionDriftCheck.ID)).status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void notAssessedWithoutPreProductionAndProductionPair() {
        Facts facts = new EnvironmentFactsBuilder()
                .image("helm", "chart", "dev", "chart/values-dev.yaml", "shop:1")
                .image("helm", "chart", "prod", "chart/values-prod.yaml", "shop:2").build();
        assertThat(CheckRunner.evaluate(check, facts, EnvironmentFixtures.settings(VersionDriftCheck.ID)).status())
                .isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
