package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.ownership.CatalogEntity;
import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.facts.ownership.OwnershipResolver;
import io.github.devopsassess.facts.ownership.PomDevelopers;
import io.github.devopsassess.facts.ownership.ProwOwners;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanFiles;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads declared ownership: CODEOWNERS (GitHub and GitLab locations and syntax), Backstage {@code catalog-info.yaml}
 * and Prow {@code OWNERS}, and resolves the owner of every file of the assessed tree. For a module of a larger
 * repository it looks in the module first and then at the repository root, where the platforms read CODEOWNERS.
 */
public final class OwnershipScanner implements Scanner {

    /** In the order GitHub looks (.github, root, docs); GitLab looks at root, docs, .gitlab. */
    static final List<String> LOCATIONS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS",
            ".gitlab/CODEOWNERS");

    /** Folders whose CODEOWNERS is a fixture, an example or a template for other repositories, not the team's. */
    private static final Pattern NOT_THE_TEAMS = Pattern.compile("(?i)(^|/)(tests?|testdata|test-data|fixtures?"
            + "|__fixtures__|examples?|samples?|templates?|testing|resources)/");

    @Override
    public String id() {
        return "ownership";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        Set<String> roots = new LinkedHashSet<>();
        roots.add(tree.subtree());
        roots.add("");
        CodeownersParser parser = new CodeownersParser();
        List<CodeownersFile> found = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            boolean gitlabRepo = tree.isFile(prefix + ".gitlab-ci.yml") || tree.isFile(prefix + ".gitlab/CODEOWNERS");
            for (String location : LOCATIONS) {
                String path = prefix + location;
                searched.add(path);
                if (!tree.isFile(path)) {
                    continue;
                }
                RepoTree.TextRead read = tree.readText(path);
                if (!read.ok()) {
                    facts.problem(path, null, "CODEOWNERS skipped: " + read.skipped());
                    continue;
                }
                boolean gitlab = location.startsWith(".gitlab/") || !location.startsWith(".github/")
                        && (gitlabRepo || CodeownersParser.looksLikeGitlab(read.text()));
                found.add(parser.parse(path, root, read.text(), gitlab));
            }
        }
        YamlReader yaml = new YamlReader();
        List<ProwOwners> prow = new ArrayList<>();
        Set<String> aliases = new TreeSet<>();
        List<CatalogEntity> catalog = new ArrayList<>();
        Set<String> candidates = new TreeSet<>(tree.files());
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            for (String name : List.of("OWNERS", "OWNERS_ALIASES", "catalog-info.yaml", "catalog-info.yml")) {
                if (tree.isFile(prefix + name)) {
                    candidates.add(prefix + name);
                }
            }
        }
        for (String path : candidates) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            switch (name) {
                case "OWNERS" -> readProw(tree, yaml, path, facts).ifPresent(prow::add);
                case "OWNERS_ALIASES" -> aliases.addAll(readAliases(tree, yaml, path, facts));
                case "catalog-info.yaml", "catalog-info.yml" -> catalog.addAll(readCatalog(tree, yaml, path, facts));
                default -> { }
            }
        }
        CodeownersFile active = found.isEmpty() ? null : found.get(0);
        OwnershipResolver resolver = new OwnershipResolver(active, prow, aliases, catalog);
        List<FileOwnership> files = tree.files().stream().map(resolver::resolve).toList();
        catalog.sort(Comparator.comparing(CatalogEntity::path).thenComparingInt(CatalogEntity::line));
        prow.sort(Comparator.comparing(ProwOwners::path));
        // a CODEOWNERS in a subfolder is read by no platform: its rules protect nothing (fixtures and templates aside)
        List<String> misplaced = tree.files().stream().filter(p -> p.equals("CODEOWNERS") || p.endsWith("/CODEOWNERS"))
                .filter(p -> !searched.contains(p) && !NOT_THE_TEAMS.matcher(p).find()).toList();
        facts.put(OwnershipFacts.class, new OwnershipFacts(active, found.size() > 1 ? found.subList(1, found.size())
                : List.of(), searched, files, OwnershipResolver.folders(tree.subtree(), files), catalog, prow, aliases,
                misplaced));
        // the maintainers a Maven project declares: of the assessed module's pom, else of the root's
        for (String root : roots) {
            String pom = (root.isEmpty() ? "" : root + "/") + "pom.xml";
            if (tree.isFile(pom)) {
                RepoTree.TextRead read = tree.readText(pom);
                if (read.ok()) {
                    facts.put(PomDevelopers.class, PomDevelopersReader.read(pom, read.text()));
                }
                break;
            }
        }
        if (active != null) {
            context.log().accept("Ownership: " + active.path() + " (" + active.syntax() + ", " + active.rules().size()
                    + " rules)");
        }
    }

    private static Optional<ProwOwners> readProw(RepoTree tree, YamlReader yaml, String path, Facts.Builder facts) {
        YamlNode.Mapping m = mapping(tree, yaml, path, facts);
        if (m == null) {
            return Optional.empty();
        }
        boolean noParent = m.mapping("options").flatMap(o -> o.string("no_parent_owners"))
                .map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
        List<ProwOwners.Filter> filters = new ArrayList<>();
        m.mapping("filters").ifPresent(f -> {
            for (String regex : f.keys()) {
                int line = f.lineOf(regex);
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    facts.problem(path, line, "OWNERS filter '" + regex + "' is not a regular expression ("
                            + e.getDescription() + "); its approvers are left out");
                    continue;
                }
                f.mapping(regex).ifPresent(entry -> filters.add(new ProwOwners.Filter(regex, line,
                        strings(entry.list("approvers")), strings(entry.list("reviewers")))));
            }
        });
        int line = m.get("approvers").isPresent() || filters.isEmpty() ? m.lineOf("approvers") : m.lineOf("filters");
        return Optional.of(new ProwOwners(path, OwnershipResolver.folderOf(path), line, strings(m.list("approvers")),
                strings(m.list("reviewers")), noParent, filters));
    }

    private static Set<String> readAliases(RepoTree tree, YamlReader yaml, String path, Facts.Builder facts) {
        YamlNode.Mapping m = mapping(tree, yaml, path, facts);
        return m == null ? Set.of() : m.mapping("aliases").map(a -> Set.copyOf(a.keys())).orElse(Set.of());
    }

    private static List<CatalogEntity> readCatalog(RepoTree tree, YamlReader yaml, String path, Facts.Builder facts) {
        Optional<String> text = ScanFiles.text(tree, path, facts);
        if (text.isEmpty()) {
            return List.of();
        }
        YamlReader.Result result = yaml.read(path, text.get());
        result.problem().ifPresent(facts::problem);
        List<CatalogEntity> out = new ArrayList<>();
        for (YamlNode doc : result.documents()) {
            YamlNode.Mapping m = doc.asMapping().orElse(null);
            if (m == null) {
                continue;
            }
            YamlNode.Mapping metadata = m.mapping("metadata").orElse(null);
            YamlNode.Mapping spec = m.mapping("spec").orElse(null);
            Map<String, String> annotations = new TreeMap<>();
            if (metadata != null) {
                metadata.mapping("annotations").ifPresent(a -> a.keys().forEach(k -> a.string(k)
                        .ifPresent(v -> annotations.put(k, v))));
            }
            String owner = spec == null ? null : spec.string("owner").orElse(null);
            int line = spec != null && owner != null ? spec.lineOf("owner") : m.line();
            String kind = m.string("kind").orElse("");
            if (owner == null && spec != null && !"Location".equals(kind)) {
                facts.problem(path, m.line(), "catalog entity " + kind + " has no spec.owner");
            }
            out.add(new CatalogEntity(path, line, kind, metadata == null ? "" : metadata.string("name").orElse(""),
                    owner == null || owner.isBlank() ? null : CatalogEntity.owner(owner), annotations));
        }
        return out;
    }

    private static YamlNode.Mapping mapping(RepoTree tree, YamlReader yaml, String path, Facts.Builder facts) {
        return ScanFiles.yamlMapping(tree, yaml, path, facts, "OWNERS file").orElse(null);
    }

    private static List<String> strings(List<YamlNode> nodes) {
        return nodes.stream().map(YamlNode::text).filter(t -> t != null && !t.isBlank()).sorted().toList();
    }
}
