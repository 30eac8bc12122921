package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.CoverageState;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.WeeklyCoverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code oncall-coverage-gaps}: the hours of a representative week in which a service's escalation path reaches
 * nobody, because restrictions leave holes, layers have ended or have not started. An alert then pages no one.
 */
public final class CoverageGapsCheck extends OnCallCheck {

    public static final String ID = "oncall-coverage-gaps";
    /** More ranges than this are folded in the message. */
    static final int FOLD_ABOVE = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        int warnHours = settings.intThreshold("warnGapHours", 1);
        int failHours = settings.intThreshold("failGapHours", 8);
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> metrics = new TreeMap<>();
        int judged = 0;
        int totalGap = 0;
        for (WeeklyCoverage week : model.coverage()) {
            if (week.count(CoverageState.UNKNOWN) == 7 * 24) {
                continue;
            }
            judged++;
            int gap = week.count(CoverageState.GAP);
            totalGap += gap;
            if (gap < warnHours) {
                continue;
            }
            List<String> gaps = week.ranges(CoverageState.GAP);
            // a long list is folded in the message (the first three and how many more); every range is evidence
            String ranges = gaps.size() > FOLD_ABOVE ? Listing.some(gaps, 3, ", ") : String.join(", ", gaps);
            String message = "Nobody is reached for '" + week.name() + "' during " + Words.plural(gap, "hour", "hours")
                    + " of a week (" + week.timeZone() + ", week of " + week.weekStart() + "): " + ranges
                    + ". An incident in those hours pages no one.";
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(OnCallChecks.at(week.place(), Words.plural(gaps.size(), "gap", "gaps") + " a week"));
            gaps.forEach(r -> evidence.add(Evidence.note("nobody on call " + r)));
            findings.add(gap >= failHours ? settings.fail(message, week.subject(), evidence)
                    : settings.warn(message, week.subject(), evidence));
        }
        if (judged == 0) {
            return Judgement.inapplicable("no escalation path whose schedules could be read");
        }
        metrics.put("onCallGapHours", totalGap);
        return OnCallChecks.result(findings, judged, "escalation paths have hours with nobody on call",
                metrics);
    }
}
