package io.github.devopsassess.facts.ownership;

import io.github.devopsassess.facts.Input;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Declared ownership of the assessed tree.
 *
 * @param codeowners the CODEOWNERS file in effect (the first found, assessed folder before repository root), or
 *     {@code null}
 * @param shadowed other CODEOWNERS files found, which the platform ignores because an earlier location wins
 * @param searched where CODEOWNERS was looked for, in order, for "none found" messages
 * @param files ownership of every file of the assessed tree, sorted by path
 * @param folders ownership per top-level folder of the assessed tree, sorted by folder
 * @param catalog Backstage entities found
 * @param prowOwners Prow OWNERS files found
 * @param prowAliases alias names that {@code OWNERS_ALIASES} defines: groups of people, so teams, sorted
 * @param misplaced files named CODEOWNERS where no platform reads one (a subfolder such as {@code src/lib/}), sorted;
 *     test fixtures, examples and templates left out
 */
public record OwnershipFacts(CodeownersFile codeowners, List<CodeownersFile> shadowed, List<String> searched,
        List<FileOwnership> files, List<FolderOwnership> folders, List<CatalogEntity> catalog,
        List<ProwOwners> prowOwners, Set<String> prowAliases, List<String> misplaced) implements Input {

    /** Declared ownership without Prow aliases. */
    public OwnershipFacts(CodeownersFile codeowners, List<CodeownersFile> shadowed, List<String> searched,
            List<FileOwnership> files, List<FolderOwnership> folders, List<CatalogEntity> catalog,
            List<ProwOwners> prowOwners) {
        this(codeowners, shadowed, searched, files, folders, catalog, prowOwners, Set.of(), List.of());
    }

    public OwnershipFacts {
        shadowed = List.copyOf(shadowed);
        searched = List.copyOf(searched);
        files = List.copyOf(files);
        folders = List.copyOf(folders);
        catalog = List.copyOf(catalog);
        prowOwners = List.copyOf(prowOwners);
        prowAliases = Collections.unmodifiableSortedSet(new TreeSet<>(prowAliases));
        misplaced = misplaced.stream().sorted().toList();
    }

    public Optional<CodeownersFile> active() {
        return Optional.ofNullable(codeowners);
    }

    /** True when some declaration of ownership exists: CODEOWNERS, Prow OWNERS or a catalog owner. */
    public boolean declared() {
        return codeowners != null || !prowOwners.isEmpty() || catalog.stream().anyMatch(e -> e.owner() != null);
    }

    /**
     * Who owns the assessed tree as a whole, for a portfolio to group repositories by: the owners of the Backstage
     * catalog entities described nearest the root (a repository's {@code catalog-info.yaml} says it in one line);
     * without one, the owners of the most files of the tree (CODEOWNERS, then OWNERS), so that a catch-all rule
     * {@code * @org/payments} names its team even when some folders have other owners. Teams and roles first, then
     * people, each sorted; empty when nothing declares an owner.
     */
    public List<Owner> repositoryOwners() {
        Comparator<Owner> order = Comparator.comparing((Owner o) -> o.kind().individual()).thenComparing(o -> o);
        int depth = catalog.stream().filter(e -> e.owner() != null).mapToInt(e -> depth(e.path())).min()
                .orElse(-1);
        if (depth >= 0) {
            return catalog.stream().filter(e -> e.owner() != null && depth(e.path()) == depth)
                    .map(CatalogEntity::owner).distinct().sorted(order).toList();
        }
        Map<Owner, Integer> files = new HashMap<>();
        for (FileOwnership f : this.files) {
            f.owners().stream().distinct().forEach(o -> files.merge(o, 1, Integer::sum));
        }
        int most = files.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return files.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).sorted(order)
                .toList();
    }

    private static int depth(String path) {
        return path == null ? 0 : (int) path.chars().filter(c -> c == '/').count();
    }

    /** Without any declaration of ownership the ownership checks have nothing to judge (unowned-files judges that). */
    @Override
    public Optional<String> unusable() {
        return declared() ? Optional.empty() : Optional.of("no CODEOWNERS, OWNERS or catalog owner declares ownership");
    }
}
