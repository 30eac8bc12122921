package io.github.devopsassess.engine;

import io.github.devopsassess.analysis.Analysis;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.custom.CustomCheck;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.Input;
import io.github.devopsassess.facts.Missing;
import io.github.devopsassess.facts.ownership.OwnerIdentities;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.score.CheckScores;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The enabled checks of a rubric, created from their rubric entries, and the one place that decides "not assessed,
 * because …": a required fact that is missing or unusable, a check with nothing to judge, a check that failed.
 */
public final class CheckRunner {

    private final Map<CheckDef, Check> checks = new LinkedHashMap<>();

    CheckRunner(Rubric rubric) {
        for (CheckDef def : rubric.checks().values()) {
            if (def.enabled()) {
                checks.put(def, def.isCustom() ? new CustomCheck(def.id(), def.custom()) : create(def));
            }
        }
    }

    private static Check create(CheckDef def) {
        String name = def.className();
        if (name == null) {
            throw new IllegalStateException("check '" + def.id() + "' names no input in its rubric entry");
        }
        try {
            Check check = Class.forName(name, true, CheckRunner.class.getClassLoader()).asSubclass(Check.class)
                    .getConstructor().newInstance();
            if (!check.id().equals(def.id())) {
                throw new IllegalStateException(name + " implements check '" + check.id() + "', not '" + def.id()
                        + "'");
            }
            return check;
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException | ClassCastException e) {
            throw new IllegalStateException("check '" + def.id() + "': cannot create " + name + " (" + e + ")", e);
        }
    }

    /** Every built-in check of a rubric, enabled or not, created from its rubric entry. */
    public static List<Check> builtIn(Rubric rubric) {
        return rubric.checks().values().stream().filter(d -> !d.isCustom()).map(CheckRunner::create).toList();
    }

    /** Whether an enabled check reads lines added and removed, which cost a content diff per changed file. */
    boolean needsLineCounts() {
        return checks.values().stream().anyMatch(Check::needsLineCounts);
    }

    /** The fact types the enabled checks and the report read: what the analysis stage derives. */
    Set<Class<?>> wanted() {
        Set<Class<?>> wanted = new LinkedHashSet<>();
        wanted.add(OwnerIdentities.class); // the report names owners after the people of history
        checks.values().forEach(c -> {
            wanted.addAll(c.requires());
            wanted.addAll(c.scanned());
            wanted.addAll(c.reads());
        });
        return wanted;
    }

    /** The analysis stage: the scanners' facts with what the checks and the report read derived from them. */
    Facts derive(Facts scanned) {
        return Analysis.derive(scanned, wanted());
    }

    /** Runs every enabled check over derived facts ({@link #derive}). */
    Map<String, CheckResult> run(Facts facts) {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        checks.forEach((def, check) -> {
            Optional<String> missing = missing(check, facts);
            if (missing.isPresent()) {
                results.put(def.id(), CheckScores.notAssessed(def, missing.get()));
                return;
            }
            try {
                Judgement judgement = check.judge(facts, new CheckSettings(def));
                results.put(def.id(), CheckScores.result(def, judgement));
            } catch (RuntimeException e) {
                results.put(def.id(), CheckScores.notAssessed(def, "the check failed (" + e + "); please report"
                        + " this"));
            }
        });
        return results;
    }

    /**
     * Runs one check as the engine does (derived facts it requires, "not assessed" when a fact is missing, the
     * rubric's scoring policy): what tests of a check call.
     */
    public static CheckResult evaluate(Check check, Facts facts, CheckSettings settings) {
        Set<Class<?>> wanted = new LinkedHashSet<>(check.requires());
        wanted.addAll(check.reads());
        Facts derived = Analysis.derive(facts, wanted);
        Optional<String> missing = missing(check, derived);
        if (missing.isPresent()) {
            return CheckScores.notAssessed(settings.def(), missing.get());
        }
        return CheckScores.result(settings.def(), check.judge(derived, settings));
    }

    /** Why a check cannot judge these facts: the first required fact that is missing or unusable. */
    static Optional<String> missing(Check check, Facts facts) {
        for (Class<?> type : check.scanned()) {
            if (facts.find(type).isEmpty()) {
                return Optional.of(notScanned(type));
            }
        }
        for (Class<?> type : check.requires()) {
            Optional<?> fact = facts.find(type);
            if (fact.isEmpty()) {
                return Optional.of(notScanned(type));
            }
            if (fact.get() instanceof Input input && input.unusable().isPresent()) {
                return input.unusable();
            }
        }
        return Optional.empty();
    }

    private static String notScanned(Class<?> type) {
        Missing missing = type.getAnnotation(Missing.class);
        if (missing != null) {
            return missing.value();
        }
        String name = type.getSimpleName().replaceAll("Facts$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
        return name + " facts are not available (not scanned or not derived)";
    }
}
