package io.github.devopsassess.report;

import io.github.devopsassess.portfolio.Portfolio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.asciidoctor.Asciidoctor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * {@code portfolio.html}: one row per repository with score, level, trend and worst area, worst first. The table is
 * already sorted, so it reads well without any script.
 */
public final class PortfolioRenderer {

    private final Theme theme;
    private final String generator;

    public PortfolioRenderer(Theme theme, String generator) {
        this.theme = theme;
        this.generator = generator;
    }

    public List<String> render(Portfolio portfolio, Path siteDir) throws IOException {
        Files.createDirectories(siteDir.resolve("css"));
        Asciidoctor asciidoctor = SharedAsciidoctor.get();
        String html;
        synchronized (asciidoctor) {
            html = asciidoctor.convert(adoc(portfolio), SiteRenderer.options(0));
        }
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        doc.select("html").attr("lang", "en");
        String links = "<a href=\"portfolio.html\" aria-current=\"page\">Portfolio</a>";
        doc.body().prependChildren(Jsoup.parseBodyFragment(theme.header().replace("{{links}}", links)).body()
                .children());
        String footer = theme.footer().replace("{{generator}}", Entities.escape(generator))
                .replace("{{assessed}}", Entities.escape(portfolio.repositories().size() + " repositories"));
        doc.body().appendChildren(Jsoup.parseBodyFragment(footer).body().children());
        Files.writeString(siteDir.resolve("portfolio.html"), "<!DOCTYPE html>\n" + doc.html() + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(siteDir.resolve("css/devops.css"), theme.css(), StandardCharsets.UTF_8);
        return new SiteVerifier(siteDir).verify();
    }

    static String adoc(Portfolio p) {
        StringBuilder a = new StringBuilder("= DevOps portfolio\n\n");
        a.append(p.repositories().size()).append(" repositories");
        if (p.score() != null) {
            a.append(", mean score [.score]#").append(p.score()).append("#");
        }
        a.append(".\n\n");
        a.append("[cols=\"3,1,2,1,3,2\",options=\"header\"]\n|===\n|Repository |Score |Level |Trend |Worst area |Findings\n");
        for (Portfolio.Row r : p.repositories()) {
            a.append("|").append(Adoc.text(r.name())).append(" |")
                    .append(r.score() == null ? "[.not-assessed]#n/a#" : String.valueOf(r.score())).append(" |")
                    .append(r.level() == null ? "[.not-assessed]#not assessed#"
                            : "[.level.level-" + Adoc.id(r.level()) + "]#" + Adoc.text(r.level()) + "#")
                    .append(" |").append(trend(r)).append(" |")
                    .append(r.worstArea() == null ? "" : Adoc.text(r.worstArea() + " (" + r.worstAreaScore() + ")"))
                    .append(" |").append(Adoc.text(findings(r))).append("\n");
        }
        a.append("|===\n\n");
        if (!p.skipped().isEmpty()) {
            a.append("== Files that could not be read\n\n");
            p.skipped().forEach(s -> a.append("* ").append(Adoc.text(s)).append("\n"));
        }
        return a.toString();
    }

    private static String trend(Portfolio.Row r) {
        return switch (r.trend()) {
            case "up" -> "[.improvement]#up from " + r.previousScore() + "#";
            case "down" -> "[.regression]#down from " + r.previousScore() + "#";
            case "flat" -> "flat";
            default -> "new";
        };
    }

    private static String findings(Portfolio.Row r) {
        StringBuilder sb = new StringBuilder();
        for (String sev : List.of("critical", "high", "medium", "low", "info")) {
            Integer n = r.findings().get(sev);
            if (n != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(sev.toLowerCase(Locale.ROOT));
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
