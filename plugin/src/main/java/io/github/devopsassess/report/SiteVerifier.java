package io.github.devopsassess.report;

import io.github.devopsassess.mask.SecretMask;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Verifies a rendered site: every internal link and anchor resolves, nothing is loaded from the network, no section
 * is empty, no excerpt shows a secret value unmasked, and no inline script or event handler made it into a page (the only scripts allowed are files of the
 * site itself, such as the theme's table sorter). A leader opens the site from a file or a CI artifact; a broken link
 * or an external request there is a defect, so the build fails on it.
 */
public final class SiteVerifier {

    private final Path root;
    private final boolean linksMayLeave;

    public SiteVerifier(Path root) {
        this(root, false);
    }

    /**
     * @param linksMayLeave whether a link may lead out of {@code root} to a file that exists (a portfolio links the
     *     repositories' sites where they are published, beside their assessments); it must still be relative
     */
    public SiteVerifier(Path root, boolean linksMayLeave) {
        this.root = root;
        this.linksMayLeave = linksMayLeave;
    }

    public List<String> verify() throws IOException {
        List<Path> pages;
        try (var walk = Files.walk(root)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        Map<Path, Set<String>> ids = new HashMap<>();
        Map<Path, Document> docs = new HashMap<>();
        for (Path page : pages) {
            Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
            docs.put(page, doc);
            ids.put(page.normalize(), doc.select("[id]").stream().map(e -> e.id()).collect(Collectors.toSet()));
        }
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            Document doc = docs.get(page);
            String name = root.relativize(page).toString().replace('\\', '/');
            if (!doc.select("iframe, object, embed, base, foreignObject, foreignobject").isEmpty()) {
                problems.add(name + ": contains an iframe, object, embed, base or foreignObject element");
            }
            for (Element script : doc.select("script")) {
                checkScript(name, script, problems);
            }
            for (Element section : doc.select("div.sect1, div.sect2, div.sect3")) {
                boolean empty = section.children().stream().filter(c -> !c.tagName().matches("h[1-6]"))
                        .allMatch(c -> c.text().isBlank() && c.select("svg, img, table").isEmpty());
                if (empty) {
                    problems.add(name + ": empty section " + section.select("h1, h2, h3, h4").text());
                }
            }
            for (Element e : doc.getAllElements()) {
                for (Attribute attr : e.attributes()) {
                    if (attr.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
                        problems.add(name + ": event handler attribute " + attr.getKey() + " on <" + e.tagName()
                                + ">");
                    }
                }
            }
            for (Element e : doc.select("[href], [src]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                checkReference(name, page, ref, ids, problems);
            }
            for (Element line : doc.select("pre.excerpt span.line")) {
                // every line shown from a repository was masked when it was read: one that masking would still
                // change means a secret value reached the page through a path that skipped it
                String text = line.text();
                if (!SecretMask.line(text).equals(text)) {
                    problems.add(name + ": the excerpt line " + line.select("span.ln").text().replaceAll("\\D", "")
                            + " shows a secret value unmasked");
                }
            }
        }
        return problems;
    }

    /**
     * Only the theme's own script files are allowed: a {@code <script src>} pointing at a file of the site (the
     * reference check makes sure it exists and is not external), with nothing inline.
     */
    private static void checkScript(String name, Element script, List<String> problems) {
        String src = script.attr("src").trim();
        if (src.isEmpty() || !script.data().isBlank() || !script.children().isEmpty()) {
            problems.add(name + ": inline script (only script files of the site are allowed)");
        } else if (!src.toLowerCase(Locale.ROOT).endsWith(".js") || src.contains(":") || src.startsWith("/")) {
            problems.add(name + ": script " + src + " is not a script file of the site");
        }
    }

    private void checkReference(String name, Path page, String ref, Map<Path, Set<String>> ids,
            List<String> problems) {
        String lower = ref.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("javascript:") || lower.startsWith("data:") || lower.startsWith("vbscript:")) {
            problems.add(name + ": forbidden URL scheme in " + ref);
            return;
        }
        if (lower.startsWith("mailto:")) {
            return;
        }
        URI uri;
        try {
            uri = new URI(ref);
        } catch (URISyntaxException e) {
            problems.add(name + ": malformed link " + ref);
            return;
        }
        if (uri.getScheme() != null || ref.startsWith("//")) {
            problems.add(name + ": external reference " + ref + " (the site must work without a network)");
            return;
        }
        Path target = uri.getPath() == null || uri.getPath().isEmpty() ? page
                : page.getParent().resolve(uri.getPath()).normalize();
        if (!target.startsWith(root) && linksMayLeave && ref.startsWith("../") && Files.isRegularFile(target)) {
            return;
        }
        if (!target.startsWith(root) || !Files.exists(target)) {
            problems.add(name + ": broken link " + ref);
            return;
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")) {
            Set<String> known = ids.get(target.normalize());
            if (known == null || !known.contains(fragment)) {
                problems.add(name + ": broken anchor " + ref);
            }
        }
    }
}
