package io.github.devopsassess.facts;

import java.util.Optional;

/**
 * The facts of one input (history, pipelines, on-call…) can be there and still say nothing: no repository, no
 * readable pipeline. A check that requires them is then "not assessed" with this reason, decided by the engine in
 * one place.
 */
public interface Input {

    /** Why these facts cannot be judged, or empty when they can. */
    Optional<String> unusable();
}
