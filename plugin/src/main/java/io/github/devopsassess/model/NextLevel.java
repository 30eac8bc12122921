package io.github.devopsassess.model;

import java.util.List;

/**
 * What stands between the assessed project (or one area) and the next maturity level. In a ladder (checks marked
 * with the level they are required for) a level needs its minimum score <em>and</em> every check required at or below
 * it to pass; in the plain mode only the score counts and {@code blockingChecks} is empty.
 *
 * @param level id of the next level
 * @param title its title
 * @param minScore the score it needs
 * @param scoreReached whether the score already reaches it
 * @param blockingChecks required checks that do not pass yet, in rubric order
 * @param fixes the path to the level's score: the few checks whose passing would lift the score the most, at most
 *     five, most points first, chosen until together they reach {@code minScore}; empty when the score is reached or
 *     no assessed check can lift it
 * @param scoreWithFixes the score if every fix passed, or {@code null} without fixes
 */
public record NextLevel(String level, String title, int minScore, boolean scoreReached,
        List<Blocker> blockingChecks, List<Fix> fixes, Integer scoreWithFixes) {

    public NextLevel {
        blockingChecks = List.copyOf(blockingChecks);
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
    }

    /** A next level without a path, as tests and older code create it. */
    public NextLevel(String level, String title, int minScore, boolean scoreReached, List<Blocker> blockingChecks) {
        this(level, title, minScore, scoreReached, blockingChecks, List.of(), null);
    }

    /** The same next level with its path. */
    public NextLevel withFixes(List<Fix> value, Integer score) {
        return new NextLevel(level, title, minScore, scoreReached, blockingChecks, value, score);
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

    /**
     * One step of the path: a check that does not pass, and what passing it is worth.
     *
     * @param check check id
     * @param title check title
     * @param points how many points the score gains when this check alone passes (the score recomputed as if it
     *     scored 1.0)
     * @param findings how many findings it closes
     * @param fingerprint the fingerprint of its worst finding, or {@code null} when it has none (a measured value
     *     below its threshold)
     * @param closes the message of its worst finding, or the check's summary when it has none
     */
    public record Fix(String check, String title, int points, int findings, String fingerprint, String closes) {
    }
}
