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
}
