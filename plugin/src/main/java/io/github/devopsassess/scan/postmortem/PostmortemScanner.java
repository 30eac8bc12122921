package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.CauseSimilarity;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.postmortem.SectionKind;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.PathDecisions;
import io.github.devopsassess.parse.PdfText;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.source.RepoTree;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds and reads postmortems (Markdown, AsciiDoc, PDF, and HTML exports in postmortem folders) in the assessed
 * folder and at the repository root. Runs after the history scanner, whose author names it uses to recognise people
 * named in causes.
 */
public final class PostmortemScanner implements Scanner {

    /** Longer files are read up to this many lines; a postmortem that long is almost certainly a log dump. */
    static final int MAX_LINES = 5_000;

    private static final Set<String> TEXT_EXTENSIONS = Set.of("md", "markdown", "adoc", "asciidoc");
    /** Confluence and Google Docs exports; read in postmortem folders only. */
    private static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm");
    private static final Set<String> OPAQUE_EXTENSIONS = Set.of("docx", "doc", "odt", "pages", "rtf");
    /** Folders whose every document is taken to be a postmortem; elsewhere a file must look like one. */
    private static final List<String> DEDICATED = List.of("postmortems/", "post-mortems/", "incidents/");

    @Override
    public String id() {
        return "postmortem";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        PostmortemConfig config = PostmortemConfig.load(tree, facts::problem);
        boolean showNames = context.options().showNames();
        PostmortemInterpreter interpreter = new PostmortemInterpreter(new PersonNames(authorNames(facts)), showNames);

        List<Postmortem> postmortems = new ArrayList<>();
        List<PostmortemFacts.Unreadable> unreadable = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        List<PostmortemFacts.TemplateForm> forms = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        for (Candidate c : candidates(tree, config, searched)) {
            String ext = extension(c.path);
            if (OPAQUE_EXTENSIONS.contains(ext)) {
                if (c.dedicatedFolder) {
                    unreadable.add(unreadable(facts, c.path, "not machine-readable (" + ext.toUpperCase(Locale.ROOT)
                            + "); keep postmortems as Markdown, AsciiDoc or PDF so they can be searched and assessed"));
                }
                continue;
            }
            // A report saved without an extension ("PM2022-009 - Bad AWS EKS AMI causing Kubernetes issues") is read
            // as Markdown, and kept only where it reads like a postmortem: a corpus collection lost one that way.
            boolean bare = ext.isEmpty();
            if (!bare && !TEXT_EXTENSIONS.contains(ext) && !ext.equals("pdf") && !HTML_EXTENSIONS.contains(ext)) {
                continue;
            }
            if (HTML_EXTENSIONS.contains(ext) && !c.dedicatedFolder
                    && config.include().equals(PostmortemConfig.DEFAULT_INCLUDE)) {
                continue; // HTML elsewhere (reports/) is far more often a generated test or coverage report
            }
            String name = c.path.substring(c.path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            boolean namedTemplate = name.contains("template");
            if (name.startsWith("readme") || name.startsWith("index.") || name.startsWith("_index.")) {
                continue; // the collection's table of contents
            }
            if (namedTemplate && (ext.equals("pdf") || noText(tree, c.path))) {
                templates.add(c.path); // nothing to learn from its text: kept as a template, never as unreadable
                continue;
            }
            ParsedDocument doc;
            String format;
            String templateText = "";
            if (ext.equals("pdf")) {
                doc = readPdf(tree, c.path, facts, unreadable);
                format = "pdf";
            } else {
                RepoTree.TextRead read = tree.readText(c.path);
                if (!read.ok()) {
                    unreadable.add(unreadable(facts, c.path, read.skipped()));
                    continue;
                }
                if (read.text().isBlank()) {
                    unreadable.add(unreadable(facts, c.path, "empty file"));
                    continue;
                }
                String text = limitLines(c.path, read.text(), facts);
                templateText = text;
                boolean asciidoc = ext.startsWith("adoc") || ext.equals("asciidoc");
                if (HTML_EXTENSIONS.contains(ext)) {
                    doc = new HtmlReader().read(text);
                    format = "html";
                } else {
                    doc = asciidoc ? new AsciidocReader().read(text) : new MarkdownReader().read(c.path, text,
                            facts::problem);
                    format = asciidoc ? "asciidoc" : "markdown";
                }
            }
            if (doc == null) {
                continue;
            }
            Postmortem pm = interpreter.interpret(c.path, format, doc);
            if (!namedTemplate && (bare || !c.dedicatedFolder) && !looksLikePostmortem(pm)) {
                continue; // a dated blog post or an unrelated report in reports/
            }
            if (namedTemplate || pm.title().toLowerCase(Locale.ROOT).contains("template")
                    || pm.title().equalsIgnoreCase("Incident Title")) {
                templates.add(c.path);
                templateForm(pm, templateText).ifPresent(forms::add);
                continue;
            }
            postmortems.add(pm);
        }
        siblingTemplates(tree, interpreter, postmortems, templates, forms, facts);
        postmortems.sort(Comparator.comparing(Postmortem::path));
        unreadable.sort(Comparator.comparing(PostmortemFacts.Unreadable::path));
        List<CauseSimilarity.Cluster> clusters = CauseSimilarity.clusters(postmortems,
                PostmortemFacts.DEFAULT_SIMILARITY);
        facts.put(PostmortemFacts.class, new PostmortemFacts(postmortems, unreadable, templates.stream().sorted()
                .toList(), searched, showNames, config.blameTerms(), clusters, Incidents.of(postmortems, clusters),
                forms.stream().sorted(Comparator.comparing(PostmortemFacts.TemplateForm::path)).toList()));
        context.log().accept("Postmortems: " + postmortems.size() + " read" + (unreadable.isEmpty() ? ""
                : ", " + unreadable.size() + " unreadable"));
    }

    private record Candidate(String path, boolean dedicatedFolder) {
    }

    /**
     * Whether a path (relative to the folder searched) is a postmortem candidate, remembered per set of globs for as
     * long as this scanner lives (one assessment with its trend points, which ask about the same paths at every
     * point): a path object with a dozen glob matchers per file of a large tree was the largest part of this
     * scanner's time. The trend's workers share it, hence a concurrent map.
     */
    private final Map<List<List<String>>, PathDecisions> decisions = new ConcurrentHashMap<>();

    private PathDecisions decisions(List<String> include, List<String> exclude) {
        return decisions.computeIfAbsent(List.of(List.copyOf(include), List.copyOf(exclude)), k -> {
            List<PathMatcher> in = matchers(include);
            List<PathMatcher> out = matchers(exclude);
            return new PathDecisions(relative -> {
                Path p = Path.of(relative);
                return in.stream().anyMatch(m -> m.matches(p)) && out.stream().noneMatch(m -> m.matches(p));
            });
        });
    }

    private List<Candidate> candidates(RepoTree tree, PostmortemConfig config, List<String> searched) {
        Set<String> roots = new LinkedHashSet<>(List.of(tree.subtree(), ""));
        Set<String> seen = new TreeSet<>();
        List<Candidate> out = new ArrayList<>();
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            boolean assessed = root.equals(tree.subtree());
            // At the repository root of a module, only the root's own postmortem folders and files count: a deep
            // glob there would pick up other modules' files (even test fixtures).
            List<String> globs = assessed ? config.include()
                    : config.include().stream().filter(g -> !g.startsWith("**/")).toList();
            PathDecisions candidate = decisions(globs, config.exclude());
            globs.forEach(g -> searched.add(prefix + g));
            List<String> files = assessed ? tree.files() : tree.filesUnder(root);
            for (String file : files) {
                String relative = file.substring(prefix.length());
                if (seen.contains(file) || !candidate.test(relative)) {
                    continue;
                }
                seen.add(file);
                boolean dedicated = DEDICATED.stream().anyMatch(d -> relative.startsWith(d)
                        || relative.startsWith("docs/" + d));
                out.add(new Candidate(file, dedicated));
            }
        }
        out.sort(Comparator.comparing(Candidate::path));
        return out;
    }

