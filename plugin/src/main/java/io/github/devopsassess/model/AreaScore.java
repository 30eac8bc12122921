package io.github.devopsassess.model;

import java.util.List;

/**
 * The score of one area.
 *
 * @param area area id
 * @param title human title
 * @param antiPattern the anti-pattern it guards against, in the words of the rubric
 * @param weight weight of the area in the overall score
 * @param assessed false when no check of the area had data; score and level are then {@code null}
 * @param score 0–100, or {@code null} when not assessed
 * @param level maturity level id, or {@code null} when not assessed
 * @param checks the results of its checks
 */
public record AreaScore(String area, String title, String antiPattern, double weight, boolean assessed,
        Integer score, String level, List<CheckResult> checks) {

    public AreaScore {
        checks = List.copyOf(checks);
    }
}
