package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * Who owns one file of the assessed tree: the active CODEOWNERS file decides; for files it does not match, the
 * nearest Prow {@code OWNERS} file (its approvers), then the nearest Backstage {@code catalog-info.yaml}.
 *
 * @param path repository-relative path
 * @param owners owners, sorted; empty when nothing matches or the deciding rule names nobody
 * @param source the file that decided, or {@code null} when nothing matches
 * @param lines lines of the deciding rules in {@code source} (one per GitLab section), sorted
 * @param enforced true when some owner comes from a rule whose approval is required (GitHub rules always; GitLab
 *     rules outside optional {@code ^[sections]}; Prow approvers); a catalog owner is never enforced
 */
public record FileOwnership(String path, List<Owner> owners, String source, List<Integer> lines,
        boolean enforced) {

    public FileOwnership {
        owners = List.copyOf(owners);
        lines = List.copyOf(lines);
    }

    public OwnerType type() {
        return OwnerType.of(owners);
    }
}
