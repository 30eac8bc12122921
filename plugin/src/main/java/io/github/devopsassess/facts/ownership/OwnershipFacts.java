package io.github.devopsassess.facts.ownership;

import io.github.devopsassess.facts.Input;
import java.util.List;
import java.util.Optional;

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
 */
public record OwnershipFacts(CodeownersFile codeowners, List<CodeownersFile> shadowed, List<String> searched,
        List<FileOwnership> files, List<FolderOwnership> folders, List<CatalogEntity> catalog,
        List<ProwOwners> prowOwners) implements Input {

    public OwnershipFacts {
        shadowed = List.copyOf(shadowed);
        searched = List.copyOf(searched);
        files = List.copyOf(files);
        folders = List.copyOf(folders);
        catalog = List.copyOf(catalog);
        prowOwners = List.copyOf(prowOwners);
    }

    public Optional<CodeownersFile> active() {
        return Optional.ofNullable(codeowners);
    }

    /** True when some declaration of ownership exists: CODEOWNERS, Prow OWNERS or a catalog owner. */
    public boolean declared() {
        return codeowners != null || !prowOwners.isEmpty() || catalog.stream().anyMatch(e -> e.owner() != null);
    }

    /** Without any declaration of ownership the ownership checks have nothing to judge (unowned-files judges that). */
    @Override
    public Optional<String> unusable() {
        return declared() ? Optional.empty() : Optional.of("no CODEOWNERS, OWNERS or catalog owner declares ownership");
    }
}
