package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code time-to-restore}: the DORA "time to restore service", as the median over the postmortems that state it (a
 * "Time to recovery" line) or whose timeline shows it (first entry to the entry that says the service was restored).
 * Bands as in DORA's reports: elite under an hour, high under a day, medium under a week, low otherwise. Beside it,
 * the median time to detect (start of impact to the alert) and to acknowledge (the alert to someone responding), from
 * the postmortems that state or show them: they say which part of the restore time is spent before anyone works on it.
 */
public final class TimeToRestoreCheck extends PostmortemCheck {

    public static final String ID = "time-to-restore";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PostmortemFacts pm, Facts facts, CheckSettings settings) {
        List<Postmortem> timed = pm.postmortems().stream()
                .filter(p -> p.minutesToRestore() != null).toList();
        if (timed.isEmpty()) {
            return Judgement.inapplicable("no postmortem states a time to restore or has a timeline that shows one");
        }
        List<Integer> minutes = timed.stream().map(Postmortem::minutesToRestore).sorted().toList();
        int n = minutes.size();
        double median = median(minutes);
        long medianMinutes = Math.round(median);
        double elite = settings.threshold("eliteMinutes", 60);
        double high = settings.threshold("highMinutes", 1440);
        double medium = settings.threshold("mediumMinutes", 10080);
        String band = median < elite ? "elite" : median < high ? "high" : median < medium ? "medium" : "low";
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("timeToRestoreMinutes", medianMinutes);
        metrics.put("timeToRestoreBand", band);
        metrics.put("timeToRestoreIncidents", n);
        String summary = "median time to restore " + duration(medianMinutes) + " over "
                + Words.plural(n, "incident", "incidents") + ": DORA "
                + band + phase(pm, Postmortem::minutesToDetect, "detect", "timeToDetect", metrics)
                + phase(pm, Postmortem::minutesToAcknowledge, "acknowledge", "timeToAcknowledge", metrics);
        if (band.equals("elite") || band.equals("high")) {
            return Judgement.clean(summary).metrics(metrics).measured(median);
        }
        List<Evidence> evidence = timed.stream()
                .sorted(Comparator.comparing(Postmortem::minutesToRestore).reversed().thenComparing(Postmortem::path))
                .limit(5).map(p -> Evidence.line(p.path(), Math.max(1, p.restoreLine())).withNote("restored after "
                        + duration(p.minutesToRestore()) + " (" + p.restoreSource() + ")")).toList();
        boolean low = band.equals("low");
        String message = "Incidents take a median of " + duration(medianMinutes) + " to restore (DORA " + band
                + "): users wait " + (low ? "more than a week" : "more than a day") + " for service to come back.";
        Finding finding = low ? settings.fail(message, "time-to-restore", evidence)
                : settings.warn(message, "time-to-restore", evidence);
        return Judgement.of(List.of(finding), 0, summary).metrics(metrics).measured(median);
    }

    /**
     * "; median time to detect 4 min over 5": the median of one phase of the response over the postmortems that give
     * it, put into the metrics as {@code <key>Minutes} and {@code <key>Incidents}; "" when none gives it.
     */
    private static String phase(PostmortemFacts pm, Function<Postmortem, Integer> minutesOf, String verb, String key,
            Map<String, Object> metrics) {
        List<Integer> minutes = pm.postmortems().stream().map(minutesOf).filter(m -> m != null).sorted().toList();
        if (minutes.isEmpty()) {
            return "";
        }
        long median = Math.round(median(minutes));
        metrics.put(key + "Minutes", median);
        metrics.put(key + "Incidents", minutes.size());
        return "; median time to " + verb + " " + duration(median) + " over " + minutes.size();
    }

    private static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static String duration(long minutes) {
        if (minutes < 120) {
            return minutes + " min";
        }
        if (minutes < 2880) {
            return Math.round(minutes / 60.0) + " h";
        }
        return Math.round(minutes / 1440.0) + " days";
    }
}
