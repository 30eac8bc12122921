package io.github.devopsassess.check;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.List;

/**
 * One rubric check: a pure function of the facts and its settings. It never reads files or history itself, never
 * says "not assessed" because a fact is missing (the engine does, from {@link #requires()}), and never computes a
 * score or a status (the rubric's scoring policy does, from the {@link Judgement}). A test calls it with hand-made
 * facts.
 *
 * <p>The engine creates a check from its rubric entry ({@code input:} names the package under {@code check},
 * {@code class:} the class, by default the id in CamelCase followed by {@code Check}) with its public no-argument
 * constructor.
 */
public interface Check {

    /** The id shared by the class, its rubric entry, its documentation and its test. */
    String id();

    /**
     * The facts the check cannot judge without, each present and usable ({@link io.github.devopsassess.facts.Input}):
     * otherwise the engine reports the check "not assessed" with the reason, and {@link #judge} is not called.
     */
    List<Class<?>> requires();

    /** Facts that must have been scanned but may be empty (a check that judges absence, such as "no pipeline"). */
    default List<Class<?>> scanned() {
        return List.of();
    }

    /** Derived facts the check reads when they are there, so that the analysis stage derives them for it. */
    default List<Class<?>> reads() {
        return List.of();
    }

    /** What the check found over its required facts. */
    Judgement judge(Facts facts, CheckSettings settings);

    /**
     * Whether the check reads lines added and removed per file. Mining them costs a content diff per changed file,
     * so the engine computes them only when an enabled check says it needs them.
     */
    default boolean needsLineCounts() {
        return false;
    }
}
