package io.github.devopsassess.rubric;

import io.github.devopsassess.model.ParseProblem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The effective rubric after {@code extends}: areas and checks in document order, levels sorted by minimum score.
 *
 * @param name name of the rubric ("default" or the user's file)
 * @param areas areas by id
 * @param checks checks by id
 * @param levels levels, lowest first
 * @param version version of the rubric language (1)
 * @param ladder {@code false} forces the plain score-threshold mode; {@code null} or {@code true} make the levels a
 *     ladder as soon as a check is marked with a {@code level}
 * @param profiles named subsets by id
 * @param profile the profile applied, or {@code null}
 * @param sources the rubric documents applied, first to last ("default", files, {@code classpath:} resources)
 * @param disabled checks that a document extending another turned off ({@code enabled: false}), by id, with the
 *     document and line that did it ("team-rubric.yaml:12"); checks off by default are not here
 */
public record Rubric(String name, Map<String, AreaDef> areas, Map<String, CheckDef> checks, List<LevelDef> levels,
        int version, Boolean ladder, Map<String, ProfileDef> profiles, String profile, List<String> sources,
        Map<String, String> disabled) {

    /** The only version of the rubric language this plugin reads. */
    public static final int VERSION = 1;

    public Rubric {
        areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        levels = levels.stream().sorted(Comparator.comparingInt(LevelDef::minScore)).toList();
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        sources = List.copyOf(sources);
        disabled = Collections.unmodifiableMap(new LinkedHashMap<>(disabled));
    }

    /** A rubric in which no extending document turned a check off. */
    public Rubric(String name, Map<String, AreaDef> areas, Map<String, CheckDef> checks, List<LevelDef> levels,
            int version, Boolean ladder, Map<String, ProfileDef> profiles, String profile, List<String> sources) {
        this(name, areas, checks, levels, version, ladder, profiles, profile, sources, Map.of());
    }

    /** A plain rubric without profiles, as tests and older code create it. */
    public Rubric(String name, Map<String, AreaDef> areas, Map<String, CheckDef> checks, List<LevelDef> levels) {
        this(name, areas, checks, levels, VERSION, null, Map.of(), null, List.of(name));
    }

    /** The highest level whose minimum the score reaches, ignoring the ladder's required checks. */
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

    /** Whether levels are a ladder: some enabled check is required for a level and the rubric did not opt out. */
    public boolean ladderActive() {
        return !Boolean.FALSE.equals(ladder) && checks.values().stream().anyMatch(c -> c.enabled() && c.level() != null);
    }

    /**
     * The highest level an area of low confidence (fewer than half of its checks had data) may show: {@code managed}
     * when the rubric has it, otherwise the second level, or {@code null} for a rubric without levels.
     */
    public String lowConfidenceLevel() {
        if (levelRank("managed") >= 0) {
            return "managed";
        }
        return levels.isEmpty() ? null : levels.get(Math.min(1, levels.size() - 1)).id();
    }

    /** Position of a level in the ladder (0 for the lowest), or -1 for an unknown id. */
    public int levelRank(String levelId) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).id().equals(levelId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * This rubric reduced to one profile: checks and areas the profile leaves out are removed, so they are neither
     * scored nor shown.
     *
     * @param profileId the profile, or {@code null} / blank for the whole rubric
     * @throws RubricException when the rubric has no such profile
     */
    public Rubric forProfile(String profileId) throws RubricException {
        if (profileId == null || profileId.isBlank()) {
            return this;
        }
        ProfileDef p = profiles.get(profileId.trim());
        if (p == null) {
            String known = profiles.isEmpty() ? "it defines none" : "it defines " + String.join(", ", profiles.keySet());
            throw new RubricException(List.of(new ParseProblem(sources.isEmpty() ? name : sources.get(sources.size()
                    - 1), null, "devops.profile '" + profileId.trim() + "' is not a profile of the rubric ("
                    + known + ")" + DidYouMean.hint(profileId.trim(), profiles.keySet()))));
        }
        Map<String, CheckDef> kept = new LinkedHashMap<>();
        for (CheckDef c : checks.values()) {
            boolean included = p.include().isEmpty() || p.include().contains(c.id()) || p.include().contains(c.area());
            boolean excluded = p.exclude().contains(c.id()) || p.exclude().contains(c.area());
            if (included && !excluded) {
                kept.put(c.id(), c);
            }
        }
        Set<String> usedAreas = new LinkedHashSet<>();
        kept.values().forEach(c -> usedAreas.add(c.area()));
        Map<String, AreaDef> keptAreas = new LinkedHashMap<>();
        for (AreaDef a : areas.values()) {
            boolean excluded = p.exclude().contains(a.id());
            boolean included = p.include().isEmpty() || p.include().contains(a.id()) || usedAreas.contains(a.id());
            if (included && !excluded) {
                keptAreas.put(a.id(), a);
            }
        }
        return new Rubric(name, keptAreas, kept, new ArrayList<>(levels), version, ladder, profiles, p.id(),
                sources, disabled);
    }
}
