package io.github.devopsassess.report;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.facts.ownership.OwnershipResolver;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.report.sections.PeopleNames;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who can act on a finding: the owners that CODEOWNERS (or Prow OWNERS, or a Backstage catalog) declares for the
 * paths of its evidence, so that a leader can route it. Teams are shown by their names, people as the rest of the site
 * shows them (pseudonyms unless names are shown). Nothing is decided here: the ownership facts say who owns a path.
 */
final class FindingOwners {

    /** The owner of findings whose evidence no declaration covers. */
    static final String NOBODY = "no declared owner";

    private final OwnershipResolver resolver;
    private final PeopleNames names;
    private final Map<String, List<String>> cache = new LinkedHashMap<>();

    private FindingOwners(OwnershipResolver resolver, PeopleNames names) {
        this.resolver = resolver;
        this.names = names;
    }

    /** The owners of findings, or {@code null} when ownership was not scanned or nothing declares it. */
    static FindingOwners of(Facts facts) {
        OwnershipFacts ownership = facts.find(OwnershipFacts.class).filter(OwnershipFacts::declared).orElse(null);
        if (ownership == null) {
            return null;
        }
        return new FindingOwners(new OwnershipResolver(ownership.codeowners(), ownership.prowOwners(), ownership.prowAliases(),
                ownership.catalog()), PeopleNames.of(facts));
    }

    /** The owners of the finding's evidence paths, sorted and without repeats; empty when none is declared. */
    List<String> of(Finding finding) {
        Set<String> owners = new TreeSet<>();
        for (Evidence e : finding.evidence()) {
            if (e.path() != null && !e.path().isBlank()) {
                owners.addAll(cache.computeIfAbsent(e.path(), this::resolve));
            }
        }
        return List.copyOf(owners);
    }

    /** The finding's owners as one text, {@link #NOBODY} when none is declared. */
    String label(Finding finding) {
        List<String> owners = of(finding);
        return owners.isEmpty() ? NOBODY : String.join(", ", owners);
    }

    private List<String> resolve(String path) {
        FileOwnership f = resolver.resolve(path);
        return f.owners().stream().map((Owner o) -> names.owner(o)).distinct().sorted().toList();
    }
}
