package io.github.devopsassess.rubric;

/**
 * A maturity level reached at {@code minScore} or above.
 *
 * @param id {@code initial}, {@code managed}, {@code defined}, {@code measured} or {@code optimizing}
 * @param title human title
 * @param minScore lowest score (0–100) of the level
 * @param description what the level means for a team
 */
public record LevelDef(String id, String title, int minScore, String description) {
}
