package io.github.devopsassess.facts.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Who owns a repository as a whole, the owner a portfolio groups it under. */
class RepositoryOwnersTest {

    private static FileOwnership file(String path, String... owners) {
        return new FileOwnership(path, java.util.Arrays.stream(owners).map(Owner::parse).sorted().toList(),
                owners.length == 0 ? null : ".github/CODEOWNERS", List.of(1), owners.length > 0);
    }

    private static OwnershipFacts facts(List<FileOwnership> files, List<CatalogEntity> catalog) {
        return new OwnershipFacts(null, List.of(), List.of(".github/CODEOWNERS"), files, List.of(), catalog, List.of());
    }

    @Test
    void theOwnersOfMostFilesTeamsBeforePeople() {
        // "* @acme/payments @alice" with "/docs/ @acme/writers": the catch-all owners own most files
        OwnershipFacts f = facts(List.of(file("src/A.java", "@alice", "@acme/payments"),
                file("src/B.java", "@alice", "@acme/payments"), file("docs/x.md", "@acme/writers"),
                file("README.md")), List.of());
        assertThat(f.repositoryOwners()).extracting(Owner::name).containsExactly("@acme/payments", "@alice");
    }

    @Test
    void theCatalogEntityNearestTheRootWinsOverCodeowners() {
        OwnershipFacts f = facts(List.of(file("src/A.java", "@acme/payments")), List.of(
                new CatalogEntity("services/api/catalog-info.yaml", 5, "Component", "api",
                        CatalogEntity.owner("group:api-team"), Map.of()),
                new CatalogEntity("catalog-info.yaml", 7, "Component", "shop", CatalogEntity.owner("group:shop-team"),
                        Map.of())));
        assertThat(f.repositoryOwners()).extracting(Owner::name).containsExactly("group:shop-team");
    }

    @Test
    void nobodyWhenNothingDeclaresAnOwner() {
        assertThat(facts(List.of(file("src/A.java")), List.of()).repositoryOwners()).isEmpty();
    }
}
