package io.github.devopsassess.scan.migrations;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.migrations.Migration;
import io.github.devopsassess.facts.migrations.MigrationFacts;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the database migrations of the assessed tree and whether each can be undone by its tool: Flyway versioned
 * scripts and their {@code U} undo scripts, Liquibase changesets and their rollbacks, golang-migrate
 * {@code .up.sql}/{@code .down.sql} pairs, Alembic {@code downgrade()} and Rails {@code up}/{@code down}. A malformed
 * changelog is one problem at its line; the other files are still read.
 */
public final class MigrationScanner implements Scanner {

    private static final Pattern FLYWAY = Pattern.compile("(^|/)V(\\d+(?:[._]\\d+)*)__([^/]+)\\.sql$");
    private static final Pattern FLYWAY_UNDO = Pattern.compile("(^|/)U(\\d+(?:[._]\\d+)*)__([^/]+)\\.sql$");
    private static final Pattern GOLANG_UP = Pattern.compile("(^|/)(\\d+)_([^/]+)\\.up\\.sql$");
    private static final Pattern ALEMBIC = Pattern.compile("(^|/)versions/[^/]+\\.py$");
    private static final Pattern RAILS = Pattern.compile("(^|/)db/migrate/(\\d+)_[^/]+\\.rb$");
    private static final Pattern REVISION = Pattern.compile("(?m)^revision\\s*(?::[^=]+)?=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern DOWN_REVISION = Pattern.compile(
            "(?m)^down_revision\\s*(?::[^=]+)?=\\s*\\(?\\s*['\"]([^'\"]+)['\"]");
    /** Where Liquibase changelogs are kept: a changelog file or folder, a liquibase, db or migrations folder. */
    private static final Pattern CHANGELOG_PLACE = Pattern.compile("(?i)changelog|liquibase|(^|/)(db|database"
            + "|migrations?)/");
    private static final Pattern SQL_COMMENT = Pattern.compile("(?m)--.*$|/\\*(?s:.*?)\\*/");

