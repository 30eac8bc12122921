package io.github.devopsassess.facts.history;

import java.util.List;

/**
 * Every {@link Involvement} of the history: who committed, reviewed, acknowledged or co-authored commits they did not
 * author. Part of when a person was last active ({@link Activity}); never of who authored what.
 */
public record Involvements(List<Involvement> all) {

    public Involvements {
        all = List.copyOf(all);
    }

    public static Involvements none() {
        return new Involvements(List.of());
    }
}
