package io.github.devopsassess.facts.environment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environments side by side, for the report's "Environments" page: one row per setting, image and runtime, one
 * column per environment, each cell with its value (credentials masked) and the file and line it comes from.
 * Runtimes are pinned per stage rather than per environment, so their columns are {@code development} (dev
 * container and version-manager files), {@code build}, {@code ci}, {@code image} (what the deployed container
 * runs) and {@code infrastructure} (Terraform and its providers); a pin in an environment's own files (a
 * {@code versions.tf} under {@code envs/prod/}) is in that environment's column.
 *
 * @param columns every column in display order: {@code base}, development, test, pre-production, production, other
 *     environments by name, then the runtime stages
 * @param rows sorted by kind (setting, image, runtime), group and name
 */
public record EnvironmentMatrix(List<String> columns, List<Row> rows) {

    public static final String BASE_COLUMN = "base";

    public EnvironmentMatrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * @param value the value shown; {@link Setting#MASKED} for a credential
     * @param path repository-relative path
     * @param line 1-based line
     */
    public record Cell(String value, String path, int line) {
    }

    /**
     * @param kind {@code setting}, {@code image} or {@code runtime}
     * @param group {@code system:family} for settings and images, {@code runtime} for runtimes
     * @param name the key as written, the image slot or the runtime id
     * @param cells by column; a missing column means "not set there"
     * @param differs whether the environments disagree: different values, or set in some and not in others
     */
    public record Row(String kind, String group, String name, Map<String, Cell> cells, boolean differs) {
        public Row {
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }
    }

    private static final List<String> ORDER = List.of(BASE_COLUMN, EnvironmentNames.DEVELOPMENT,
            EnvironmentNames.TEST, EnvironmentNames.PRE_PRODUCTION, EnvironmentNames.PRODUCTION);
    private static final List<String> STAGES = List.of("development", "build", "ci", "image", "infrastructure");

    /** Builds the matrix from definitions and runtime pins. */
    public static EnvironmentMatrix of(List<EnvironmentDefinition> definitions, List<RuntimePin> pins) {
        List<Row> rows = new ArrayList<>();
        Map<String, List<EnvironmentDefinition>> groups = new TreeMap<>();
        definitions.forEach(d -> groups.computeIfAbsent(d.group(), g -> new ArrayList<>()).add(d));
        Set<String> envColumns = new LinkedHashSet<>();
        for (Map.Entry<String, List<EnvironmentDefinition>> g : groups.entrySet()) {
            Map<String, Map<String, Cell>> settings = new TreeMap<>();
            Map<String, String> names = new TreeMap<>();
            Map<String, Map<String, Cell>> images = new TreeMap<>();
            Set<String> groupEnvs = new LinkedHashSet<>();
            for (EnvironmentDefinition d : g.getValue()) {
                String column = d.isBase() ? BASE_COLUMN : d.environment();
                envColumns.add(column);
                if (!d.isBase()) {
                    groupEnvs.add(column);
                }
                for (Setting s : d.settings()) {
                    names.putIfAbsent(s.key(), s.displayKey());
                    settings.computeIfAbsent(s.key(), k -> new LinkedHashMap<>())
                            .putIfAbsent(column, new Cell(s.value(), s.path(), s.line()));
                }
                for (ImageRef i : d.images()) {
                    images.computeIfAbsent(i.slot(), k -> new LinkedHashMap<>())
                            .putIfAbsent(column, new Cell(i.reference(), i.path(), i.line()));
                }
            }
            settings.forEach((key, cells) -> rows.add(row("setting", g.getKey(), names.get(key), cells, groupEnvs)));
            images.forEach((slot, cells) -> rows.add(row("image", g.getKey(), slot, cells, groupEnvs)));
        }
        Map<String, Map<String, Cell>> runtimes = new TreeMap<>();
        for (RuntimePin p : pins) {
            String column = p.environment().isEmpty() ? stage(p.origin()) : p.environment();
            if (!p.environment().isEmpty()) {
                envColumns.add(column);
            }
            Map<String, Cell> cells = runtimes.computeIfAbsent(p.runtime(), r -> new LinkedHashMap<>());
            Cell existing = cells.get(column);
            if (existing == null) {
                cells.put(column, new Cell(p.version(), p.path(), p.line()));
            } else if (!List.of(existing.value().split(" / ")).contains(p.version())) {
                cells.put(column, new Cell(existing.value() + " / " + p.version(), existing.path(), existing.line()));
            }
        }
        runtimes.forEach((runtime, cells) -> {
            Set<String> values = new LinkedHashSet<>();
            cells.values().forEach(c -> values.addAll(List.of(c.value().split(" / "))));
            List<String> order = new ArrayList<>(ORDER);
            order.addAll(STAGES);
            rows.add(new Row("runtime", "runtime", runtime, sorted(cells, order), values.size() > 1));
        });
        List<String> columns = new ArrayList<>();
        ORDER.stream().filter(envColumns::contains).forEach(columns::add);
        envColumns.stream().filter(c -> !ORDER.contains(c)).sorted().forEach(columns::add);
        if (!runtimes.isEmpty()) {
            boolean infrastructure = runtimes.values().stream().anyMatch(c -> c.containsKey("infrastructure"));
            STAGES.stream().filter(s -> !columns.contains(s) && (infrastructure || !s.equals("infrastructure")))
                    .forEach(columns::add);
        }
        return new EnvironmentMatrix(columns, rows);
    }

    private static Row row(String kind, String group, String name, Map<String, Cell> cells, Set<String> envs) {
        Set<String> values = new LinkedHashSet<>();
        int present = 0;
        for (String env : envs) {
            Cell c = cells.get(env);
            if (c != null) {
                values.add(c.value());
                present++;
            }
        }
        boolean differs = values.size() > 1 || present > 0 && present < envs.size();
        List<String> order = new ArrayList<>(ORDER);
        envs.stream().filter(e -> !order.contains(e)).sorted().forEach(order::add);
        return new Row(kind, group, name, sorted(cells, order), differs);
    }

    private static Map<String, Cell> sorted(Map<String, Cell> cells, List<String> order) {
        Map<String, Cell> out = new LinkedHashMap<>();
        order.stream().filter(cells::containsKey).forEach(c -> out.put(c, cells.get(c)));
        cells.keySet().stream().filter(c -> !out.containsKey(c)).sorted(Comparator.naturalOrder())
                .forEach(c -> out.put(c, cells.get(c)));
        return out;
    }

    /** The runtime column of a pin's origin. */
    static String stage(String origin) {
        return switch (origin) {
            case RuntimePin.DEV_CONTAINER, RuntimePin.TOOL_FILE -> "development";
            case RuntimePin.BUILD -> "build";
            case RuntimePin.CI -> "ci";
            case RuntimePin.IMAGE -> "image";
            case RuntimePin.INFRASTRUCTURE -> "infrastructure";
            default -> origin;
        };
    }
}
