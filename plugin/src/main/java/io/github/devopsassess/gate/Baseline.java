package io.github.devopsassess.gate;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accepted state a build is compared with: scores and the fingerprints of accepted findings. Committed to the
 * repository as {@code devops-baseline.json}; sorted and stable so that its diffs are readable in review.
 *
 * @param schemaVersion version of this layout
 * @param score overall score, or {@code null} when not assessed
 * @param areas area id → score; areas that were not assessed are absent
 * @param findings accepted findings, sorted by fingerprint
 */
public record Baseline(int schemaVersion, Integer score, Map<String, Integer> areas, List<Entry> findings) {

    public static final int SCHEMA_VERSION = 1;

    public Baseline {
        areas = java.util.Collections.unmodifiableMap(new TreeMap<>(areas));
        findings = findings.stream().sorted(Comparator.comparing(Entry::fingerprint)).toList();
    }

    /** An accepted finding; check, severity and message are there for the human reading the diff. */
    public record Entry(String fingerprint, String check, String severity, String message) {
    }

    public static Baseline of(Assessment assessment) {
        Map<String, Integer> areas = new TreeMap<>();
        for (AreaScore a : assessment.areas()) {
            if (a.assessed()) {
                areas.put(a.area(), a.score());
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Finding f : assessment.findings()) {
            entries.add(new Entry(f.fingerprint(), f.check(), f.severity().id(), f.message()));
        }
        return new Baseline(SCHEMA_VERSION, assessment.score(), areas, entries);
    }
}
