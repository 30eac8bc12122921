package io.github.devopsassess.check.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.migrations.Migration;
import io.github.devopsassess.facts.migrations.MigrationFacts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.testing.DefaultSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Hand-made migrations: one finding per set, over its most recent migrations only. */
class IrreversibleMigrationsCheckTest {

    private static final String FLYWAY = "src/main/resources/db/migration";
    private static final String CHANGELOG = "src/main/resources/db/changelog/db.changelog-master.xml";

    private static CheckResult run(Map<String, Object> thresholds, Migration... migrations) throws Exception {
        Facts facts = Facts.builder().put(MigrationFacts.class, new MigrationFacts(List.of(migrations))).build();
        return CheckRunner.evaluate(new IrreversibleMigrationsCheck(), facts,
                DefaultSettings.of(IrreversibleMigrationsCheck.ID, thresholds));
    }

    private static Migration flyway(int version, boolean undo) {
        return new Migration(FLYWAY + "/V" + version + "__change.sql", null, "flyway", FLYWAY, "V" + version,
                version, undo ? null : "no U" + version + "__ undo script");
    }

    @Test
    void oneFindingPerSetListingItsIrreversibleMigrationsWithTheirFilesAndLines() throws Exception {
        CheckResult r = run(Map.of(), flyway(1, true), flyway(2, false), flyway(3, true),
                new Migration(CHANGELOG, 8, "liquibase", CHANGELOG, "1 by billing", 0, null),
                new Migration(CHANGELOG, 17, "liquibase", CHANGELOG, "2 by billing", 1,
                        "no rollback for changes Liquibase cannot undo by itself: sql"),
                new Migration(CHANGELOG, 41, "liquibase", CHANGELOG, "5 by billing", 2,
                        "no rollback for changes Liquibase cannot undo by itself: update"));

        assertThat(r.findings()).hasSize(2);
        assertThat(r.findings()).filteredOn(f -> f.subject().startsWith("liquibase")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).isEqualTo("2 of the last 3 Liquibase migrations in " + CHANGELOG + " cannot be"
                    + " undone by the tool: 2 by billing (no rollback for changes Liquibase cannot undo by itself:"
                    + " sql); 5 by billing (no rollback for changes Liquibase cannot undo by itself: update).");
            assertThat(f.evidence()).containsExactly(Evidence.line(CHANGELOG, 17).withNote(
                    "2 by billing: no rollback for changes Liquibase cannot undo by itself: sql"),
                    Evidence.line(CHANGELOG, 41).withNote(
                            "5 by billing: no rollback for changes Liquibase cannot undo by itself: update"));
        });
        assertThat(r.findings()).filteredOn(f -> f.subject().startsWith("flyway")).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("one of three is a gap, not the rule").isEqualTo(Severity.MEDIUM.lower());
            assertThat(f.evidence()).containsExactly(Evidence.file(FLYWAY + "/V2__change.sql")
                    .withNote("V2: no U2__ undo script"));
        });
        assertThat(r.score()).isEqualTo(0.5); // 3 of 6
        assertThat(r.summary()).isEqualTo("3 of the last 6 migrations (up to 20 per set, 2 sets) cannot be"
                + " undone");
    }

    @Test
    void onlyTheMostRecentMigrationsOfEachSetAreJudged() throws Exception {
        List<Migration> many = new ArrayList<>();
        for (int v = 1; v <= 30; v++) {
            many.add(flyway(v, v > 25)); // the old ones have no undo script, the last five do
        }
        CheckResult recent = run(Map.of("recent", 5), many.toArray(Migration[]::new));
        assertThat(recent.status()).isEqualTo(CheckStatus.PASS);
        assertThat(recent.findings()).isEmpty();

        CheckResult wider = run(Map.of("recent", 10), many.toArray(Migration[]::new));
        assertThat(wider.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("5 of the last 10 Flyway migrations in " + FLYWAY + " cannot be undone by the tool:"
                        + " V21 (no U21__ undo script); V22 (no U22__ undo script); V23 (no U23__ undo script) and 2"
                        + " more."));
    }

    @Test
    void withoutMigrationsTheCheckIsNotAssessed() throws Exception {
        CheckResult r = run(Map.of());
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).contains("no database migrations found");
    }
}
