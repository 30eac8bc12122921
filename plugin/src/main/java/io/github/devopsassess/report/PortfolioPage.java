package io.github.devopsassess.report;

import io.github.devopsassess.model.PortfolioChanges;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The portfolio of tens to thousands of repositories, for a leader of many teams: how levels and scores are
 * distributed (charts with their numbers beside them), the areas weakest across the organisation (median and
 * quartiles), what changed since the previous portfolio, and an area-by-repository heat map per owning team, worst
 * team and worst repository first, each team folded in a {@code <details>} element (the worst teams open) so that a
 * thousand rows stay scannable. Every heat-map table is sortable by the theme's small script when JavaScript runs and
 * reads fine when it does not. Nothing is decided here: the portfolio package computed every number.
 */
final class PortfolioPage {

    /** Links to the repositories' own sites: relative paths, nothing HTML or AsciiDoc could read as markup. */
    private static final Pattern SAFE_HREF = Pattern.compile(
            "(\\.\\./)*(?!.*\\.\\.)[A-Za-z0-9_%][A-Za-z0-9._/%-]*\\.html");

    /** How many of the worst teams are unfolded. */
    static final int OPEN_TEAMS = 3;

    /** Lists of changed repositories longer than this are folded after the first ones. */
    private static final int FOLD_ABOVE = 20;

    private final Vocabulary words;
    private final Rubric rubric;
    private final String title;

    PortfolioPage(Rubric rubric, String title) {
        this.words = new Vocabulary(rubric);
        this.rubric = rubric;
        this.title = title;
    }

    String render(List<PortfolioEntry> entries) {
        return render(new PortfolioView(entries, List.of(), null));
    }

    String render(PortfolioView view) {
        List<PortfolioEntry> rows = view.entries().stream().sorted(WORST_FIRST).toList();
        StringBuilder a = new StringBuilder("= ").append(Adoc.text(title)).append("\n\n");
        long assessed = rows.stream().filter(e -> e.score() != null).count();
        Map<String, List<PortfolioEntry>> teams = teams(rows);
        a.append(rows.size()).append(plural(rows.size(), " repository", " repositories")).append(", ")
                .append(assessed).append(" with a score, owned by ").append(teams.size())
                .append(plural(teams.size(), " team", " teams")).append(" (as their assessments name them).");
        if (assessed > 0) {
            a.append(" Mean score ").append(Math.round(rows.stream().filter(e -> e.score() != null)
                    .mapToInt(PortfolioEntry::score).average().orElse(0))).append(".");
        }
        a.append("\n\n");
        if (rows.isEmpty()) {
            a.append("== Repositories\n\nNo assessment was found.\n\n");
            return a.toString();
        }
        distribution(a, rows);
        weakestAreas(a, view.areas());
        changes(a, view.changes());
        heatMaps(a, rows, teams, view.areas());
        return a.toString();
    }

    /** Lowest score first, repositories without a score last, then by name. */
    private static final Comparator<PortfolioEntry> WORST_FIRST = Comparator.comparing((PortfolioEntry e) ->
            e.score() == null ? Integer.MAX_VALUE : e.score()).thenComparing(PortfolioEntry::name);

    /** Teams in the order a leader reads them: lowest median score first, teams without any score last. */
    static Map<String, List<PortfolioEntry>> teams(List<PortfolioEntry> worstFirst) {
        Map<String, List<PortfolioEntry>> byTeam = new LinkedHashMap<>();
        worstFirst.forEach(e -> byTeam.computeIfAbsent(e.team(), k -> new ArrayList<>()).add(e));
        List<String> order = new ArrayList<>(byTeam.keySet());
        order.sort(Comparator.comparing((String t) -> {
            Integer m = median(byTeam.get(t));
            return m == null ? Integer.MAX_VALUE : m;
        }).thenComparing(t -> t));
        Map<String, List<PortfolioEntry>> out = new LinkedHashMap<>();
        order.forEach(t -> out.put(t, byTeam.get(t)));
        return out;
    }

    /** The median score of the team's repositories with a score (the lower middle one of an even count). */
    static Integer median(List<PortfolioEntry> entries) {
        List<Integer> scores = entries.stream().map(PortfolioEntry::score).filter(s -> s != null).sorted().toList();
        return scores.isEmpty() ? null : scores.get((scores.size() - 1) / 2);
    }

