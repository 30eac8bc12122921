package io.github.devopsassess.rubric;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective rubric after {@code extends}: areas and checks in document order, levels sorted by minimum score.
 *
 * @param name name of the rubric ("default" or the user's file)
 * @param areas areas by id
 * @param checks checks by id
 * @param levels levels, lowest first
 */
public record Rubric(String name, Map<String, AreaDef> areas, Map<String, CheckDef> checks, List<LevelDef> levels) {

    public Rubric {
        areas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(areas));
        checks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
        levels = levels.stream().sorted(Comparator.comparingInt(LevelDef::minScore)).toList();
    }

    /** The highest level whose minimum the score reaches. */
    public Optional<LevelDef> levelFor(int score) {
        LevelDef reached = null;
        for (LevelDef level : levels) {
            if (score >= level.minScore()) {
                reached = level;
            }
        }
        return Optional.ofNullable(reached);
    }

    public List<CheckDef> enabledChecks(String area) {
        return checks.values().stream().filter(c -> c.enabled() && c.area().equals(area)).toList();
    }
}
