package io.github.devopsassess.report;

import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.rubric.Rubric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * header and footer → the whole site is verified before it replaces the previous one.
 */
public final class SiteRenderer {

    private final Theme theme;
    private final String generator;

    public SiteRenderer(Theme theme, String generator) {
        this.theme = theme;
        this.generator = generator;
    }

    /**
     * Writes the site into {@code siteDir}. The pages are written to a temporary sibling folder and moved into place
     * only after verification, so a failed or interrupted run never leaves half a site.
     *
     * @return the verification problems (empty when the site is sound); the site is still written so it can be
     *     inspected
     */
    public List<String> render(Assessment assessment, Rubric rubric, Path siteDir) throws IOException {
        Map<String, String> pages = new SitePages(assessment, rubric).pages();
        Path parent = siteDir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, ".site-");
        try {
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
                Files.writeString(out, decorate(html, name, depth, assessment, rubric), StandardCharsets.UTF_8);
            }
            Path css = temp.resolve("css/devops.css");
            Files.createDirectories(css.getParent());
            Files.writeString(css, theme.css(), StandardCharsets.UTF_8);
            List<String> problems = new SiteVerifier(temp).verify();
            replace(temp, siteDir);
            return problems;
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
    }

    static Options options(int depth) {
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

    private String decorate(String html, String page, int depth, Assessment assessment, Rubric rubric) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        doc.select("html").attr("lang", "en");
        String up = "../".repeat(depth);
        StringBuilder links = new StringBuilder();
        links.append(link(up + "index.html", "Overview", page.equals("index")));
        rubric.areas().values().forEach(area -> links.append(link(up + "areas/" + Adoc.id(area.id()) + ".html",
                area.title(), page.equals("areas/" + area.id()))));
        String header = theme.header().replace("{{links}}", links.toString());
        doc.body().prependChildren(Jsoup.parseBodyFragment(header).body().children());
        String assessed = assessedLabel(assessment);
        String footer = theme.footer().replace("{{generator}}", Entities.escape(generator))
                .replace("{{assessed}}", Entities.escape(assessed));
        doc.body().appendChildren(Jsoup.parseBodyFragment(footer).body().children());
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
            old = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".site-old-");
            Files.delete(old);
            Files.move(target, old);
        }
        Files.move(fresh, target);
        if (old != null) {
            deleteTree(old);
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
