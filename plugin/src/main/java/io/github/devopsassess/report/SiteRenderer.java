package io.github.devopsassess.report;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.output.AtomicFiles;
import io.github.devopsassess.rubric.Rubric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Renders the report site: AsciiDoc pages → HTML with one shared Asciidoctor in SECURE mode → Jsoup adds the theme's
 * header and footer, a skip link, table header scopes and the sort script where a table is sortable → the whole site
 * is verified before it replaces the previous one.
 */
public final class SiteRenderer {

    /** The theme's progressive-enhancement script, written to this path of the site. */
    static final String SORT_SCRIPT = "js/sort.js";

    private final Theme theme;
    private final String generator;

    public SiteRenderer(Theme theme, String generator) {
        this.theme = theme;
        this.generator = generator;
    }

    /** Renders a site from an assessment alone (no baseline, trend, excerpts or facts). */
    public List<String> render(Assessment assessment, Rubric rubric, Path siteDir) throws IOException {
        return render(SiteInput.of(assessment, rubric), siteDir);
    }

    /**
     * Writes the site into {@code siteDir}. The pages are written to a temporary sibling folder and moved into place
     * only after verification, so a failed or interrupted run never leaves half a site.
     *
     * @return the verification problems (empty when the site is sound); the site is still written so it can be
     *     inspected
     */
    public List<String> render(SiteInput input, Path siteDir) throws IOException {
        Map<String, String> pages = new SitePages(input).pages();
        Rubric rubric = input.rubric();
        BiFunction<String, String, String> nav = (page, up) -> {
            StringBuilder links = new StringBuilder();
            links.append(link(up + "index.html", "Overview", page.equals("index")));
            links.append(link(up + "trend.html", "Trend", page.equals("trend")));
            rubric.areas().values().forEach(area -> links.append(link(up + "areas/" + Adoc.id(area.id()) + ".html",
                    area.title(), page.equals("areas/" + Adoc.id(area.id())))));
            links.append(link(up + "checks/index.html", "Checks", page.startsWith("checks/")));
            return links.toString();
        };
        return write(pages, siteDir, nav, assessedLabel(input.assessment()), false);
    }

    /**
     * Writes the portfolio of many repositories: {@code portfolio.html} in {@code siteDir}. The repositories' own
     * sites (the targets of {@link PortfolioEntry#href()}) must already be in that folder, or be written there
     * before it is published; the verification of this call covers every page found in the folder.
     */
    public List<String> renderPortfolio(List<PortfolioEntry> entries, Rubric rubric, String title, Path siteDir)
            throws IOException {
        return renderPortfolio(new PortfolioView(entries, List.of(), null), rubric, title, siteDir);
    }

    /**
     * Writes the portfolio page of {@code view} as {@link #renderPortfolio(List, Rubric, String, Path)} does. Its
     * links to the repositories' own sites may leave {@code siteDir} (the sites stay beside their assessments); the
     * verification then requires only that their targets exist.
     */
    public List<String> renderPortfolio(PortfolioView view, Rubric rubric, String title, Path siteDir)
            throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("portfolio", new PortfolioPage(rubric, title).render(view));
        BiFunction<String, String, String> nav = (page, up) -> link(up + "portfolio.html", "Portfolio", true);
        int n = view.entries().size();
        return write(pages, siteDir, nav, n + (n == 1 ? " repository" : " repositories"), true);
    }

    /**
     * @param keepExisting keep the files already in {@code siteDir} that this call does not write (the portfolio's
     *     repository sites); a repository's own site is always written whole, so no stale page survives
     */
    private List<String> write(Map<String, String> pages, Path siteDir, BiFunction<String, String, String> nav,
            String assessed, boolean keepExisting) throws IOException {
        Path parent = siteDir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = AtomicFiles.createTempDirectory(parent, ".site-"); // the umask's permissions, not 0700
        try {
            if (keepExisting && Files.isDirectory(siteDir)) {
                copyTree(siteDir, temp); // pages this call does not write (the portfolio's repositories) stay
            }
            Asciidoctor asciidoctor = SharedAsciidoctor.get();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String name = page.getKey();
                int depth = (int) name.chars().filter(c -> c == '/').count();
                String html;
                synchronized (asciidoctor) {
                    html = asciidoctor.convert(page.getValue(), options(depth));
                }
                Path out = temp.resolve(name + ".html");
                Files.createDirectories(out.getParent());
                String up = "../".repeat(depth);
                Files.writeString(out, decorate(html, up, nav.apply(name, up), assessed), StandardCharsets.UTF_8);
            }
            write(temp.resolve("css/devops.css"), theme.css());
            write(temp.resolve(SORT_SCRIPT), theme.sortScript());
            List<String> problems = new SiteVerifier(temp, keepExisting).verify();
            replace(temp, siteDir);
            return problems;
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static Options options(int depth) {
        String up = "../".repeat(depth);
        Attributes attributes = Attributes.builder()
                .linkCss(true)
                .styleSheetName("devops.css")
                .stylesDir(up + "css")
                .attribute("webfonts!", "")      // Asciidoctor would otherwise link Google Fonts
                .attribute("reproducible", "")   // no "last updated" clock time in the footer
                .attribute("nofooter", "")       // the theme supplies the footer
                .attribute("sectanchors", "")
                .attribute("attribute-missing", "skip")
                .attribute("lang", "en")
                .build();
        return Options.builder()
                .safe(SafeMode.SECURE)
                .standalone(true)
                .attributes(attributes)
                .build();
    }

    private String decorate(String html, String up, String links, String assessed) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        doc.select("html").attr("lang", "en");
        String header = theme.header().replace("{{links}}", links);
        doc.body().prependChildren(Jsoup.parseBodyFragment(header).body().children());
        // The first thing a keyboard or screen-reader user meets: a way past the navigation.
        doc.body().prependChild(new Element("a").attr("class", "skip-link").attr("href", "#content")
                .text("Skip to the report"));
        Element content = doc.getElementById("content");
        if (content != null) {
            content.attr("role", "main");
        }
        doc.select("thead th").attr("scope", "col");
        String footer = theme.footer().replace("{{generator}}", Entities.escape(generator))
                .replace("{{assessed}}", Entities.escape(assessed));
        doc.body().appendChildren(Jsoup.parseBodyFragment(footer).body().children());
        if (!doc.select("table.sortable").isEmpty()) {
            doc.head().appendElement("script").attr("src", up + SORT_SCRIPT).attr("defer", true);
        }
        return "<!DOCTYPE html>\n" + doc.html() + "\n";
    }

    private static String link(String href, String text, boolean current) {
        Element a = new Element("a").attr("href", href).text(text);
        if (current) {
            a.attr("aria-current", "page");
        }
        return a.outerHtml();
    }

    private static String assessedLabel(Assessment a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.subject().name());
        if (a.subject().commit() != null) {
            parts.add("commit " + a.subject().commit().substring(0, Math.min(12, a.subject().commit().length())));
        }
        if (a.subject().date() != null) {
            parts.add(a.subject().date());
        }
        return String.join(", ", parts);
    }

    private static void replace(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = AtomicFiles.createTempDirectory(target.toAbsolutePath().getParent(), ".site-old-");
            Files.delete(old);
            Files.move(target, old);
        }
        Files.move(fresh, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
