package io.github.devopsassess.facts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a fact's absence means, as the engine says it when a check requires the fact: "not assessed, because …". A
 * derived fact that the analysis stage adds only when there is something to derive (a CODEOWNERS file, a postmortem
 * with action items) carries the reason here, so no check repeats it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Missing {

    /** The reason, e.g. "no CODEOWNERS file". */
    String value();
}
