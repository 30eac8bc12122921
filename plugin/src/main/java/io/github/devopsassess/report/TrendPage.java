package io.github.devopsassess.report;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.TrendPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores over time: the overall score and one small chart per area, then the same numbers as a table. The points
 * are re-assessments of past commits and previous {@code assessment.json} files, plus this run.
 */
final class TrendPage {

    private final SiteInput input;

    TrendPage(SiteInput input) {
        this.input = input;
    }

    /** Earlier points sorted by date, one per date and commit, then this run. */
    List<TrendPoint> points() {
        Map<String, TrendPoint> unique = new LinkedHashMap<>();
        List<TrendPoint> sorted = new ArrayList<>(input.trend());
        sorted.sort(Comparator.comparing((TrendPoint p) -> p.date() == null ? "" : p.date())
                .thenComparing(p -> p.commit() == null ? "" : p.commit()).thenComparing(TrendPoint::source));
        for (TrendPoint p : sorted) {
            unique.putIfAbsent(p.date() + "|" + p.commit(), p);
        }
        List<TrendPoint> out = new ArrayList<>(unique.values());
        out.add(TrendPoint.of(input.assessment(), TrendPoint.CURRENT));
        return out;
    }

    /** Dates as days, or with the time of day when two points fall on the same day (a young repository). */
    private static java.util.function.Function<TrendPoint, String> labels(List<TrendPoint> points) {
        long days = points.stream().map(p -> Vocabulary.day(p.date())).distinct().count();
        if (days == points.size()) {
            return p -> Vocabulary.day(p.date());
        }
        return p -> p.date() == null ? "unknown date" : p.date().length() >= 16
                ? p.date().substring(0, 10) + " " + p.date().substring(11, 16) : p.date();
    }

    String render() {
        List<TrendPoint> points = points();
        java.util.function.Function<TrendPoint, String> label = labels(points);
        StringBuilder a = new StringBuilder("= Score trend\n\n");
        long reassessed = points.stream().filter(p -> TrendPoint.REASSESSED.equals(p.source())).count();
        long previous = points.stream().filter(p -> TrendPoint.PREVIOUS.equals(p.source())).count();
        a.append("How the scores developed. No stored runs are needed: ").append(reassessed)
                .append(" point").append(reassessed == 1 ? " was" : "s were")
                .append(" computed by assessing the repository as it was at that date (the files of the commit"
                        + " then, and the history up to then)");
        a.append(previous > 0 ? ", " + previous + " came from previous assessment files" : "")
                .append(", and the last one is this run.\n\n");
        if (points.size() < 2) {
            a.append("[.not-assessed]#Only one point so far#: the history of the repository is too short for a"
                    + " trend, or the trend was switched off (`devops.trendPoints=0`).\n\n");
        }
        a.append("== Overall\n\n");
        List<Charts.Point> overall = points.stream().map(p -> new Charts.Point(label.apply(p), p.score()))
                .toList();
        a.append(Charts.line("trend-overall", "Overall score", describe("The overall score", overall), overall));
        a.append("== Areas\n\n");
        a.append("[.chart-grid]\n--\n");
        List<String> never = new ArrayList<>();
        for (AreaScore area : input.assessment().areas()) {
            List<Charts.Point> series = points.stream().map(p -> new Charts.Point(label.apply(p),
                    p.areas().get(area.area()))).toList();
            if (series.stream().allMatch(p -> p.value() == null)) {
                never.add(Adoc.text(area.title()));
                continue; // an empty chart says less than one sentence
            }
            a.append(Charts.line("trend-" + Adoc.id(area.area()), area.title(), describe("The score of "
                    + area.title(), series), series));
        }
        a.append("--\n\n");
        if (!never.isEmpty()) {
            a.append("[.not-assessed]#Not assessed at any point#: ").append(String.join(", ", never))
                    .append(".\n\n");
        }
        a.append("== The numbers\n\n");
        StringBuilder cols = new StringBuilder("2,2,2,1");
        input.assessment().areas().forEach(x -> cols.append(",1"));
        a.append("[.trend-table,cols=\"").append(cols).append("\",options=\"header\"]\n|===\n|Date |Commit |Source"
                + " |Overall");
        for (AreaScore area : input.assessment().areas()) {
            a.append(" |link:").append(Vocabulary.areaPage(area.area())).append("[").append(Adoc.text(area.title()))
                    .append("]");
        }
        a.append("\n");
        for (TrendPoint p : points) {
            a.append("|").append(Adoc.text(label.apply(p))).append(" |")
                    .append(p.commit() == null ? "" : Adoc.code(Vocabulary.shortCommit(p.commit()))).append(" |")
                    .append(Adoc.text(p.source())).append(" |").append(value(p.score()));
            for (AreaScore area : input.assessment().areas()) {
                a.append(" |").append(value(p.areas().get(area.area())));
            }
            a.append("\n");
        }
        a.append("|===\n\n");
        a.append("link:index.html[Back to the overview]\n");
        return a.toString();
    }

    private static String value(Integer v) {
        return v == null ? "[.not-assessed]#n/a#" : String.valueOf(v);
    }

    /** The chart in words, for screen readers: first and last value and the change between them. */
    private static String describe(String what, List<Charts.Point> series) {
        List<Charts.Point> known = series.stream().filter(p -> p.value() != null).toList();
        if (known.isEmpty()) {
            return what + " was not assessed at any point.";
        }
        Charts.Point first = known.get(0);
        Charts.Point last = known.get(known.size() - 1);
        int min = known.stream().mapToInt(Charts.Point::value).min().orElse(0);
        int max = known.stream().mapToInt(Charts.Point::value).max().orElse(0);
        return what + " went from " + first.value() + " on " + first.label() + " to " + last.value() + " on "
                + last.label() + " (lowest " + min + ", highest " + max + ", "
                + Words.plural(known.size(), "point", "points") + ").";
    }
}
