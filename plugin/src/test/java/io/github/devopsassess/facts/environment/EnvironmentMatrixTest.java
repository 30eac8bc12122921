package io.github.devopsassess.facts.environment;

import io.github.devopsassess.scan.environment.EnvironmentFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentMatrixTest {

    @Test
    void rowsPerSettingAndImageColumnsPerEnvironmentWithFileAndLine(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("helm", dir);
        EnvironmentMatrix matrix = EnvironmentFixtures.environments(facts).matrix();

        assertThat(matrix.columns()).containsExactly("base", "development", "pre-production", "production");
        EnvironmentMatrix.Row image = matrix.rows().stream()
                .filter(r -> r.kind().equals("image") && r.group().equals("helm:charts/shop")).findFirst()
                .orElseThrow();
        assertThat(image.name()).isEqualTo("image");
        assertThat(image.cells().keySet()).containsExactly("base", "development", "pre-production", "production");
        assertThat(image.cells().get("production"))
                .isEqualTo(new EnvironmentMatrix.Cell("registry.example.com/shop:1.4.0-prod",
                        "charts/shop/values.prod.yaml", 3));
        assertThat(image.differs()).isTrue();

        EnvironmentMatrix.Row pdb = matrix.rows().stream()
                .filter(r -> r.name().equals("podDisruptionBudget.minAvailable")).findFirst().orElseThrow();
        assertThat(pdb.cells().keySet()).containsExactly("production");
        assertThat(pdb.differs()).as("set in production only").isTrue();

        EnvironmentMatrix.Row apiImage = matrix.rows().stream()
                .filter(r -> r.kind().equals("image") && r.group().equals("helm:charts/api")).findFirst()
                .orElseThrow();
        assertThat(apiImage.differs()).as("only one environment").isFalse();
    }

    @Test
    void credentialsAreMaskedInTheMatrix(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("kustomize", dir);
        EnvironmentMatrix.Row password = EnvironmentFixtures.environments(facts).matrix().rows().stream()
                .filter(r -> r.name().endsWith("DB_PASSWORD")).findFirst().orElseThrow();
        assertThat(password.cells().get("base").value()).isEqualTo(Setting.MASKED);
        assertThat(password.cells().get("base").line()).isEqualTo(17);
    }
}
