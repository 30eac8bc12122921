package io.github.devopsassess.facts.migrations;

import io.github.devopsassess.facts.Input;

import java.util.List;
import java.util.Optional;

/**
 * The database migrations of the assessed tree: Flyway, Liquibase (XML, YAML, JSON and formatted SQL changelogs),
 * golang-migrate, Alembic and Rails.
 *
 * @param migrations every migration, sorted by set and order
 */
public record MigrationFacts(List<Migration> migrations) implements Input {

    public MigrationFacts {
        migrations = List.copyOf(migrations);
    }

    /** A repository without migrations is not judged on them: not assessed, not failed. */
    @Override
    public Optional<String> unusable() {
        return migrations.isEmpty() ? Optional.of("no database migrations found (Flyway, Liquibase, golang-migrate,"
                + " Alembic, Rails)") : Optional.empty();
    }
}
