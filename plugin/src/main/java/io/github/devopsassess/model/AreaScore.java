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
 * @param level maturity level id, or {@code null} when not assessed; an area of low confidence is held at the
 *     rubric's low-confidence level ({@code managed} in the default rubric) whatever its score
 * @param checks the results of its checks
 * @param lowConfidence true when the area is assessed but fewer than half of its checks had data
 * @param nextLevel what the area's next level needs and the path to its score, or {@code null} at the top level or
 *     when not assessed
 */
public record AreaScore(String area, String title, String antiPattern, double weight, boolean assessed,
        Integer score, String level, List<CheckResult> checks, boolean lowConfidence, NextLevel nextLevel) {

    public AreaScore {
        checks = List.copyOf(checks);
    }

    /** An area score without the confidence mark, as tests and older code create it. */
    public AreaScore(String area, String title, String antiPattern, double weight, boolean assessed, Integer score,
            String level, List<CheckResult> checks) {
        this(area, title, antiPattern, weight, assessed, score, level, checks, false, null);
    }

    /** How many of its checks had data. */
    public int measuredChecks() {
        return (int) checks.stream().filter(CheckResult::assessed).count();
    }

    /** The share (0–1) of the area's check weight that had data; 0 for an area without weighted checks. */
    public double measuredShare() {
        double all = checks.stream().mapToDouble(CheckResult::weight).sum();
        double measured = checks.stream().filter(CheckResult::assessed).mapToDouble(CheckResult::weight).sum();
        return all <= 0 ? 0 : measured / all;
    }

    /**
     * The share (0–1) of a rubric, by weight, that scores of these areas rest on: each area counts with its weight,
     * times the share of its checks' weight that had data; areas without checks do not count.
     */
    public static double measuredShare(List<AreaScore> areas) {
        double all = 0;
        double measured = 0;
        for (AreaScore a : areas) {
            if (a.checks().isEmpty()) {
                continue;
            }
            all += a.weight();
            measured += a.weight() * a.measuredShare();
        }
        return all <= 0 ? 0 : measured / all;
    }

    /**
     * Whether less than half of the rubric's weight was measured: the overall level is then held like the level of an
     * area of low confidence.
     */
    public static boolean lowConfidence(double measuredShare) {
        return measuredShare < 0.5;
    }

    /** Whether fewer than half of the checks had data: the rule that marks an area of low confidence. */
    public static boolean lowConfidence(int measured, int checks) {
        return checks > 0 && 2 * measured < checks;
    }
}
