package io.github.devopsassess.report;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the index's "top risks", worst first: by severity, then by the weakness of the area (a lower area score
 * first), then by the area's weight. A check gives at most {@value #ROWS_PER_CHECK} rows, so that one noisy check
 * cannot fill the table; every critical finding is on the index (named in its check's last row when the check has
 * more than that); and the {@value #WEAKEST_AREAS} weakest areas with a failing finding have at least one row each.
 * Beyond those, the table is filled up to {@link #LIMIT} rows, one row per check before a second one.
 */
final class TopRisks {

    /** How many rows the table aims at: the things to do next, not a backlog. */
    static final int LIMIT = 5;
    /** The most rows one check may take. */
    static final int ROWS_PER_CHECK = 2;
    /** How many of the weakest areas are always represented. */
    static final int WEAKEST_AREAS = 2;

    /**
     * One row.
     *
     * @param finding the finding the row is about
     * @param others the other findings of the same check that no row of the table shows ("and N more like it"),
     *     worst first; empty unless this is the check's last row
     * @param areaScore the score of the finding's area, or {@code null} when the area was not assessed
     * @param areaWeight the weight of the finding's area
     */
    record Row(Finding finding, List<Finding> others, Integer areaScore, double areaWeight) {

        /** The critical findings among {@link #others}: they are named on the row. */
        List<Finding> otherCriticals() {
            return others.stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
        }
    }

    /** Severity first, then the weaker area (lower score), then the heavier area; ties by check and subject. */
    static final Comparator<Row> WORST_FIRST = Comparator
            .comparing((Row r) -> r.finding().severity(), Comparator.reverseOrder())
            .thenComparing(r -> r.areaScore() == null ? Integer.MAX_VALUE : r.areaScore())
            .thenComparing(Row::areaWeight, Comparator.reverseOrder())
            .thenComparing(r -> r.finding().check())
            .thenComparing(r -> r.finding().subject() == null ? "" : r.finding().subject());

    private TopRisks() {
    }

    static List<Row> of(Assessment assessment) {
        Map<String, AreaScore> areas = new LinkedHashMap<>();
        Map<String, CheckStatus> statuses = new LinkedHashMap<>();
        for (AreaScore area : assessment.areas()) {
            areas.put(area.area(), area);
            for (CheckResult r : area.checks()) {
                statuses.put(r.check(), r.status());
            }
        }
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        for (Finding f : assessment.findings()) {
            byCheck.computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f);
        }
        // The candidates: the worst findings of each check, at most ROWS_PER_CHECK of them.
        List<Row> candidates = new ArrayList<>();
        Map<String, List<Row>> rowsOfCheck = new LinkedHashMap<>();
        for (List<Finding> findings : byCheck.values()) {
            List<Row> rows = new ArrayList<>();
            for (Finding f : findings) {
                AreaScore area = areas.get(f.area());
                rows.add(new Row(f, List.of(), area == null ? null : area.score(), area == null ? 1.0
                        : area.weight()));
            }
            rows.sort(WORST_FIRST);
            List<Row> kept = rows.subList(0, Math.min(ROWS_PER_CHECK, rows.size()));
            candidates.addAll(kept);
            rowsOfCheck.put(findings.get(0).check(), rows);
        }
        candidates.sort(WORST_FIRST);

        Set<Row> chosen = new LinkedHashSet<>();
        for (Row r : candidates) {
            if (r.finding().severity() == Severity.CRITICAL) {
                chosen.add(r);
            }
        }
        for (String area : weakestAreas(assessment, statuses)) {
            if (chosen.stream().noneMatch(r -> r.finding().area().equals(area))) {
                candidates.stream().filter(r -> r.finding().area().equals(area)).findFirst().ifPresent(chosen::add);
            }
        }
        // Fill up: first the worst row of each check not yet shown, then second rows.
        for (int pass = 0; pass < ROWS_PER_CHECK; pass++) {
            for (Row r : candidates) {
                if (chosen.size() >= LIMIT) {
                    break;
                }
                String check = r.finding().check();
                if (chosen.stream().filter(x -> x.finding().check().equals(check)).count() <= pass) {
                    chosen.add(r);
                }
            }
        }
        List<Row> sorted = new ArrayList<>(chosen);
        sorted.sort(WORST_FIRST);
        // The last row of each check says what else the check found, naming the critical findings left over.
        Map<String, Integer> lastRow = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            lastRow.put(sorted.get(i).finding().check(), i);
        }
        List<Row> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            String check = r.finding().check();
            if (lastRow.get(check) == i) {
                Set<Finding> shown = new LinkedHashSet<>();
                sorted.stream().filter(x -> x.finding().check().equals(check)).forEach(x -> shown.add(x.finding()));
                List<Finding> others = rowsOfCheck.get(check).stream().map(Row::finding)
                        .filter(f -> !shown.contains(f)).toList();
                r = new Row(r.finding(), others, r.areaScore(), r.areaWeight());
            }
            result.add(r);
        }
        return result;
    }

    /**
     * The weakest assessed areas (lowest score first, the heavier first on a tie) that have a finding of a check that
     * did not pass.
     */
    static List<String> weakestAreas(Assessment assessment, Map<String, CheckStatus> statuses) {
        Set<String> failing = new LinkedHashSet<>();
        for (Finding f : assessment.findings()) {
            CheckStatus s = statuses.get(f.check());
            if (s == CheckStatus.FAIL || s == CheckStatus.WARN) {
                failing.add(f.area());
            }
        }
        return assessment.areas().stream().filter(a -> a.assessed() && failing.contains(a.area()))
                .sorted(Comparator.comparing(AreaScore::score).thenComparing(AreaScore::weight,
                        Comparator.reverseOrder()))
                .limit(WEAKEST_AREAS).map(AreaScore::area).toList();
    }
}
