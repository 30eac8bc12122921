package io.github.devopsassess.check.migrations;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.migrations.Migration;
import io.github.devopsassess.facts.migrations.MigrationFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code irreversible-migrations}: the recent database migrations that their tool cannot undo. A release whose
 * migration cannot be reverted can only be rolled forward — a choice some teams make on purpose, which is why the
 * advice starts by asking. One finding per set of migrations (a folder, a changelog), listing its irreversible ones.
 */
public final class IrreversibleMigrationsCheck implements Check {

    public static final String ID = "irreversible-migrations";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(MigrationFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        int recent = Math.max(1, settings.intThreshold("recent", 20));
        Map<String, List<Migration>> sets = new LinkedHashMap<>();
        for (Migration m : facts.get(MigrationFacts.class).migrations()) {
            sets.computeIfAbsent(m.tool() + " " + m.set(), k -> new ArrayList<>()).add(m);
        }
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        int irreversible = 0;
        for (List<Migration> set : sets.values()) {
            List<Migration> last = set.stream().sorted(Comparator.comparingLong(Migration::order)).toList();
            last = last.subList(Math.max(0, last.size() - recent), last.size());
            List<Migration> bad = last.stream().filter(m -> !m.reversible()).toList();
            judged += last.size();
            irreversible += bad.size();
            if (bad.isEmpty()) {
                continue;
            }
            Migration first = last.get(0);
            String where = first.set().isEmpty() ? "the repository root" : first.set();
            List<Evidence> evidence = bad.stream().map(m -> (m.line() == null ? Evidence.file(m.path())
                    : Evidence.line(m.path(), m.line())).withNote(m.name() + ": " + m.undo())).toList();
            String names = Listing.some(bad.stream().map(m -> m.name() + " (" + m.undo() + ")").toList(), 3, "; ");
            String message = bad.size() + " of the last " + last.size() + " " + tool(first.tool())
                    + Words.noun(last.size(), " migration", " migrations") + " in " + where
                    + " cannot be undone by the tool: " + names + ".";
            findings.add(bad.size() * 2 > last.size() ? settings.fail(message, first.tool() + ":" + first.set(),
                    evidence) : settings.warn(message, first.tool() + ":" + first.set(), evidence));
        }
        String summary = irreversible + " of the last " + judged + Words.noun(judged, " migration", " migrations") + " (up to "
                + recent + " per set, " + Words.plural(sets.size(), "set", "sets") + ") cannot be undone";
        return Judgement.of(findings, judged, summary).lost(irreversible)
                .metrics(Map.of("recentMigrations", judged, "irreversibleMigrations", irreversible));
    }

    private static String tool(String tool) {
        return switch (tool) {
            case "flyway" -> "Flyway";
            case "liquibase" -> "Liquibase";
            case "alembic" -> "Alembic";
            case "rails" -> "Rails";
            default -> tool;
        };
    }
}
