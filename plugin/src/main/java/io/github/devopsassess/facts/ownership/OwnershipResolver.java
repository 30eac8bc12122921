package io.github.devopsassess.facts.ownership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides who owns each file: the CODEOWNERS file first (GitHub: the last matching line wins; GitLab: the last
 * matching line of every section, owners of all sections combined, {@code !path} leaving a file out of a
 * section), then Prow OWNERS (the approvers of the nearest file and of those above it, as Prow's approve plugin
 * reads them), then the nearest Backstage catalog owner.
 */
public final class OwnershipResolver {

    private final CodeownersFile codeowners;
    private final List<ProwOwners> prow;
    private final List<CatalogEntity> catalog;
    private final Set<String> prowAliases;
    private final Map<ProwOwners.Filter, Pattern> filters;

    /** What a filter that is not a regular expression finds: nothing. */
    private static final Pattern NOTHING = Pattern.compile("(?!)");

    /**
     * @param codeowners the active CODEOWNERS file, or {@code null}
     * @param prow Prow OWNERS files
     * @param prowAliases alias names from {@code OWNERS_ALIASES}: groups of people, so team owners
     * @param catalog Backstage entities
     */
    public OwnershipResolver(CodeownersFile codeowners, List<ProwOwners> prow, Set<String> prowAliases,
            List<CatalogEntity> catalog) {
        this.codeowners = codeowners;
        this.prowAliases = Set.copyOf(prowAliases);
        this.prow = prow.stream().sorted(Comparator.comparingInt((ProwOwners p) -> p.folder().length()).reversed())
                .toList();
        Map<ProwOwners.Filter, Pattern> compiled = new HashMap<>();
        for (ProwOwners p : prow) {
            for (ProwOwners.Filter f : p.filters()) {
                try {
                    compiled.put(f, Pattern.compile(f.regex()));
                } catch (PatternSyntaxException e) {
                    compiled.put(f, NOTHING); // the scanner reported it
                }
            }
        }
        this.filters = compiled;
        this.catalog = catalog.stream().filter(e -> e.owner() != null)
                .sorted(Comparator.comparingInt((CatalogEntity e) -> folderOf(e.path()).length()).reversed())
                .toList();
    }

    public FileOwnership resolve(String file) {
        if (codeowners != null) {
            FileOwnership f = fromCodeowners(file);
            if (f != null) {
                return f;
            }
        }
        FileOwnership fromProw = fromProw(file);
        if (fromProw != null) {
            return fromProw;
        }
        for (CatalogEntity e : catalog) {
            if (inside(file, folderOf(e.path()))) {
                return new FileOwnership(file, List.of(e.owner()), e.path(), List.of(e.line()), false);
            }
        }
        return new FileOwnership(file, List.of(), null, List.of(), false);
    }

    /**
     * Prow's approvers of a file: those of the nearest OWNERS file and of every OWNERS file above it, up to one that
     * sets {@code no_parent_owners}; a filter adds its approvers where its regular expression finds the path relative
     * to its folder. The nearest file that names an approver is the source.
     */
    private FileOwnership fromProw(String file) {
        Set<Owner> owners = new TreeSet<>();
        String source = null;
        int line = 0;
        for (ProwOwners p : prow) { // deepest first
            if (!inside(file, p.folder())) {
                continue;
            }
            String relative = p.folder().isEmpty() ? file : file.substring(p.folder().length() + 1);
            List<String> names = new ArrayList<>(p.approvers());
            int at = p.line();
            for (ProwOwners.Filter f : p.filters()) {
                if (!f.approvers().isEmpty() && filters.get(f).matcher(relative).find()) {
                    if (names.isEmpty()) {
                        at = f.line();
                    }
                    names.addAll(f.approvers());
                }
            }
            if (!names.isEmpty()) {
                names.forEach(n -> owners.add(prowOwner(n)));
                if (source == null) {
                    source = p.path();
                    line = at;
                }
            }
            if (p.noParentOwners()) {
                break;
            }
        }
        return source == null ? null : new FileOwnership(file, List.copyOf(owners), source, List.of(line), true);
    }

