package io.github.devopsassess.portfolio;

import io.github.devopsassess.model.PortfolioChanges;
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

    @Test
    void quartilesInterpolateBetweenNeighbours() {
        List<Integer> sorted = List.of(10, 20, 30, 40);
        assertThat(PortfolioBuilder.quantile(sorted, 0.25)).isEqualTo(18); // 17.5 rounded half up
        assertThat(PortfolioBuilder.quantile(sorted, 0.5)).isEqualTo(25);
        assertThat(PortfolioBuilder.quantile(sorted, 0.75)).isEqualTo(33);
        assertThat(PortfolioBuilder.quantile(List.of(7), 0.75)).isEqualTo(7);
    }

    @Test
    void groupsByTheFirstOwnerAndKeepsRowsWithoutOwnerApart(@TempDir Path dir) throws Exception {
        Assessment owned = new Assessment(1, "t", new Assessment.Subject("shop", "", null, null, false,
                "2026-03-01T00:00:00Z", List.of("@org/payments", "@org/all")), 50, "managed", List.of(), List.of(),
                List.of(), Map.of());
        AssessmentJson.write(owned, dir.resolve("shop/assessment.json"));
        AssessmentJson.write(a("billing", 81, "2026-03-01T00:00:00Z", 81), dir.resolve("billing/assessment.json"));
        Files.createDirectories(dir.resolve("shop/site"));
        Files.writeString(dir.resolve("shop/site/index.html"), "<html></html>");

        Portfolio p = PortfolioBuilder.build(dir, "**/assessment.json");
        assertThat(p.repositories()).extracting(Portfolio.Row::name, Portfolio.Row::team, Portfolio.Row::site)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shop", "@org/payments", "shop/site/index.html"),
                        org.assertj.core.groups.Tuple.tuple("billing", Portfolio.NO_OWNER, null));
        assertThat(p.changes()).isNull();
    }

    @Test
    void aPreviousPortfolioGivesLevelChangesAndAddedAndRemovedRepositories(@TempDir Path dir) throws Exception {
        List<String> levels = List.of("initial", "managed", "defined");
        Portfolio before = PortfolioBuilder.of(List.of(
                new PortfolioBuilder.Input(Path.of("shop/assessment.json"), a("shop", 65, "2026-02-01T00:00:00Z", 40)),
                new PortfolioBuilder.Input(Path.of("old/assessment.json"), a("old", 70, "2026-02-01T00:00:00Z", 40)),
                new PortfolioBuilder.Input(Path.of("web/assessment.json"), a("web", 50, "2026-02-01T00:00:00Z", 40))),
                List.of());
        Path file = dir.resolve("portfolio.json");
        PortfolioJson.write(before, file);
        Portfolio now = PortfolioBuilder.of(List.of(
                new PortfolioBuilder.Input(Path.of("shop/assessment.json"), a("shop", 55, "2026-03-01T00:00:00Z", 40)),
                new PortfolioBuilder.Input(Path.of("web/assessment.json"), a("web", 61, "2026-03-01T00:00:00Z", 40)),
                new PortfolioBuilder.Input(Path.of("api/assessment.json"), a("api", 20, "2026-03-01T00:00:00Z", 10))),
                List.of(), PortfolioJson.read(file), levels);
        assertThat(now.changes().previousRepositories()).isEqualTo(3);
        assertThat(now.changes().down()).containsExactly(new PortfolioChanges.LevelChange("shop", "defined", "managed", 65,
                55));
        assertThat(now.changes().up()).containsExactly(new PortfolioChanges.LevelChange("web", "managed", "defined", 50, 61));
        assertThat(now.changes().added()).containsExactly("api");
        assertThat(now.changes().removed()).containsExactly("old");
    }

    @Test
    void aMalformedPreviousPortfolioNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("portfolio.json");
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"repositories\": [ {\"name\": \"a\" ]\n}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PortfolioJson.read(file))
                .isInstanceOf(java.io.IOException.class).hasMessageStartingWith(file + " line 3: ");
    }
}