    private static final Pattern ASKS_OWNER = Pattern.compile("(?i)\\b(owners?|owned|assignee|assigned|responsible"
            + "|who|dri)\\b");
    private static final Pattern ASKS_TRACKING = Pattern.compile("(?i)\\b(tickets?|issues?|jira|links?|tracking"
            + "|tracked|due|deadline|url)\\b");

    /**
     * What a template's action-items section asks for, read from its lines as written (a table's header row
     * included): from its heading to the next heading of the document.
     */
    private static Optional<PostmortemFacts.TemplateForm> templateForm(Postmortem template, String text) {
        List<Postmortem.Section> sections = template.sections();
        for (Postmortem.Section s : sections) {
            if (s.kind() != SectionKind.ACTION_ITEMS || s.line() <= 0) {
                continue;
            }
            int end = sections.stream().mapToInt(Postmortem.Section::line).filter(l -> l > s.line()).min()
                    .orElse(Integer.MAX_VALUE);
            String[] lines = text.split("\n", -1);
            StringBuilder asked = new StringBuilder(s.heading());
            for (int l = s.line(); l < Math.min(end, lines.length + 1); l++) {
                asked.append('\n').append(lines[l - 1]);
            }
            return Optional.of(new PostmortemFacts.TemplateForm(template.path(), s.line(),
                    ASKS_OWNER.matcher(asked).find(), ASKS_TRACKING.matcher(asked).find()));
        }
        return Optional.empty();
    }

