package io.github.devopsassess.report;

import io.github.devopsassess.rubric.Rubric;

import java.util.Comparator;
import java.util.List;

/**
 * One row per repository: score, level, trend and worst area. The table is sortable by the theme's small script
 * when JavaScript runs, and reads fine when it does not (rows come worst score first).
 */
final class PortfolioPage {

    /** Links to the repositories' own reports: relative paths only, nothing AsciiDoc could read as markup. */
    private static final java.util.regex.Pattern SAFE_HREF = java.util.regex.Pattern.compile(
            "(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9._/-]*\\.html");

    private final Vocabulary words;
    private final String title;

    PortfolioPage(Rubric rubric, String title) {
        this.words = new Vocabulary(rubric);
        this.title = title;
    }

    String render(List<PortfolioEntry> entries) {
        List<PortfolioEntry> rows = entries.stream().sorted(Comparator.comparing((PortfolioEntry e) ->
                e.score() == null ? Integer.MAX_VALUE : e.score()).thenComparing(PortfolioEntry::name)).toList();
        StringBuilder a = new StringBuilder("= ").append(Adoc.text(title)).append("\n\n");
        long assessed = rows.stream().filter(e -> e.score() != null).count();
        a.append(rows.size()).append(" repositor").append(rows.size() == 1 ? "y" : "ies").append(", ")
                .append(assessed).append(" with a score. Lowest score first; select a column heading to sort by it."
                        + "\n\n");
        a.append("== Repositories\n\n");
        if (rows.isEmpty()) {
            a.append("No assessment was found.\n\n");
            return a.toString();
        }
        a.append("[.sortable,cols=\"4,1,2,1,4\",options=\"header\"]\n|===\n|Repository |Score |Level |Trend"
                + " |Worst area\n");
        for (PortfolioEntry e : rows) {
            boolean linked = e.href() != null && SAFE_HREF.matcher(e.href()).matches();
            a.append("|").append(!linked ? Adoc.text(e.name())
                    : "link:" + e.href() + "[" + Adoc.text(e.name()) + "]");
            a.append(" |").append(e.score() == null ? "[.not-assessed]#n/a#" : String.valueOf(e.score()));
            a.append(" |").append(words.levelRole(e.level()));
            a.append(" |").append(e.previousScore() == null ? "[.not-assessed]#new#"
                    : Vocabulary.delta(e.previousScore(), e.score()));
            a.append(" |").append(e.worstArea() == null ? "[.not-assessed]#none assessed#"
                    : Adoc.text(e.worstArea()) + " (" + e.worstAreaScore() + ")");
            a.append("\n");
        }
        a.append("|===\n");
        return a.toString();
    }
}
