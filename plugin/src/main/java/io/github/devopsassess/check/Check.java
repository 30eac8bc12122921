package io.github.devopsassess.check;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.rubric.CheckSettings;

/**
 * One rubric check: a pure function of the facts and its settings. It never reads files or history itself, so a
 * test calls it with hand-made facts.
 */
public interface Check {

    /** The id shared by the class, its rubric entry, its documentation and its test. */
    String id();

    CheckResult evaluate(Facts facts, CheckSettings settings);

    /**
     * Whether the check reads lines added and removed per file. Mining them costs a content diff per changed file,
     * so the engine computes them only when an enabled check says it needs them.
     */
    default boolean needsLineCounts() {
        return false;
    }
}
