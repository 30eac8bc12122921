package io.github.devopsassess.report;

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
 * Verifies a rendered site: every internal link and anchor resolves, nothing is loaded from the network, and no
 * script or event handler made it into a page. A leader opens the site from a file or a CI artifact; a broken link
 * or an external request there is a defect, so the build fails on it.
 */
public final class SiteVerifier {

    private final Path root;

    public SiteVerifier(Path root) {
        this.root = root;
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
            if (!doc.select("script, iframe, object, embed, base").isEmpty()) {
                problems.add(name + ": contains a script, iframe, object, embed or base element");
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
        }
        return problems;
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
