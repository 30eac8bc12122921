package io.github.devopsassess.gate;

import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.BaselineChanges;
import io.github.devopsassess.model.Finding;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Works out what changed since the baseline for the report: new findings, fixed findings, previous scores. */
public final class BaselineDiff {

    private BaselineDiff() {
    }

    public static BaselineChanges of(Assessment assessment, Baseline baseline) {
        Set<String> accepted = baseline.findings().stream().map(Baseline.Entry::fingerprint)
                .collect(Collectors.toSet());
        Set<String> current = assessment.findings().stream().map(Finding::fingerprint).collect(Collectors.toSet());
        List<String> fresh = assessment.findings().stream().map(Finding::fingerprint)
                .filter(f -> !accepted.contains(f)).distinct().toList();
        List<BaselineChanges.Fixed> fixed = baseline.findings().stream()
                .filter(e -> !current.contains(e.fingerprint()))
                .map(e -> new BaselineChanges.Fixed(e.fingerprint(), e.check(), e.severity(), e.message())).toList();
        return new BaselineChanges(baseline.score(), baseline.areas(), fresh, fixed);
    }
}
