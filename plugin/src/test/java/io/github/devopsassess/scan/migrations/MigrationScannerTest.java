package io.github.devopsassess.scan.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.migrations.Migration;
import io.github.devopsassess.facts.migrations.MigrationFacts;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.testing.FixtureScan;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway, golang-migrate, Liquibase (XML, YAML, formatted SQL), Alembic and Rails migrations side by side. */
class MigrationScannerTest {

    private static final String FLYWAY = "orders/src/main/resources/db/migration";
    private static final String CHANGELOGS = "billing/src/main/resources/db/changelog";

    private Facts facts;

    @BeforeEach
    void scan(@TempDir Path dir) {
        facts = FixtureScan.scan("/migrations/mixed", dir, new MigrationScanner());
    }

    private List<Migration> of(String tool) {
        return facts.find(MigrationFacts.class).orElseThrow().migrations().stream()
                .filter(m -> m.tool().equals(tool)).toList();
    }

    @Test
    void flywayVersionsInNumericOrderReversibleOnlyWithAnUndoScript() {
        assertThat(of("flyway")).extracting(Migration::path, Migration::order, Migration::undo).containsExactly(
                tuple(FLYWAY + "/V1__create_orders.sql", 0L, "no U1__ undo script"),
                tuple(FLYWAY + "/V2__add_status.sql", 1L, null),
                tuple(FLYWAY + "/V3__backfill_status.sql", 2L, "no U3__ undo script"),
                tuple(FLYWAY + "/V10__drop_legacy_totals.sql", 3L, "no U10__ undo script"));
    }

    @Test
    void golangMigrateNeedsADownFileThatDoesSomething() {
        assertThat(of("golang-migrate")).extracting(Migration::name, Migration::undo).containsExactly(
                tuple("000001_create_users_table", null),
                tuple("000002_add_users_email_index", "no 000002_add_users_email_index.down.sql"),
                tuple("000003_seed_admin", "its 000003_seed_admin.down.sql is empty"));
    }

    @Test
    void liquibaseChangesetsNeedARollbackOnlyForChangesWithoutAnAutomaticOne() {
        assertThat(of("liquibase")).filteredOn(m -> m.set().equals(CHANGELOGS + "/db.changelog-master.xml"))
                .as("runAlways changesets are re-run, not rolled back, and are left out")
                .extracting(Migration::name, Migration::line, Migration::undo).containsExactly(
                        tuple("1 by billing", 8, null),
                        tuple("2 by billing", 17, "no rollback for changes Liquibase cannot undo by itself: sql"),
                        tuple("3 by billing", 22, null),
                        tuple("4 by billing", 32, null),
                        tuple("5 by billing", 41, "no rollback for changes Liquibase cannot undo by itself: update"));
        assertThat(of("liquibase")).filteredOn(m -> m.set().endsWith("002-payments.yaml"))
                .extracting(Migration::name, Migration::line, Migration::reversible).containsExactly(
                        tuple("payments-1 by billing", 2, true),
                        tuple("payments-2 by billing", 14, false),
                        tuple("payments-3 by billing", 20, true));
        assertThat(of("liquibase")).filteredOn(m -> m.set().endsWith("003-views.sql"))
                .extracting(Migration::name, Migration::line, Migration::undo).containsExactly(
                        tuple("views-1 by billing", 3, null),
                        tuple("views-2 by billing", 7, "no --rollback for its SQL"));
    }

    @Test
    void alembicInRevisionOrderAndADowngradeThatOnlyPassesUndoesNothing() {
        assertThat(of("alembic")).extracting(Migration::name, Migration::order, Migration::line, Migration::undo)
                .containsExactly(tuple("1a2b3c4d5e6f", 0L, 27, null),
                        tuple("9f8e7d6c5b4a", 1L, 24, "downgrade() does nothing"));
    }

    @Test
    void railsUpWithoutDownIsIrreversibleAndChangeIsNot() {
        assertThat(of("rails")).extracting(Migration::name, Migration::line, Migration::undo).containsExactly(
                tuple("20240101120000", 2, null), tuple("20240215093000", 2, "up without down"));
    }

    @Test
    void aMalformedChangelogIsOneProblemAtItsLineAndWhatCameBeforeAndTheOtherFilesRemain() {
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(CHANGELOGS + "/db.changelog-archive.xml");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).startsWith("malformed Liquibase changelog: ");
        });
        assertThat(of("liquibase")).filteredOn(m -> m.set().endsWith("db.changelog-archive.xml"))
                .extracting(Migration::name, Migration::undo)
                .containsExactly(tuple("archive-1 by billing",
                        "no rollback for changes Liquibase cannot undo by itself: dropColumn"));
        assertThat(facts.problems()).extracting(ParseProblem::path).doesNotContain(FLYWAY + "/V1__create_orders.sql");
    }

    @Test
    void withoutMigrationsTheFactsSayWhy(@TempDir Path empty) {
        Facts none = FixtureScan.scan("/migrations/none", empty.resolve("none"), new MigrationScanner());
        assertThat(none.find(MigrationFacts.class).orElseThrow().unusable())
                .hasValueSatisfying(r -> assertThat(r).startsWith("no database migrations found"));
    }
}
