package io.github.devopsassess.report.sections;

import io.github.devopsassess.report.Adoc;
import io.github.devopsassess.facts.oncall.CoverageState;
import io.github.devopsassess.facts.oncall.WeeklyCoverage;

import java.util.List;
import java.util.Locale;

/**
 * A 7 × 24 weekly coverage grid as an HTML table inside an AsciiDoc passthrough block. Every line starts with a tag
 * and all text is escaped, so nothing in it is read as AsciiDoc or markup. Each cell carries a symbol as well as a
 * colour, so the grid reads in black and white and to a screen reader.
 */
final class CoverageGrid {

    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private CoverageGrid() {
    }

    static String symbol(CoverageState s) {
        return switch (s) {
            case COVERED -> "·";
            case SINGLE -> "1";
            case GAP -> "✕";
            case UNKNOWN -> "?";
        };
    }

    static String word(CoverageState s) {
        return switch (s) {
            case COVERED -> "covered by two or more people";
            case SINGLE -> "one person only";
            case GAP -> "nobody on call";
            case UNKNOWN -> "unknown (roster not readable)";
        };
    }

    static String cssClass(CoverageState s) {
        return "oncall-" + s.name().toLowerCase(Locale.ROOT);
    }

    /** The grid and its legend as one passthrough block. */
    static String html(WeeklyCoverage w) {
        StringBuilder a = new StringBuilder("++++\n");
        a.append("<div class=\"oncall-grid-wrap\">\n");
        a.append("<table class=\"oncall-grid\">\n");
        a.append("<caption>Weekly on-call coverage of ").append(Adoc.html(w.name())).append(", hours in ")
                .append(Adoc.html(w.timeZone())).append(", week of ").append(Adoc.html(String.valueOf(w.weekStart())))
                .append("</caption>\n");
        a.append("<thead><tr><th scope=\"col\">Day</th>");
        for (int h = 0; h < 24; h++) {
            a.append("<th scope=\"col\">").append(h < 10 ? "0" : "").append(h).append("</th>");
        }
        a.append("</tr></thead>\n<tbody>\n");
        for (int d = 0; d < 7 && d < w.hours().size(); d++) {
            a.append("<tr><th scope=\"row\">").append(DAYS.get(d)).append("</th>");
            List<CoverageState> day = w.hours().get(d);
            for (int h = 0; h < 24 && h < day.size(); h++) {
                CoverageState s = day.get(h);
                a.append("<td class=\"").append(cssClass(s)).append("\" title=\"").append(DAYS.get(d)).append(' ')
                        .append(h < 10 ? "0" : "").append(h).append("h ").append(word(s)).append("\">")
                        .append(symbol(s)).append("</td>");
            }
            a.append("</tr>\n");
        }
        a.append("</tbody>\n</table>\n</div>\n");
        a.append("<ul class=\"oncall-legend\">\n");
        for (CoverageState s : CoverageState.values()) {
            a.append("<li><span class=\"oncall-key ").append(cssClass(s)).append("\">").append(symbol(s))
                    .append("</span> ").append(word(s)).append(" (").append(w.count(s)).append(" h)</li>\n");
        }
        a.append("</ul>\n++++\n");
        return a.toString();
    }
}
