package io.github.devopsassess.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts, written as AsciiDoc passthrough blocks. Every chart has a {@code <title>} and a
 * {@code <desc>} that says in words what it shows, and the page puts a data table beside it, so the chart is never
 * the only way to read the numbers. Every emitted line starts with {@code <}: no line of a passthrough block can
 * then be read as an AsciiDoc directive, whatever the labels contain (they are escaped with {@link Adoc#html}).
 */
final class Charts {

    /**
     * One axis of a radar chart.
     *
     * @param label area title
     * @param score current score, or {@code null} when not assessed
     * @param baseline baseline score, or {@code null}
     */
    record Axis(String label, Integer score, Integer baseline) {
    }

    /**
     * One point of a line chart.
     *
     * @param label x label (a date)
     * @param value y value 0–100, or {@code null} when there was no value then
     */
    record Point(String label, Integer value) {
    }

    /**
     * One bar of a bar chart.
     *
     * @param label what it counts (a level, a score band)
     * @param count how many
     * @param role a CSS class that colours it (a level's or a heat band's)
     */
    record Bar(String label, int count, String role) {
    }

    private Charts() {
    }

    /**
     * A vertical bar chart of counts, each bar labelled below and its count written above it, so the chart reads
     * without colour. Each bar carries {@code data-label} and {@code data-count}.
     */
    static String bars(String id, String title, String desc, List<Bar> bars) {
        double w = 420;
        double h = 190;
        double left = 10;
        double right = 10;
        double top = 18;
        double bottom = 30;
        double pw = w - left - right;
        double ph = h - top - bottom;
        int n = Math.max(1, bars.size());
        int most = Math.max(1, bars.stream().mapToInt(Bar::count).max().orElse(1));
        double slot = pw / n;
        double bw = slot * 0.72;
        List<String> out = new ArrayList<>();
        out.add("++++");
        open(out, "bars", id, title, desc, f(w), f(h));
        out.add("<line class=\"axis\" x1=\"" + f(left) + "\" y1=\"" + f(top + ph) + "\" x2=\"" + f(w - right)
                + "\" y2=\"" + f(top + ph) + "\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double bh = ph * b.count() / most;
            double x = left + slot * i + (slot - bw) / 2;
            double y = top + ph - bh;
            String label = Adoc.html(b.label());
            out.add("<rect class=\"bar " + Adoc.id(b.role()) + "\" data-label=\"" + label + "\" data-count=\""
                    + b.count() + "\" x=\"" + f(x) + "\" y=\"" + f(y) + "\" width=\"" + f(bw) + "\" height=\""
                    + f(bh) + "\"><title>" + label + ": " + b.count() + "</title></rect>");
            out.add("<text class=\"value\" x=\"" + f(x + bw / 2) + "\" y=\"" + f(y - 4)
                    + "\" text-anchor=\"middle\">" + b.count() + "</text>");
            out.add("<text class=\"tick\" x=\"" + f(x + bw / 2) + "\" y=\"" + f(h - bottom + 16)
                    + "\" text-anchor=\"middle\">" + label + "</text>");
        }
        out.add("</svg>");
        out.add("<figcaption>" + Adoc.html(title) + "</figcaption>");
        out.add("</figure>");
        out.add("++++");
        return String.join("\n", out) + "\n\n";
    }

    /** A spider chart of area scores, with the baseline as a dashed outline when there is one. */
    static String radar(String id, String title, String desc, List<Axis> axes) {
        double cx = 320;
        double cy = 200;
        double r = 140;
        int n = axes.size();
        List<String> out = new ArrayList<>();
        out.add("++++");
        open(out, "radar", id, title, desc, "640", "400");
        for (int ring = 25; ring <= 100; ring += 25) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pts.add(polar(cx, cy, r * ring / 100.0, i, n));
            }
            out.add("<polygon class=\"grid\" points=\"" + points(pts) + "\"/>");
        }
        for (int i = 0; i < n; i++) {
            double[] end = polar(cx, cy, r, i, n);
            out.add("<line class=\"axis\" x1=\"" + f(cx) + "\" y1=\"" + f(cy) + "\" x2=\"" + f(end[0]) + "\" y2=\""
                    + f(end[1]) + "\"/>");
        }
        out.add("<text class=\"tick\" x=\"" + f(cx + 3) + "\" y=\"" + f(cy - r / 2 + 4) + "\">50</text>");
        out.add("<text class=\"tick\" x=\"" + f(cx + 3) + "\" y=\"" + f(cy - r + 4) + "\">100</text>");
        List<double[]> baseline = new ArrayList<>();
        List<double[]> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Axis a = axes.get(i);
            if (a.baseline() != null) {
                baseline.add(polar(cx, cy, r * a.baseline() / 100.0, i, n));
            }
            if (a.score() != null) {
                current.add(polar(cx, cy, r * a.score() / 100.0, i, n));
            }
        }
        if (baseline.size() >= 3) {
            out.add("<polygon class=\"series-baseline\" points=\"" + points(baseline) + "\"/>");
        }
        if (current.size() >= 3) {
            out.add("<polygon class=\"series-current\" points=\"" + points(current) + "\"/>");
        }
        for (int i = 0; i < n; i++) {
            Axis a = axes.get(i);
            if (a.score() != null) {
                double[] p = polar(cx, cy, r * a.score() / 100.0, i, n);
                out.add("<circle class=\"dot\" cx=\"" + f(p[0]) + "\" cy=\"" + f(p[1]) + "\" r=\"4\"/>");
            }
            double[] l = polar(cx, cy, r + 16, i, n);
            double dx = l[0] - cx;
            String anchor = Math.abs(dx) < 8 ? "middle" : dx > 0 ? "start" : "end";
            double y = l[1] + (l[1] < cy - r * 0.8 ? -14 : l[1] > cy + r * 0.8 ? 10 : -2);
            String value = a.score() == null ? "not assessed" : String.valueOf(a.score());
            out.add("<text class=\"label" + (a.score() == null ? " na" : "") + "\" x=\"" + f(l[0]) + "\" y=\""
                    + f(y) + "\" text-anchor=\"" + anchor + "\">" + Adoc.html(a.label())
                    + "<tspan class=\"value\" x=\"" + f(l[0]) + "\" dy=\"15\">" + value + "</tspan></text>");
        }
        out.add("</svg>");
        if (baseline.size() >= 3) {
            out.add("<figcaption><span class=\"key key-current\">solid: this run</span>"
                    + " <span class=\"key key-baseline\">dashed: baseline</span></figcaption>");
        }
        out.add("</figure>");
        out.add("++++");
        return String.join("\n", out) + "\n\n";
    }

    /** A line chart of one score over time (0–100 on the y axis, points evenly spaced on the x axis). */
    static String line(String id, String title, String desc, List<Point> points) {
        double left = 34;
        double right = 10;
        double top = 12;
        double bottom = 26;
        double w = 320;
        double h = 150;
        double pw = w - left - right;
        double ph = h - top - bottom;
        int n = points.size();
        List<String> out = new ArrayList<>();
        out.add("++++");
        open(out, "line", id, title, desc, f(w), f(h));
        for (int v = 0; v <= 100; v += 50) {
            double y = top + ph * (100 - v) / 100.0;
            out.add("<line class=\"grid\" x1=\"" + f(left) + "\" y1=\"" + f(y) + "\" x2=\"" + f(w - right)
                    + "\" y2=\"" + f(y) + "\"/>");
            out.add("<text class=\"tick\" x=\"" + f(left - 4) + "\" y=\"" + f(y + 4) + "\" text-anchor=\"end\">" + v
                    + "</text>");
        }
        List<double[]> run = new ArrayList<>();
        List<String> dots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double x = n == 1 ? left + pw / 2 : left + pw * i / (n - 1);
            if (p.value() == null) {
                if (run.size() > 1) {
                    out.add("<polyline class=\"series-current\" points=\"" + points(run) + "\"/>");
                }
                run.clear();
                continue;
            }
            double y = top + ph * (100 - p.value()) / 100.0;
            run.add(new double[] {x, y});
            dots.add("<circle class=\"dot\" cx=\"" + f(x) + "\" cy=\"" + f(y) + "\" r=\"3\"><title>"
                    + Adoc.html(p.label()) + ": " + p.value() + "</title></circle>");
        }
        if (run.size() > 1) {
            out.add("<polyline class=\"series-current\" points=\"" + points(run) + "\"/>");
        }
        out.addAll(dots);
        if (n > 0) {
            out.add("<text class=\"tick\" x=\"" + f(left) + "\" y=\"" + f(h - 6) + "\">" + Adoc.html(points.get(0)
                    .label()) + "</text>");
        }
        if (n > 1) {
            out.add("<text class=\"tick\" x=\"" + f(w - right) + "\" y=\"" + f(h - 6) + "\" text-anchor=\"end\">"
                    + Adoc.html(points.get(n - 1).label()) + "</text>");
        }
        Integer last = n == 0 ? null : points.get(n - 1).value();
        out.add("</svg>");
        out.add("<figcaption>" + Adoc.html(title) + ": " + (last == null ? "not assessed now" : "now " + last)
                + "</figcaption>");
        out.add("</figure>");
        out.add("++++");
        return String.join("\n", out) + "\n\n";
    }

    private static double[] polar(double cx, double cy, double radius, int i, int n) {
        double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
        return new double[] {cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)};
    }

    private static String points(List<double[]> pts) {
        StringBuilder sb = new StringBuilder();
        for (double[] p : pts) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(f(p[0])).append(',').append(f(p[1]));
        }
        return sb.toString();
    }

    /** One decimal, always with a dot: the same bytes on every machine and locale. */
    /** The figure and the accessible SVG element every chart opens with: its title and description name it. */
    private static void open(List<String> out, String kind, String id, String title, String desc, String w,
            String h) {
        out.add("<figure class=\"chart chart-" + kind + "\" id=\"" + id + "\">");
        out.add("<svg viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w + "\" height=\"" + h
                + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\" focusable=\"false\">");
        out.add("<title id=\"" + id + "-title\">" + Adoc.html(title) + "</title>");
        out.add("<desc id=\"" + id + "-desc\">" + Adoc.html(desc) + "</desc>");
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
