package io.github.devopsassess.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.gate.GateSettings;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.report.AssessmentJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioBuilderTest {

    static Assessment a(String name, Integer score, String date, int silos) {
        return new Assessment(1, "t", new Assessment.Subject(name, "", null, null, false, date), score,
                score == null ? null : score >= 60 ? "defined" : "managed",
                List.of(new AreaScore("knowledge-silos", "Knowledge silos", "x", 1, true, silos, "managed", List.of()),
                        new AreaScore("delivery", "Delivery", "y", 1, false, null, null, List.of())),
                List.of(), List.of(), Map.of());
    }

    @Test
    void mergesMatrixArtifactsKeepsLatestRunPerRepositoryAndComputesTrend(@TempDir Path dir) throws Exception {
        AssessmentJson.write(a("shop", 70, "2026-02-01T00:00:00Z", 40), dir.resolve("shop-jan/assessment.json"));
        AssessmentJson.write(a("shop", 62, "2026-03-01T00:00:00Z", 30), dir.resolve("shop-feb/assessment.json"));
        AssessmentJson.write(a("billing", 81, "2026-03-01T00:00:00Z", 81), dir.resolve("billing/assessment.json"));
        Files.createDirectories(dir.resolve("junk"));
        Files.writeString(dir.resolve("junk/assessment.json"), "{ not json");

        Portfolio p = PortfolioBuilder.build(dir, "**/assessment.json");
        assertThat(p.repositories()).extracting(Portfolio.Row::name).containsExactly("shop", "billing");
        Portfolio.Row shop = p.repositories().get(0);
        assertThat(shop.score()).isEqualTo(62);
        assertThat(shop.previousScore()).isEqualTo(70);
        assertThat(shop.trend()).isEqualTo("down");
        assertThat(shop.worstArea()).isEqualTo("knowledge-silos");
        assertThat(p.score()).isEqualTo(72);
        assertThat(p.skipped()).singleElement().satisfies(s -> assertThat(s).startsWith("junk/assessment.json"));

        io.github.devopsassess.rubric.Rubric rubric = new io.github.devopsassess.rubric.RubricLoader(
                getClass().getClassLoader()).loadDefault();
        assertThat(PortfolioBuilder.entries(p, rubric)).first().satisfies(e -> {
            assertThat(e.name()).isEqualTo("shop");
            assertThat(e.worstArea()).isEqualTo("Knowledge silos");
            assertThat(e.previousScore()).isEqualTo(70);
        });

        GateSettings settings = new GateSettings(5, Severity.HIGH, 65, null, List.of("managed", "defined"), false);
        assertThat(PortfolioGate.regressions(p, settings)).containsExactly(
                "shop: score 62 is below the minimum 65 (shop-feb/assessment.json)",
                "shop: score dropped from 70 to 62 (shop-feb/assessment.json)");
    }
}
