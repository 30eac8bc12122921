package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * Ownership of one top-level folder of the assessed tree, for the "Ownership" page.
 *
 * @param folder repository-relative folder, or the assessed folder itself ("." at the root) for files directly in it
 * @param type the type most of its files have; on a tie the weaker one (none, then individual)
 * @param files how many files it holds
 * @param teamFiles files owned by at least one team
 * @param individualFiles files owned by individuals only
 * @param unownedFiles files without an owner
 * @param owners every owner of any of its files, sorted
 */
public record FolderOwnership(String folder, OwnerType type, int files, int teamFiles, int individualFiles,
        int unownedFiles, List<String> owners) {

    public FolderOwnership {
        owners = List.copyOf(owners);
    }
}
