package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Place;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the on-call checks share: evidence at a place, and the judgement from findings over judged items. */
public final class OnCallChecks {

    private OnCallChecks() {
    }

    public static Evidence at(Place place, String note) {
        return Evidence.line(place.path(), place.line()).withNote(note);
    }

    /** Findings over judged items, each finding one failing item. */
    public static Judgement result(List<Finding> findings, int judged, String what, Map<String, Object> metrics) {
        return Judgement.of(findings, judged, findings.size() + " of " + judged + " " + what)
                .lost(findings.size()).metrics(metrics);
    }

    public static boolean failing(List<Finding> findings, Severity severity) {
        return findings.stream().anyMatch(f -> f.severity() == severity);
    }
}