    /**
     * The template kept beside the postmortems but outside the globs ("PMyyyy-nnn - Postmortem template.md" next to
     * "PM2024-001 - ….md"): a Markdown or AsciiDoc file whose name says "template", in a folder that holds postmortems.
     */
    private static void siblingTemplates(RepoTree tree, PostmortemInterpreter interpreter, List<Postmortem> postmortems,
            List<String> templates, List<PostmortemFacts.TemplateForm> forms, Facts.Builder facts) {
        Set<String> folders = new TreeSet<>();
        for (Postmortem p : postmortems) {
            folders.add(p.path().contains("/") ? p.path().substring(0, p.path().lastIndexOf('/')) : "");
        }
        List<String> files = folders.contains("") ? tree.files() : folders.stream()
                .flatMap(f -> tree.filesUnder(f).stream()).toList();
        for (String path : files) {
            int slash = path.lastIndexOf('/');
            String folder = slash < 0 ? "" : path.substring(0, slash);
            String name = path.substring(slash + 1).toLowerCase(Locale.ROOT);
            String ext = extension(path);
            if (!folders.contains(folder) || !name.contains("template") || !TEXT_EXTENSIONS.contains(ext)
                    || templates.contains(path)) {
                continue;
            }
            RepoTree.TextRead read = tree.readText(path);
            if (!read.ok() || read.text().isBlank()) {
                continue;
            }
            boolean asciidoc = ext.startsWith("adoc") || ext.equals("asciidoc");
            ParsedDocument doc = asciidoc ? new AsciidocReader().read(read.text())
                    : new MarkdownReader().read(path, read.text(), facts::problem);
            if (doc == null) {
                continue;
            }
            templates.add(path);
            templateForm(interpreter.interpret(path, asciidoc ? "asciidoc" : "markdown", doc), read.text())
                    .ifPresent(forms::add);
        }
    }

    private static boolean noText(RepoTree tree, String path) {
        RepoTree.TextRead read = tree.readText(path);
        return !read.ok() || read.text().isBlank();
    }

    /** A document outside a postmortem folder counts only when it has the sections of one. */
    private static boolean looksLikePostmortem(Postmortem pm) {
        long kinds = pm.sections().stream().map(Postmortem.Section::kind)
                .filter(k -> k != SectionKind.OTHER && k != SectionKind.SUMMARY).distinct().count();
        return kinds >= 2;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The text of a PDF, page by page, read as lines of plain text; {@code null} (with one problem naming the file)
     * when it cannot be read: damaged, encrypted, or only scanned images.
     */
    private static ParsedDocument readPdf(RepoTree tree, String path, Facts.Builder facts,
            List<PostmortemFacts.Unreadable> unreadable) {
        RepoTree.BytesRead read = tree.readBytes(path);
        if (!read.ok()) {
            unreadable.add(unreadable(facts, path, read.skipped()));
            return null;
        }
        PdfText.Result pdf = PdfText.read(read.bytes());
        if (pdf.failure().isPresent()) {
            unreadable.add(unreadable(facts, path, pdf.problem()));
            return null;
        }
        List<PdfText.Line> lines = pdf.lines();
        if (lines.size() > MAX_LINES) {
            facts.problem(path, null, "very long postmortem: only the first " + MAX_LINES + " lines of its text (up to"
                    + " page " + lines.get(MAX_LINES - 1).page() + ") were read");
            lines = lines.subList(0, MAX_LINES);
        }
        List<PlainTextReader.Line> text = lines.stream().map(l -> new PlainTextReader.Line(l.line(), l.text()))
                .toList();
        return new PlainTextReader().read(text, lines.size()).withPages(pdf.pageStarts().stream()
                .filter(start -> start <= MAX_LINES).toList());
    }

    private static PostmortemFacts.Unreadable unreadable(Facts.Builder facts, String path, String reason) {
        facts.problem(path, null, "postmortem not read: " + reason);
        return new PostmortemFacts.Unreadable(path, reason);
    }

    private static String limitLines(String path, String text, Facts.Builder facts) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && ++count == MAX_LINES) {
                facts.problem(path, MAX_LINES, "very long postmortem: only the first " + MAX_LINES
                        + " lines were read");
                return text.substring(0, i + 1);
            }
        }
        return text;
    }

    private static List<String> authorNames(Facts.Builder facts) {
        return facts.find(HistoryFacts.class).map(h -> h.commits().stream().filter(c -> !c.author().bot())
                .map(AuthoredCommit::commit).map(c -> c.authorName()).filter(n -> n != null && !n.isBlank())
                .distinct().sorted().toList()).orElse(List.of());
    }
}
