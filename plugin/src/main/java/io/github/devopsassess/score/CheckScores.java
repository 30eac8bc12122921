package io.github.devopsassess.score;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.Scoring;

import java.util.List;
import java.util.Map;

/**
 * The one place where a check's judgement becomes a score and a status: the score from the scoring policy its rubric
 * entry declares, the status from the score. A check never decides either, so they always agree: pass at 1.0 (nothing
 * lost), warn from 0.5, fail below.
 */
public final class CheckScores {

    /** The lowest score that is still a warning rather than a failure. */
    public static final double WARN_FROM = 0.5;

    private CheckScores() {
    }

    /** Status from score: pass at 1.0, warn from {@value #WARN_FROM}, fail below. */
    public static CheckStatus status(double score) {
        if (score >= 1.0 - 1e-9) {
            return CheckStatus.PASS;
        }
        return score >= WARN_FROM - 1e-9 ? CheckStatus.WARN : CheckStatus.FAIL;
    }

    /** The result of a check from its judgement, or "not assessed" when it had nothing to judge. */
    public static CheckResult result(CheckDef def, Judgement judgement) {
        if (judgement.inapplicable() != null) {
            // a figure measured without enough to judge (directPushes of two commits) is still reported
            return new CheckResult(def.id(), def.area(), CheckStatus.NOT_ASSESSED, 0, def.weight(),
                    judgement.inapplicable(), List.of(), judgement.metrics());
        }
        double score = Math.max(0, Math.min(1, score(def, judgement)));
        return new CheckResult(def.id(), def.area(), status(score), score, def.weight(), judgement.summary(),
                judgement.findings(), judgement.metrics());
    }

    /** Left out of the area score instead of counting as zero; the reason says what is missing. */
    public static CheckResult notAssessed(CheckDef def, String reason) {
        return new CheckResult(def.id(), def.area(), CheckStatus.NOT_ASSESSED, 0, def.weight(), reason, List.of(),
                Map.of());
    }

    static double score(CheckDef def, Judgement j) {
        Scoring scoring = def.scoring();
        return switch (scoring.policy()) {
            case PROPORTIONAL -> proportional(def, j);
            case WORST_FINDING -> worstFinding(def, j.findings());
            case LADDER -> ladder(def, j);
        };
    }

    private static double proportional(CheckDef def, Judgement j) {
        double lost = j.lost() != null ? j.lost() : j.findings().stream()
                .mapToDouble(f -> f.severity() == def.severity() ? 1 : 0.5).sum();
        if (lost <= 0) {
            return 1.0;
        }
        return j.judged() <= 0 ? 0 : 1 - lost / j.judged();
    }

    private static double worstFinding(CheckDef def, List<Finding> findings) {
        if (findings.isEmpty()) {
            return 1.0;
        }
        return findings.stream().anyMatch(f -> f.severity() == def.severity()) ? 0 : 0.5;
    }

    private static double ladder(CheckDef def, Judgement j) {
        if (j.measured() == null && j.findings().isEmpty()) {
            return 1.0; // nothing found and nothing measured against the steps: as proportional, nothing lost
        }
        if (j.measured() == null) {
            throw new IllegalStateException("check '" + def.id() + "' is scored by a ladder but measured nothing");
        }
        double value = j.measured();
        for (Scoring.Step step : def.scoring().steps()) {
            double bound = bound(def, step.bound());
            if (step.atMost() ? value <= bound : value >= bound) {
                return step.score();
            }
        }
        return 1.0;
    }

    private static double bound(CheckDef def, String bound) {
        Object t = def.thresholds().get(bound);
        if (t instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(bound);
    }
}
