package io.github.devopsassess.gate;

import io.github.devopsassess.model.Assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tightens a baseline after a passing build, as jQAssistant's baseline does: fixed findings leave it, so they
 * cannot silently return, and scores only go up. New findings are never added: accepting them is
 * {@code devops:baseline}'s job.
 */
public final class Ratchet {

    private Ratchet() {
    }

    public static Baseline tighten(Baseline baseline, Assessment assessment) {
        Set<String> present = assessment.findings().stream().map(f -> f.fingerprint()).collect(Collectors.toSet());
        List<Baseline.Entry> kept = baseline.findings().stream().filter(e -> present.contains(e.fingerprint()))
                .toList();
        Map<String, Integer> areas = new TreeMap<>(baseline.areas());
        assessment.areas().forEach(a -> {
            if (a.assessed()) {
                areas.merge(a.area(), a.score(), Math::max);
            }
        });
        Integer score = baseline.score();
        if (assessment.score() != null) {
            score = score == null ? assessment.score() : Math.max(score, assessment.score());
        }
        return new Baseline(baseline.schemaVersion(), score, areas, kept);
    }
}
