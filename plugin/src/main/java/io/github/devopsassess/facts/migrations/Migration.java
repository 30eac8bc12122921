package io.github.devopsassess.facts.migrations;

/**
 * One database migration and whether it can be undone by the migration tool.
 *
 * @param path repository-relative path of the file that holds it
 * @param line 1-based line of the migration in its file (a Liquibase changeset, an Alembic {@code downgrade}), or
 *     {@code null} when the whole file is the migration (Flyway, golang-migrate)
 * @param tool {@code flyway}, {@code liquibase}, {@code golang-migrate}, {@code alembic} or {@code rails}
 * @param set the migrations that are applied in one sequence: the folder of the files, or the Liquibase changelog
 * @param name the migration as its tool names it (a version and description, a changeset id, a revision)
 * @param order its position in its set, oldest first (a later migration has a greater order)
 * @param undo why it cannot be undone ("no U1__ undo script", "changes without automatic rollback: sql, update"), or
 *     {@code null} when it can
 */
public record Migration(String path, Integer line, String tool, String set, String name, long order, String undo) {

    public boolean reversible() {
        return undo == null;
    }
}
