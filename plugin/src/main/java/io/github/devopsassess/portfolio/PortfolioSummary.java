package io.github.devopsassess.portfolio;

import io.github.devopsassess.model.PortfolioChanges;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the log says about a portfolio: a few lines whatever the number of repositories — how many, the counts per
 * level, the weakest areas, what changed since the previous portfolio and the worst ten. The page has the rest.
 */
public final class PortfolioSummary {

    /** How many of the worst repositories the log names. */
    public static final int WORST = 10;

    /** How many of the weakest areas the log names. */
    static final int WEAKEST_AREAS = 3;

    private PortfolioSummary() {
    }

    /**
     * @param page where the portfolio page was written, as the log shows it
     */
    public static List<String> lines(Portfolio portfolio, Rubric rubric, String page) {
        List<Portfolio.Row> rows = portfolio.repositories();
        long scored = rows.stream().filter(r -> r.score() != null).count();
        Set<String> teams = new LinkedHashSet<>();
        rows.forEach(r -> teams.add(r.team()));
        List<String> out = new ArrayList<>();
        out.add("Portfolio of " + rows.size() + (rows.size() == 1 ? " repository" : " repositories") + " (" + scored
                + " with a score, " + teams.size() + (teams.size() == 1 ? " team" : " teams") + ")"
                + (portfolio.score() == null ? "" : ", mean score " + portfolio.score()) + ": " + page);
        List<String> levels = new ArrayList<>();
        for (LevelDef level : rubric.levels()) {
            levels.add(level.title() + " " + rows.stream().filter(r -> level.id().equals(r.level())).count());
        }
        long none = rows.stream().filter(r -> r.level() == null || rubric.levels().stream()
                .noneMatch(l -> l.id().equals(r.level()))).count();
        if (none > 0) {
            levels.add("not assessed " + none);
        }
        out.add("  Levels: " + String.join(", ", levels));
        if (!portfolio.areas().isEmpty()) {
            out.add("  Weakest areas (median score): " + String.join(", ", portfolio.areas().stream()
                    .limit(WEAKEST_AREAS).map(a -> title(rubric, a.area()) + " " + a.median()).toList()));
        }
        PortfolioChanges c = portfolio.changes();
        out.add(c == null ? "  Since the previous portfolio: none to compare with"
                : "  Since the previous portfolio (" + c.previousRepositories() + " repositories): "
                        + c.down().size() + " down a level, " + c.up().size() + " up, " + c.added().size() + " new, "
                        + c.removed().size() + " removed");
        List<Portfolio.Row> worst = rows.stream().filter(r -> r.score() != null).limit(WORST).toList();
        if (!worst.isEmpty()) {
            out.add("  Worst " + worst.size() + ":");
            int width = worst.stream().mapToInt(r -> r.name().length()).max().orElse(0);
            for (Portfolio.Row r : worst) {
                out.add(String.format("    %-" + Math.min(width, 40) + "s %3d  %-10s %s%s", clean(r.name()), r.score(),
                        r.level() == null ? "none" : r.level(), r.worstArea() == null ? ""
                                : "weakest: " + title(rubric, r.worstArea()) + " " + r.worstAreaScore() + ", ",
                        clean(r.team())));
            }
        }
        return out;
    }

    /** A name read from a file, on one line of the log. */
    private static String clean(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }

    private static String title(Rubric rubric, String area) {
        return rubric.areas().containsKey(area) ? rubric.areas().get(area).title() : area;
    }
}
