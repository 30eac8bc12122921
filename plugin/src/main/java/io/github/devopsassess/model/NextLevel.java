package io.github.devopsassess.model;

import java.util.List;

/**
 * What stands between the assessed project and the next maturity level. In a ladder (checks marked with the level
 * they are required for) a level needs its minimum score <em>and</em> every check required at or below it to pass;
 * in the plain mode only the score counts and {@code blockingChecks} is empty.
 *
 * @param level id of the next level
 * @param title its title
 * @param minScore the score it needs
 * @param scoreReached whether the score already reaches it
 * @param blockingChecks required checks that do not pass yet, in rubric order
 */
public record NextLevel(String level, String title, int minScore, boolean scoreReached,
        List<Blocker> blockingChecks) {

    public NextLevel {
        blockingChecks = List.copyOf(blockingChecks);
    }

    /**
     * A required check that does not pass.
     *
     * @param check check id
     * @param title check title
     * @param requiredFor the level the rubric requires it for
     * @param status its status: fail or not-assessed (a check without data does not prove the level)
     */
    public record Blocker(String check, String title, String requiredFor, CheckStatus status) {
    }
}