    private void distribution(StringBuilder a, List<PortfolioEntry> rows) {
        a.append("== Levels and scores\n\n");
        List<Charts.Bar> levels = new ArrayList<>();
        for (LevelDef level : rubric.levels()) {
            long n = rows.stream().filter(e -> level.id().equals(e.level())).count();
            levels.add(new Charts.Bar(level.title(), (int) n, "level-" + Adoc.id(level.id())));
        }
        long none = rows.stream().filter(e -> e.level() == null || rubric.levels().stream()
                .noneMatch(l -> l.id().equals(e.level()))).count();
        if (none > 0) {
            levels.add(new Charts.Bar("not assessed", (int) none, "not-assessed"));
        }
        int[] buckets = new int[10];
        rows.stream().filter(e -> e.score() != null)
                .forEach(e -> buckets[Math.min(9, Math.max(0, e.score()) / 10)]++);
        List<Charts.Bar> scores = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            scores.add(new Charts.Bar(bucket(i), buckets[i], "heat-" + Math.min(4, i / 2)));
        }
        a.append("[.chart-grid]\n--\n");
        a.append(Charts.bars("portfolio-levels", "Repositories per level", "How many repositories reached each "
                + "level: " + describe(levels) + ".", levels));
        a.append(Charts.bars("portfolio-scores", "Repositories per score band", "How many repositories scored in "
                + "each band of ten points: " + describe(scores) + ".", scores));
        a.append("--\n\n");
        a.append("[.portfolio-levels,cols=\"3,1\",options=\"header\"]\n|===\n|Level |Repositories\n");
        for (int i = 0; i < levels.size(); i++) {
            Charts.Bar b = levels.get(i);
            a.append("|").append(i < rubric.levels().size() ? words.levelRole(rubric.levels().get(i).id())
                    : "[.not-assessed]#not assessed#").append(" |").append(b.count()).append("\n");
        }
        a.append("|===\n\n");
        a.append("[.portfolio-scores,options=\"header\"]\n|===\n|Score");
        scores.forEach(b -> a.append(" |").append(b.label()));
        a.append("\n|Repositories");
        scores.forEach(b -> a.append(" |").append(b.count()));
        a.append("\n|===\n\n");
    }

    private static String bucket(int i) {
        return i == 9 ? "90–100" : (i * 10) + "–" + (i * 10 + 9);
    }

    private static String describe(List<Charts.Bar> bars) {
        return String.join(", ", bars.stream().map(b -> b.label() + " " + b.count()).toList());
    }

    private void weakestAreas(StringBuilder a, List<PortfolioView.AreaSpread> areas) {
        a.append("== Weakest areas across the organisation\n\n");
        if (areas.isEmpty()) {
            a.append("No area was assessed in any repository.\n\n");
            return;
        }
        a.append("Each area's scores over the repositories that assessed it, weakest median first: half of the "
                + "repositories score between the lower and the upper quartile.\n\n");
        a.append("[.portfolio-areas,cols=\"4,2,1,1,1,1,1\",options=\"header\"]\n|===\n|Area |Repositories |Lowest "
                + "|Lower quartile |Median |Upper quartile |Highest\n");
        for (PortfolioView.AreaSpread s : areas) {
            a.append("|").append(Adoc.text(s.title())).append(" |").append(s.repositories()).append(" |")
                    .append(s.min()).append(" |").append(s.lowerQuartile()).append(" |*").append(s.median())
                    .append("* |").append(s.upperQuartile()).append(" |").append(s.max()).append("\n");
        }
        a.append("|===\n\n");
    }

    private void changes(StringBuilder a, PortfolioChanges c) {
        a.append("== Changes since the previous portfolio\n\n");
        if (c == null) {
            a.append("No previous portfolio to compare with. The next run compares with this one "
                    + "(`portfolio.json` beside the site, or `devops.previousPortfolio`).\n\n");
            return;
        }
        a.append("Against the previous portfolio of ").append(c.previousRepositories())
                .append(plural(c.previousRepositories(), " repository", " repositories")).append(": ")
                .append(c.down().size()).append(" went down a level, ").append(c.up().size()).append(" went up, ")
                .append(c.added().size()).append(" new, ").append(c.removed().size())
                .append(" no longer in the portfolio.\n\n");
        levelChanges(a, "Level went down", "changes-down", c.down());
        levelChanges(a, "Level went up", "changes-up", c.up());
        names(a, "New repositories", "changes-added", c.added());
        names(a, "No longer in the portfolio", "changes-removed", c.removed());
    }

    private void levelChanges(StringBuilder a, String heading, String role,
            List<PortfolioChanges.LevelChange> list) {
        if (list.isEmpty()) {
            return;
        }
        a.append("=== ").append(heading).append(" (").append(list.size()).append(")\n\n");
        a.append("[.").append(role).append(",cols=\"4,2,2,1\",options=\"header\"]\n|===\n|Repository |Before |Now"
                + " |Score\n");
        for (PortfolioChanges.LevelChange ch : list) {
            a.append("|").append(Adoc.text(ch.name())).append(" |").append(words.levelRole(ch.fromLevel()))
                    .append(" |").append(words.levelRole(ch.toLevel())).append(" |")
                    .append(ch.fromScore() == null ? "n/a" : ch.fromScore()).append(" → ")
                    .append(ch.toScore() == null ? "n/a" : ch.toScore()).append("\n");
        }
        a.append("|===\n\n");
    }

    private static void names(StringBuilder a, String heading, String role, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        a.append("=== ").append(heading).append(" (").append(names.size()).append(")\n\n");
        a.append("++++\n<div class=\"paragraph ").append(role).append("\"><p>");
        List<String> shown = names.size() > FOLD_ABOVE ? names.subList(0, FOLD_ABOVE) : names;
        a.append(String.join(", ", shown.stream().map(Adoc::html).toList()));
        if (names.size() > FOLD_ABOVE) {
            a.append("</p>\n<details><summary>and ").append(names.size() - FOLD_ABOVE).append(" more</summary><p>")
                    .append(String.join(", ", names.subList(FOLD_ABOVE, names.size()).stream().map(Adoc::html)
                            .toList())).append("</p></details>\n</div>\n++++\n\n");
        } else {
            a.append("</p></div>\n++++\n\n");
        }
    }

    private void heatMaps(StringBuilder a, List<PortfolioEntry> rows, Map<String, List<PortfolioEntry>> teams,
            List<PortfolioView.AreaSpread> spreads) {
        a.append("== Repositories by owning team\n\n");
        a.append("One heat map per owning team (the first owner each assessment names, from CODEOWNERS or a Backstage"
                + " catalog), the team with the lowest median score first; the ").append(OPEN_TEAMS)
                .append(" worst teams are open. In each, the repository with the lowest score comes first, and the "
                        + "areas run from the weakest across the organisation. A cell is the area's score: ");
        a.append("[.heat.heat-0]#0–19#, [.heat.heat-1]#20–39#, [.heat.heat-2]#40–59#, [.heat.heat-3]#60–79#, "
                + "[.heat.heat-4]#80–100#, [.heat.heat-na]#–# not assessed.\n\n");
        List<String> areas = new ArrayList<>(spreads.stream().map(PortfolioView.AreaSpread::area).toList());
        rows.forEach(e -> e.areas().keySet().stream().filter(k -> !areas.contains(k)).sorted()
                .forEach(areas::add));
        StringBuilder h = new StringBuilder("++++\n");
        int index = 0;
        for (Map.Entry<String, List<PortfolioEntry>> team : teams.entrySet()) {
            List<PortfolioEntry> members = team.getValue();
            Integer median = median(members);
            PortfolioEntry worst = members.get(0);
            h.append("<details class=\"team\" id=\"team-").append(index + 1).append("\"")
                    .append(index < OPEN_TEAMS ? " open" : "").append(">\n");
            h.append("<summary><span class=\"team-name\">").append(Adoc.html(team.getKey())).append("</span>: ")
                    .append(members.size()).append(plural(members.size(), " repository", " repositories"))
                    .append(median == null ? ", none with a score" : ", median score " + median
                            + ", lowest " + Adoc.html(worst.name()) + " " + worst.score())
                    .append("</summary>\n");
            h.append("<div class=\"heatmap-scroll\">\n<table class=\"heatmap sortable\">\n<thead>\n<tr><th scope=\"col\">"
                    + "Repository</th><th scope=\"col\">Score</th><th scope=\"col\">Level</th><th scope=\"col\">Trend"
                    + "</th>");
            for (String area : areas) {
                h.append("<th scope=\"col\">").append(Adoc.html(words.areaTitle(area))).append("</th>");
            }
            h.append("</tr>\n</thead>\n<tbody>\n");
            for (PortfolioEntry e : members) {
                h.append("<tr><th scope=\"row\">").append(name(e)).append("</th><td class=\"score\">")
                        .append(e.score() == null ? "n/a" : e.score()).append("</td><td>").append(level(e.level()))
                        .append("</td><td>").append(trend(e)).append("</td>");
                for (String area : areas) {
                    Integer s = e.areas().get(area);
                    h.append(s == null ? "<td class=\"heat heat-na\">–</td>" : "<td class=\"heat heat-" + band(s)
                            + "\">" + s + "</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n</div>\n</details>\n");
            index++;
        }
        h.append("++++\n\n");
        a.append(h);
    }

    /** The shade of a score: 0–19, 20–39, 40–59, 60–79, 80–100. */
    static int band(int score) {
        return Math.max(0, Math.min(4, score / 20));
    }

    private static String name(PortfolioEntry e) {
        boolean linked = e.href() != null && SAFE_HREF.matcher(e.href()).matches();
        return linked ? "<a href=\"" + Adoc.html(e.href()) + "\">" + Adoc.html(e.name()) + "</a>"
                : Adoc.html(e.name());
    }

    private String level(String id) {
        if (id == null) {
            return "<span class=\"not-assessed\">none</span>";
        }
        String t = rubric.levels().stream().filter(l -> l.id().equals(id)).map(LevelDef::title).findFirst()
                .orElse(id);
        return "<span class=\"level level-" + Adoc.id(id) + "\">" + Adoc.html(t) + "</span>";
    }

    private static String trend(PortfolioEntry e) {
        if (e.previousScore() == null) {
            return "<span class=\"not-assessed\">new</span>";
        }
        if (e.score() == null) {
            return "<span class=\"not-assessed\">n/a</span>";
        }
        int d = e.score() - e.previousScore();
        return d > 0 ? "<span class=\"improvement\">+" + d + "</span>" : d < 0 ? "<span class=\"regression\">" + d
                + "</span>" : "±0";
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