    @Override
    public String id() {
        return "migrations";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        List<String> files = tree.files();
        Set<String> all = new HashSet<>(files);
        Set<String> undoVersions = new HashSet<>();
        for (String f : files) {
            Matcher u = FLYWAY_UNDO.matcher(f);
            if (u.find()) {
                undoVersions.add(folder(f) + "\u0000" + normalised(u.group(2)));
            }
        }
        YamlReader yaml = new YamlReader();
        List<Migration> found = new ArrayList<>();
        List<Alembic> alembic = new ArrayList<>();
        for (String path : files) {
            Matcher flyway = FLYWAY.matcher(path);
            Matcher up = GOLANG_UP.matcher(path);
            if (flyway.find()) {
                boolean undo = undoVersions.contains(folder(path) + "\u0000" + normalised(flyway.group(2)));
                found.add(new Migration(path, null, "flyway", folder(path), "V" + flyway.group(2), 0,
                        undo ? null : "no U" + flyway.group(2) + "__ undo script"));
                continue;
            }
            if (up.find()) {
                String down = path.substring(0, path.length() - ".up.sql".length()) + ".down.sql";
                String undo = !all.contains(down) ? "no " + down.substring(down.lastIndexOf('/') + 1)
                        : blankSql(tree, down) ? "its " + down.substring(down.lastIndexOf('/') + 1) + " is empty"
                        : null;
                found.add(new Migration(path, null, "golang-migrate", folder(path), up.group(2) + "_" + up.group(3),
                        0, undo));
                continue;
            }
            // Liquibase changelogs are read only where changelogs live, so that not every XML, YAML, JSON and SQL
            // file of a large repository is read for one word
            boolean changelogPlace = CHANGELOG_PLACE.matcher(path).find();
            boolean xml = changelogPlace && path.endsWith(".xml");
            boolean yamlFile = changelogPlace && (path.endsWith(".yaml") || path.endsWith(".yml")
                    || path.endsWith(".json"));
            boolean sql = changelogPlace && path.endsWith(".sql");
            boolean python = ALEMBIC.matcher(path).find();
            Matcher rails = RAILS.matcher(path);
            boolean ruby = rails.find();
            if (!xml && !yamlFile && !sql && !python && !ruby) {
                continue;
            }
            RepoTree.TextRead read = tree.readText(path);
            if (!read.ok()) {
                continue;
            }
            String text = read.text();
            // each changelog is a set of its own, its changesets in document order from 0
            List<Migration> changesets = new ArrayList<>();
            if ((xml || yamlFile) && text.contains("databaseChangeLog")) {
                if (xml) {
                    LiquibaseChangelogs.readXml(path, text, changesets, facts);
                } else {
                    LiquibaseChangelogs.readYaml(path, text, yaml, changesets, facts);
                }
                found.addAll(changesets);
            } else if (sql && LiquibaseChangelogs.formattedSql(text)) {
                LiquibaseChangelogs.readFormattedSql(path, text, changesets);
                found.addAll(changesets);
            } else if (python && text.contains("def downgrade(")) {
                alembic.add(new Alembic(path, text));
            } else if (ruby) {
                rails(path, rails.group(2), text).ifPresent(found::add);
            }
        }
        found.addAll(alembic(alembic));
        facts.put(MigrationFacts.class, new MigrationFacts(ordered(found)));
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Flyway reads 1.1, 1_1 and 01.1 as the same version. */
    private static String normalised(String version) {
        StringBuilder sb = new StringBuilder();
        for (String part : version.split("[._]")) {
            sb.append(new BigInteger(part)).append('.');
        }
        return sb.toString();
    }

    private static boolean blankSql(RepoTree tree, String path) {
        RepoTree.TextRead read = tree.readText(path);
        return read.ok() && SQL_COMMENT.matcher(read.text()).replaceAll("").isBlank();
    }

    /** Flyway and golang-migrate sets in version order; Liquibase, Alembic and Rails already carry theirs. */
    private static List<Migration> ordered(List<Migration> found) {
        Map<String, List<Migration>> sets = new HashMap<>();
        for (Migration m : found) {
            sets.computeIfAbsent(m.tool() + "\u0000" + m.set(), k -> new ArrayList<>()).add(m);
        }
        List<Migration> out = new ArrayList<>();
        for (List<Migration> set : sets.values()) {
            String tool = set.get(0).tool();
            if (tool.equals("flyway") || tool.equals("golang-migrate")) {
                set.sort(Comparator.comparing(MigrationScanner::versionKey, MigrationScanner::compareVersions));
                for (int i = 0; i < set.size(); i++) {
                    Migration m = set.get(i);
                    out.add(new Migration(m.path(), m.line(), m.tool(), m.set(), m.name(), i, m.undo()));
                }
            } else {
                out.addAll(set);
            }
        }
        out.sort(Comparator.comparing(Migration::set).thenComparingLong(Migration::order)
                .thenComparing(Migration::path));
        return out;
    }

    private static List<BigInteger> versionKey(Migration m) {
        String digits = m.tool().equals("flyway") ? m.name().substring(1) : m.name().substring(0,
                m.name().indexOf('_'));
        List<BigInteger> key = new ArrayList<>();
        for (String part : digits.split("[._]")) {
            key.add(new BigInteger(part));
        }
        return key;
    }

    private static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** A Rails migration with {@code up} and no {@code down}, or one that raises IrreversibleMigration. */
    private static java.util.Optional<Migration> rails(String path, String timestamp, String text) {
        String[] lines = text.split("\\R", -1);
        int up = -1;
        int raise = -1;
        boolean down = false;
        int change = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.matches("def\\s+(self\\.)?up\\b.*")) {
                up = i + 1;
            } else if (l.matches("def\\s+(self\\.)?down\\b.*")) {
                down = true;
            } else if (l.matches("def\\s+change\\b.*")) {
                change = i + 1;
            } else if (l.contains("ActiveRecord::IrreversibleMigration") && l.startsWith("raise")) {
                raise = i + 1;
            }
        }
        if (up < 0 && change < 0) {
            return java.util.Optional.empty();
        }
        String undo = raise > 0 ? "raises ActiveRecord::IrreversibleMigration" : up > 0 && !down ? "up without down"
                : null;
        int line = raise > 0 ? raise : up > 0 ? up : change;
        return java.util.Optional.of(new Migration(path, line, "rails", folder(path), timestamp,
                new BigInteger(timestamp).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue(), undo));
    }

    /** An Alembic revision file: its revision, the one it follows, and its {@code downgrade()}. */
    private record Alembic(String path, String text) {
    }

    /** Alembic revisions in chain order (each after the one it revises), with whether downgrade() does anything. */
    private static List<Migration> alembic(List<Alembic> files) {
        Map<String, String> parent = new HashMap<>();
        Map<String, Alembic> byRevision = new HashMap<>();
        for (Alembic a : files) {
            Matcher r = REVISION.matcher(a.text());
            if (r.find()) {
                byRevision.put(r.group(1), a);
                Matcher d = DOWN_REVISION.matcher(a.text());
                if (d.find()) {
                    parent.put(r.group(1), d.group(1));
                }
            }
        }
        List<Migration> out = new ArrayList<>();
        for (Alembic a : files) {
            Matcher r = REVISION.matcher(a.text());
            String revision = r.find() ? r.group(1) : a.path().substring(a.path().lastIndexOf('/') + 1);
            long depth = 0;
            Set<String> seen = new HashSet<>();
            for (String p = parent.get(revision); p != null && seen.add(p) && byRevision.containsKey(p);
                    p = parent.get(p)) {
                depth++;
            }
            int[] at = new int[1];
            String undo = downgrade(a.text(), at);
            out.add(new Migration(a.path(), at[0], "alembic", folder(a.path()), revision, depth, undo));
        }
        return out;
    }

    /** Why {@code downgrade()} undoes nothing (only pass, or it raises), or {@code null}; its line goes in at[0]. */
    private static String downgrade(String text, int[] at) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].stripLeading().startsWith("def downgrade(")) {
                continue;
            }
            at[0] = i + 1;
            int indent = lines[i].length() - lines[i].stripLeading().length();
            List<String> body = new ArrayList<>();
            boolean docstring = false;
            for (int j = i + 1; j < lines.length; j++) {
                String l = lines[j];
                if (l.isBlank()) {
                    continue;
                }
                if (l.length() - l.stripLeading().length() <= indent) {
                    break;
                }
                String s = l.strip();
                if (docstring) {
                    docstring = !(s.endsWith("\"\"\"") || s.endsWith("'''"));
                    continue;
                }
                if (s.startsWith("\"\"\"") || s.startsWith("'''")) {
                    docstring = !(s.length() >= 6 && (s.endsWith("\"\"\"") || s.endsWith("'''")));
                    continue;
                }
                if (!s.startsWith("#")) {
                    body.add(s);
                }
            }
            if (body.stream().allMatch(s -> s.equals("pass") || s.equals("..."))) {
                return "downgrade() does nothing";
            }
            if (body.get(0).startsWith("raise ")) {
                return "downgrade() raises instead of undoing";
            }
            return null;
        }
        at[0] = 1;
        return null;
    }
}
