package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.Deployment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.HistoryFacts;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DORA performance levels (Accelerate State of DevOps). The 2023 benchmark is the default; the rubric threshold
 * {@code benchmark: 2021} selects the 2021 one. The reports give ranges that overlap at the low end; the boundaries
 * here are the upper edges of each range, so every value lands in exactly one level.
 *
 * <table>
 * <caption>Boundaries</caption>
 * <tr><th></th><th>elite</th><th>high</th><th>medium</th></tr>
 * <tr><td>deployments, 2023</td><td>≥ 1 a day</td><td>≥ 1 a week</td><td>≥ 1 a month</td></tr>
 * <tr><td>deployments, 2021</td><td>≥ 1 a day</td><td>≥ 1 a month</td><td>≥ 1 in 6 months</td></tr>
 * <tr><td>lead time, 2023</td><td>&lt; 1 day</td><td>&lt; 1 week</td><td>&lt; 1 month</td></tr>
 * <tr><td>lead time, 2021</td><td>&lt; 1 hour</td><td>&lt; 1 week</td><td>&lt; 6 months</td></tr>
 * <tr><td>change failure rate, 2023</td><td>≤ 5%</td><td>≤ 10%</td><td>≤ 15%</td></tr>
 * <tr><td>change failure rate, 2021</td><td>≤ 15%</td><td>≤ 30%</td><td>≤ 30%</td></tr>
 * </table>
 */
final class Dora {

    /** A DORA performance level, best first. */
    enum Level {
        ELITE(3), HIGH(2), MEDIUM(1), LOW(0);

        /** What the check measures: the rubric's ladder turns it into a score. */
        final int rank;

        Level(int rank) {
            this.rank = rank;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Dora() {
    }

    /**
     * What the messages call a deployment: "release" while release tags are the only source (the wording the checks
     * always had), "deployment" once deploy-marker commits count too.
     */
    static String unit(HistoryFacts history) {
        return history.deployMarkers() == null ? "release" : "deployment";
    }

    /** How a deployment is shown in evidence: the tag, or the marker commit's subject (the report escapes it). */
    static String describe(Deployment d) {
        return d.kind() == Deployment.Kind.TAG ? "release tag " + d.name()
                : "deploy commit \"" + d.name() + "\"";
    }

    static int benchmark(CheckSettings settings) {
        return settings.intThreshold("benchmark", 2023) == 2021 ? 2021 : 2023;
    }

    static Level deploymentFrequency(double perDay, int benchmark) {
        if (perDay >= 1) {
            return Level.ELITE;
        }
        if (benchmark == 2021) {
            return perDay >= 1 / 30.0 ? Level.HIGH : perDay >= 1 / 182.0 ? Level.MEDIUM : Level.LOW;
        }
        return perDay >= 1 / 7.0 ? Level.HIGH : perDay >= 1 / 30.0 ? Level.MEDIUM : Level.LOW;
    }

    static Level leadTime(double hours, int benchmark) {
        if (benchmark == 2021) {
            return hours < 1 ? Level.ELITE : hours < 168 ? Level.HIGH : hours < 4380 ? Level.MEDIUM : Level.LOW;
        }
        return hours < 24 ? Level.ELITE : hours < 168 ? Level.HIGH : hours < 720 ? Level.MEDIUM : Level.LOW;
    }

    static Level changeFailureRate(double rate, int benchmark) {
        if (benchmark == 2021) {
            return rate <= 0.15 ? Level.ELITE : rate <= 0.30 ? Level.HIGH : Level.LOW;
        }
        return rate <= 0.05 ? Level.ELITE : rate <= 0.10 ? Level.HIGH : rate <= 0.15 ? Level.MEDIUM : Level.LOW;
    }

    /** A finding at medium (a warning) and low (a failure); the level is a metric and the measured rank. */
    static Judgement result(CheckSettings settings, Level level, String metric, Object value, String summary,
            String message, String subject, List<Evidence> evidence) {
        return result(settings, level, metric, value, summary, message, subject, evidence, true);
    }

    /**
     * The judgement of a DORA metric; with {@code mediumIsFinding} false the medium level lowers the score (the
     * ladder) and says so in the summary, but is no finding: a pace a senior engineer would not raise as a problem.
     */
    static Judgement result(CheckSettings settings, Level level, String metric, Object value, String summary,
            String message, String subject, List<Evidence> evidence, boolean mediumIsFinding) {
        Map<String, Object> metrics = Map.of(metric, value, metric + "Level", level.id());
        String full = summary + " — DORA " + level.id() + " (" + benchmark(settings) + " benchmark)";
        List<Finding> findings = switch (level) {
            case ELITE, HIGH -> List.of();
            case MEDIUM -> mediumIsFinding ? List.of(settings.warn(message + " That is DORA's medium level.", subject,
                    evidence)) : List.of();
            case LOW -> List.of(settings.fail(message + " That is DORA's low level.", subject, evidence));
        };
        return Judgement.of(findings, 0, full).metrics(metrics).measured(level.rank);
    }
}
