package io.github.devopsassess.scan.migrations;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.migrations.Migration;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Liquibase changelogs (XML, YAML, JSON and formatted SQL) into one {@link Migration} per changeset. Liquibase
 * generates the rollback of many change types itself (createTable, addColumn…); a changeset needs an explicit
 * {@code rollback} only when one of its changes has none (sql, dropTable, update, delete, insert…).
 */
final class LiquibaseChangelogs {

    /** Change types whose rollback Liquibase generates (its documentation's "automatic rollback" column). */
    static final Set<String> AUTOMATIC_ROLLBACK = Set.of("addColumn", "addDefaultValue", "addForeignKeyConstraint",
            "addLookupTable", "addNotNullConstraint", "addPrimaryKey", "addUniqueConstraint", "createIndex",
            "createSequence", "createTable", "createView", "dropNotNullConstraint", "renameColumn", "renameSequence",
            "renameTable", "renameView", "tagDatabase");
    /** Children of a changeset that change nothing. */
    private static final Set<String> NEUTRAL = Set.of("comment", "preConditions", "precondition", "validCheckSum",
            "modifySql", "output", "empty", "rollback", "id", "author", "context", "contextFilter", "labels", "dbms",
            "runAlways", "runOnChange", "failOnError", "runInTransaction", "objectQuotingStrategy", "created",
            "ignore", "logicalFilePath", "changes", "runOrder");
    private static final Pattern FORMATTED_SQL = Pattern.compile("(?i)\\A\\s*--\\s*liquibase\\s+formatted\\s+sql");
    private static final Pattern SQL_CHANGESET = Pattern.compile("(?i)^--\\s*changeset\\s+(\\S+)(.*)$");
    private static final Pattern SQL_ROLLBACK = Pattern.compile("(?i)^--\\s*rollback\\b");
    private static final Pattern RUN_ALWAYS = Pattern.compile("(?i)\\brunAlways:\\s*true\\b");

    private LiquibaseChangelogs() {
    }

    static boolean formattedSql(String text) {
        return FORMATTED_SQL.matcher(text).find();
    }

    /** A changeset that needs no rollback, or the reason it cannot be undone. */
    private static String undo(List<String> changes, boolean rollback) {
        if (rollback) {
            return null;
        }
        List<String> manual = new ArrayList<>(new LinkedHashSet<>(changes.stream()
                .filter(c -> !AUTOMATIC_ROLLBACK.contains(c) && !NEUTRAL.contains(c)).toList()));
        return manual.isEmpty() ? null : "no rollback for changes Liquibase cannot undo by itself: "
                + String.join(", ", manual);
    }

    static void readXml(String path, String text, List<Migration> out, Facts.Builder facts) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = null;
        int depth = 0;
        String id = null;
        int line = 0;
        boolean runAlways = false;
        boolean rollback = false;
        List<String> changes = new ArrayList<>();
        try {
            xml = factory.createXMLStreamReader(new StringReader(text));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (depth == 2 && name.equals("changeSet")) {
                        id = xml.getAttributeValue(null, "id") + " by " + xml.getAttributeValue(null, "author");
                        line = xml.getLocation().getLineNumber();
                        runAlways = "true".equalsIgnoreCase(xml.getAttributeValue(null, "runAlways"));
                        rollback = false;
                        changes.clear();
                    } else if (depth == 3 && id != null) {
                        if (name.equals("rollback")) {
                            rollback = true;
                        } else {
                            changes.add(name);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && id != null) {
                        if (!runAlways) {
                            out.add(new Migration(path, line, "liquibase", path, id, out.size(), undo(changes,
                                    rollback)));
                        }
                        id = null;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            Integer at = e.getLocation() == null ? null : e.getLocation().getLineNumber();
            facts.problem(path, at != null && at > 0 ? at : null, "malformed Liquibase changelog: "
                    + firstLine(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // nothing was left open that matters: the text was in memory
                }
            }
        }
    }

    /** The StAX message starts with "ParseError at [row,col]:…" on its own line; the reason is the last line. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable XML";
        }
        String[] lines = message.strip().split("\\R");
        return lines[lines.length - 1].replaceFirst("^Message:\\s*", "");
    }

    static void readYaml(String path, String text, YamlReader yaml, List<Migration> out, Facts.Builder facts) {
        YamlReader.Result result = yaml.read(path, text);
        result.problem().ifPresent(facts::problem);
        result.first().flatMap(YamlNode::asMapping).ifPresent(root -> {
            for (YamlNode item : root.list("databaseChangeLog")) {
                item.asMapping().flatMap(m -> m.mapping("changeSet").map(cs -> new Object[] {m, cs}))
                        .ifPresent(pair -> {
                            YamlNode.Mapping holder = (YamlNode.Mapping) pair[0];
                            YamlNode.Mapping changeSet = (YamlNode.Mapping) pair[1];
                            if ("true".equalsIgnoreCase(changeSet.string("runAlways").orElse(""))) {
                                return;
                            }
                            List<String> changes = new ArrayList<>();
                            for (YamlNode change : changeSet.list("changes")) {
                                change.asMapping().ifPresent(c -> changes.addAll(c.keys()));
                            }
                            String name = changeSet.string("id").orElse("?") + " by "
                                    + changeSet.string("author").orElse("?");
                            out.add(new Migration(path, holder.lineOf("changeSet"), "liquibase", path, name,
                                    out.size(), undo(changes, changeSet.get("rollback").isPresent())));
                        });
            }
        });
    }

    /** Formatted SQL: every changeset is raw SQL, so it needs a {@code --rollback} line of its own. */
    static void readFormattedSql(String path, String text, List<Migration> out) {
        String[] lines = text.split("\\R", -1);
        String id = null;
        int line = 0;
        boolean rollback = false;
        boolean runAlways = false;
        for (int i = 0; i <= lines.length; i++) {
            String l = i < lines.length ? lines[i].strip() : null;
            Matcher m = l == null ? null : SQL_CHANGESET.matcher(l);
            if (l == null || m.matches()) {
                if (id != null && !runAlways) {
                    out.add(new Migration(path, line, "liquibase", path, id, out.size(),
                            rollback ? null : "no --rollback for its SQL"));
                }
                if (l != null) {
                    id = m.group(1).contains(":") ? m.group(1).substring(m.group(1).indexOf(':') + 1) + " by "
                            + m.group(1).substring(0, m.group(1).indexOf(':')) : m.group(1);
                    line = i + 1;
                    rollback = false;
                    runAlways = RUN_ALWAYS.matcher(m.group(2)).find();
                }
            } else if (id != null && SQL_ROLLBACK.matcher(l).find()) {
                rollback = true;
            }
        }
    }
}
