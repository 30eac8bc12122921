package io.github.devopsassess.facts.postmortem;

import io.github.devopsassess.facts.Missing;

import java.util.List;

/**
 * The postmortems that list action items, derived by the analysis stage from {@link PostmortemFacts} when there is at
 * least one: the checks of action items require it.
 *
 * @param postmortems those postmortems, in the scanner's order
 */
@Missing("no postmortem with action items")
public record ActionItemPostmortems(List<Postmortem> postmortems) {

    public ActionItemPostmortems {
        postmortems = List.copyOf(postmortems);
    }
}