    private FileOwnership fromCodeowners(String file) {
        String base = codeowners.base();
        if (!base.isEmpty() && !file.startsWith(base + "/")) {
            return null;
        }
        String relative = base.isEmpty() ? file : file.substring(base.length() + 1);
        List<CodeownersRule> rules = codeowners.rules();
        if (!codeowners.gitlab()) {
            for (int i = rules.size() - 1; i >= 0; i--) {
                CodeownersRule r = rules.get(i);
                if (r.pattern().matches(relative)) {
                    return new FileOwnership(file, sorted(r.owners()), codeowners.path(), List.of(r.line()),
                            !r.owners().isEmpty());
                }
            }
            return null;
        }
        // GitLab: sections with the same name (case-insensitive) are one section
        Map<String, List<CodeownersRule>> bySection = new LinkedHashMap<>();
        for (CodeownersRule r : rules) {
            bySection.computeIfAbsent(r.section() == null ? "" : r.section().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(r);
        }
        Set<Owner> owners = new TreeSet<>();
        Set<Integer> lines = new TreeSet<>();
        boolean enforced = false;
        boolean matched = false;
        for (Map.Entry<String, List<CodeownersRule>> e : bySection.entrySet()) {
            List<CodeownersRule> sectionRules = e.getValue();
            if (sectionRules.stream().anyMatch(r -> r.exclusion() && r.pattern().matches(relative))) {
                continue;
            }
            for (int i = sectionRules.size() - 1; i >= 0; i--) {
                CodeownersRule r = sectionRules.get(i);
                if (!r.exclusion() && r.pattern().matches(relative)) {
                    matched = true;
                    owners.addAll(r.owners());
                    lines.add(r.line());
                    enforced |= !r.owners().isEmpty() && !optional(e.getKey());
                    break;
                }
            }
        }
        return matched ? new FileOwnership(file, List.copyOf(owners), codeowners.path(), List.copyOf(lines), enforced)
                : null;
    }

    private boolean optional(String sectionKey) {
        if (sectionKey.isEmpty()) {
            return false;
        }
        // a section is optional when every header of that name says so
        return codeowners.sections().stream().filter(s -> s.name().equalsIgnoreCase(sectionKey))
                .allMatch(CodeownersSection::optional);
    }

    /** Aggregates per top-level folder below the assessed folder. */
    public static List<FolderOwnership> folders(String subtree, List<FileOwnership> files) {
        String prefix = subtree.isEmpty() ? "" : subtree + "/";
        Map<String, List<FileOwnership>> byFolder = new TreeMap<>();
        for (FileOwnership f : files) {
            if (f.path().startsWith(prefix)) {
                byFolder.computeIfAbsent(topFolder(subtree, f.path()), k -> new ArrayList<>()).add(f);
            }
        }
        List<FolderOwnership> out = new ArrayList<>();
        byFolder.forEach((folder, list) -> {
            int team = 0;
            int individual = 0;
            int none = 0;
            Set<String> owners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (FileOwnership f : list) {
                switch (f.type()) {
                    case TEAM -> team++;
                    case INDIVIDUAL -> individual++;
                    default -> none++;
                }
                f.owners().forEach(o -> owners.add(o.name()));
            }
            OwnerType type = none >= individual && none >= team ? OwnerType.NONE
                    : individual >= team ? OwnerType.INDIVIDUAL : OwnerType.TEAM;
            out.add(new FolderOwnership(folder, type, list.size(), team, individual, none, List.copyOf(owners)));
        });
        return out;
    }

    /**
     * The top-level folder of a file below the assessed folder, as {@link FolderOwnership#folder()} names it: the
     * repository-relative folder, or the assessed folder itself ("." at the root) for files directly in it.
     */
    public static String topFolder(String subtree, String path) {
        String prefix = subtree.isEmpty() ? "" : subtree + "/";
        String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
        int slash = rest.indexOf('/');
        return slash < 0 ? (subtree.isEmpty() ? "." : subtree) : prefix + rest.substring(0, slash);
    }

    private Owner prowOwner(String login) {
        // aliases name groups of people; plain logins are people
        return new Owner(login, prowAliases.contains(login) ? Owner.Kind.TEAM : Owner.Kind.USER);
    }

    private static List<Owner> sorted(List<Owner> owners) {
        return owners.stream().sorted().distinct().toList();
    }

    private static boolean inside(String file, String folder) {
        return folder.isEmpty() || file.startsWith(folder + "/");
    }

    public static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
