package io.github.devopsassess.rubric;

import java.util.List;

/**
 * How a check's judgement becomes its score, declared per check in the rubric ({@code scoring:} and, for a ladder,
 * {@code ladder:}).
 *
 * @param policy the named policy
 * @param steps for {@link Policy#LADDER}, the steps tried in order; the first that holds gives the score, and 1.0
 *     when none holds
 */
public record Scoring(Policy policy, List<Step> steps) {

    public static final Scoring PROPORTIONAL = new Scoring(Policy.PROPORTIONAL, List.of());

    public Scoring {
        steps = List.copyOf(steps);
    }

    /** The named scoring policies. */
    public enum Policy {
        /**
         * 1 − lost / judged: a finding at the check's severity loses one judged item, one below loses half (or the
         * check says how many items fail); 1.0 with nothing found, 0 with findings but nothing judged.
         */
        PROPORTIONAL("proportional"),
        /** 1.0 with no finding, 0.5 when the worst finding is below the check's severity, 0 otherwise. */
        WORST_FINDING("worst-finding"),
        /** The measured value against the rubric's ladder steps. */
        LADDER("ladder");

        private final String id;

        Policy(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Policy parse(String text) {
            for (Policy p : values()) {
                if (p.id.equals(text)) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * One step of a ladder: when the measured value is at most (or at least) the bound, the score is {@code score}.
     *
     * @param atMost true for "at most", false for "at least"
     * @param bound a number, or the name of one of the check's thresholds (so that a team tuning the threshold tunes
     *     the ladder)
     * @param score the score, 0.0 to 1.0
     */
    public record Step(boolean atMost, String bound, double score) {
    }
}
