package io.github.devopsassess.model;

import java.util.Map;

/**
 * The scores at one point in time, for the trend page.
 *
 * @param date ISO-8601 instant the point stands for (a month-end, or the date of a previous assessment)
 * @param commit the commit that was assessed, or {@code null} when unknown
 * @param source where the point comes from: {@link #REASSESSED}, {@link #PREVIOUS} or {@link #CURRENT}
 * @param score overall score, or {@code null} when nothing was assessed
 * @param level overall level id, or {@code null}
 * @param areas area id → score for the areas that were assessed
 */
public record TrendPoint(String date, String commit, String source, Integer score, String level,
        Map<String, Integer> areas) {

    /** Re-assessed from the tree and history of a past commit. */
    public static final String REASSESSED = "re-assessed";
    /** Read from a previous {@code assessment.json}. */
    public static final String PREVIOUS = "assessment.json";
    /** The assessment of this run. */
    public static final String CURRENT = "this run";

    public TrendPoint {
        areas = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(areas));
    }

    public static TrendPoint of(Assessment assessment, String source) {
        Map<String, Integer> areas = new java.util.TreeMap<>();
        for (AreaScore a : assessment.areas()) {
            if (a.assessed()) {
                areas.put(a.area(), a.score());
            }
        }
        return new TrendPoint(assessment.subject().date(), assessment.subject().commit(), source, assessment.score(),
                assessment.level(), areas);
    }
}
