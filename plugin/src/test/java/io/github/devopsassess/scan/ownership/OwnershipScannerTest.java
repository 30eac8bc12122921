package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.ownership.CatalogEntity;
import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.CodeownersSection;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.FolderOwnership;
import io.github.devopsassess.facts.ownership.MalformedEntry;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnerType;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnershipScannerTest {

    private static Map<String, FileOwnership> byPath(OwnershipFacts facts) {
        return facts.files().stream().collect(Collectors.toMap(FileOwnership::path, Function.identity()));
    }

    private static List<String> names(FileOwnership f) {
        return f.owners().stream().map(Owner::name).toList();
    }

    @Test
    void githubLastMatchWinsAndMalformedLinesAreSkipped(@TempDir Path dir) {
        Facts facts = Fixtures.scan(Fixtures.copy("github", dir), "", new OwnershipScanner());
        OwnershipFacts o = facts.find(OwnershipFacts.class).orElseThrow();

        assertThat(o.codeowners().path()).isEqualTo(".github/CODEOWNERS");
        assertThat(o.codeowners().syntax()).isEqualTo("github");
        assertThat(o.shadowed()).extracting(CodeownersFile::path).containsExactly("CODEOWNERS");
        // line 5: a comma-joined list and an owner without @; GitHub skips the whole line
        assertThat(o.codeowners().malformed()).extracting(MalformedEntry::line, MalformedEntry::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "@acme/dba,"),
                        org.assertj.core.groups.Tuple.tuple(5, "dba-team"));
        assertThat(o.codeowners().malformed().get(1).reason()).contains("has no '@'");

        Map<String, FileOwnership> files = byPath(o);
        assertThat(names(files.get("src/Main.java"))).containsExactly("@acme/payments");
        assertThat(files.get("src/Main.java").lines()).containsExactly(3);
        assertThat(names(files.get("src/legacy/Old.java"))).containsExactly("@dora");
        assertThat(files.get("src/legacy/Old.java").type()).isEqualTo(OwnerType.INDIVIDUAL);
        // explicitly unowned by line 7, the later match
        assertThat(files.get("db/migrations/V1__init.sql").owners()).isEmpty();
        assertThat(files.get("db/migrations/V1__init.sql").lines()).containsExactly(7);
        assertThat(names(files.get("deploy/terraform/main.tf"))).containsExactly("alice@example.com");
        assertThat(files.get("deploy/terraform/main.tf").owners().get(0).kind()).isEqualTo(Owner.Kind.EMAIL);
        assertThat(names(files.get("docs/index.md"))).containsExactly("@acme/writers");
        assertThat(names(files.get("docs/api/x.md"))).containsExactly("@acme/platform");
        assertThat(names(files.get("scripts/release notes.md"))).containsExactly("@erin");
        assertThat(names(files.get("README.md"))).containsExactly("@acme/platform");

        assertThat(o.folders()).extracting(FolderOwnership::folder, FolderOwnership::type).contains(
                org.assertj.core.groups.Tuple.tuple(".", OwnerType.TEAM),
                org.assertj.core.groups.Tuple.tuple("db", OwnerType.NONE),
                org.assertj.core.groups.Tuple.tuple("deploy", OwnerType.INDIVIDUAL),
                org.assertj.core.groups.Tuple.tuple("scripts", OwnerType.INDIVIDUAL));
        FolderOwnership src = o.folders().stream().filter(f -> f.folder().equals("src")).findFirst().orElseThrow();
        assertThat(src).extracting(FolderOwnership::teamFiles, FolderOwnership::individualFiles)
                .containsExactly(1, 1);
    }

    @Test
    void gitlabSectionsCombineOwnersAndHonourExclusionsAndOptionalSections(@TempDir Path dir) {
        Facts facts = Fixtures.scan(Fixtures.copy("gitlab", dir), "", new OwnershipScanner());
        OwnershipFacts o = facts.find(OwnershipFacts.class).orElseThrow();
        CodeownersFile file = o.codeowners();

        assertThat(file.gitlab()).isTrue();
        assertThat(file.sections()).extracting(CodeownersSection::name, CodeownersSection::optional,
                CodeownersSection::approvals).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Backend", false, 2),
                        org.assertj.core.groups.Tuple.tuple("Docs", true, 1),
                        org.assertj.core.groups.Tuple.tuple("Database", false, 1));
        assertThat(file.sections().get(0).defaultOwners()).extracting(Owner::name).containsExactly("@acme/backend");
        assertThat(file.malformed()).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(14);
            assertThat(m.text()).isEqualTo("dba");
        });

        Map<String, FileOwnership> files = byPath(o);
        assertThat(names(files.get("app/models/user.rb"))).containsExactly("@@maintainer", "@acme/backend");
        assertThat(files.get("app/models/user.rb").lines()).containsExactly(2, 5);
        assertThat(files.get("app/models/user.rb").owners().get(0).kind()).isEqualTo(Owner.Kind.ROLE);
        assertThat(files.get("app/assets/logo.css").owners()).as("excluded from Backend by !app/assets/").isEmpty();
        assertThat(names(files.get("lib/util.rb"))).containsExactly("@@maintainer", "@carol");
        assertThat(names(files.get("docs/guide.md"))).containsExactly("@acme/docs");
        assertThat(files.get("docs/guide.md").enforced()).as("only an optional section owns it").isFalse();
        assertThat(names(files.get("db/schema.sql"))).as("GitLab keeps the valid owners").containsExactly("@dan");
        assertThat(files.get("db/schema.sql").enforced()).isTrue();
    }

    @Test
    void moduleOfALargerRepositoryLooksInTheModuleFirstThenAtTheRoot(@TempDir Path dir) throws Exception {
        Path root = Fixtures.copy("module", dir);
        OwnershipFacts inModule = Fixtures.scan(root, "service", new OwnershipScanner())
                .find(OwnershipFacts.class).orElseThrow();
        assertThat(inModule.codeowners().path()).isEqualTo("service/.github/CODEOWNERS");
        assertThat(inModule.codeowners().base()).isEqualTo("service");
        assertThat(inModule.shadowed()).extracting(CodeownersFile::path).containsExactly("CODEOWNERS");
        assertThat(inModule.files()).extracting(FileOwnership::path).containsExactly("service/.github/CODEOWNERS",
                "service/pom.xml", "service/src/A.java");
        assertThat(names(byPath(inModule).get("service/src/A.java"))).containsExactly("@acme/service-team");

        Files.delete(root.resolve("service/.github/CODEOWNERS"));
        OwnershipFacts atRoot = Fixtures.scan(root, "service", new OwnershipScanner())
                .find(OwnershipFacts.class).orElseThrow();
        assertThat(atRoot.codeowners().path()).isEqualTo("CODEOWNERS");
        assertThat(names(byPath(atRoot).get("service/src/A.java"))).containsExactly("@acme/root-team");
        assertThat(atRoot.folders()).extracting(FolderOwnership::folder).containsExactly("service", "service/src");
    }

    @Test
    void readsBackstageOwnersAndProwOwnersAndReportsBrokenOwnersFiles(@TempDir Path dir) {
        Facts facts = Fixtures.scan(Fixtures.copy("catalog", dir), "", new OwnershipScanner());
        OwnershipFacts o = facts.find(OwnershipFacts.class).orElseThrow();

        assertThat(o.codeowners()).isNull();
        assertThat(o.catalog()).hasSize(2);
        CatalogEntity component = o.catalog().get(0);
        assertThat(component.owner().name()).isEqualTo("group:default/payments-team");
        assertThat(component.owner().kind()).isEqualTo(Owner.Kind.TEAM);
        assertThat(component.line()).isEqualTo(11);
        assertThat(component.annotations()).containsEntry("pagerduty.com/service-id", "PX1234");
        assertThat(o.catalog().get(1).owner()).isNull();
        assertThat(facts.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("catalog-info.yaml");
            assertThat(p.message()).contains("no spec.owner");
        });

        assertThat(o.prowOwners()).singleElement().satisfies(p -> {
            assertThat(p.folder()).isEqualTo("pkg");
            assertThat(p.approvers()).containsExactly("jdoe", "sig-payments-approvers");
            assertThat(p.reviewers()).containsExactly("asmith");
        });
        assertThat(facts.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("broken/OWNERS");
            assertThat(p.line()).isNotNull();
        });

        Map<String, FileOwnership> files = byPath(o);
        assertThat(files.get("pkg/api/handler.go").source()).isEqualTo("pkg/OWNERS");
        assertThat(files.get("pkg/api/handler.go").type()).as("an alias is a team").isEqualTo(OwnerType.TEAM);
        assertThat(files.get("pkg/api/handler.go").enforced()).isTrue();
        assertThat(files.get("cmd/main.go").source()).isEqualTo("catalog-info.yaml");
        assertThat(files.get("cmd/main.go").enforced()).as("a catalog owner reviews nothing").isFalse();
    }

    @Test
    void prowApproversAreInheritedFromParentOwnersUnlessNoParentOwnersAndFiltersApplyToTheFilesTheyFind(
            @TempDir Path dir) {
        Facts facts = Fixtures.scan(Fixtures.copy("prow", dir), "", new OwnershipScanner());
        OwnershipFacts o = facts.find(OwnershipFacts.class).orElseThrow();
        Map<String, FileOwnership> files = byPath(o);

        assertThat(o.prowAliases()).containsExactly("platform-infra-team");
        // approvers of the root OWNERS may approve below, so a folder of individuals is still approved by the team
        FileOwnership api = files.get("components/app-api/base/kustomization.yaml");
        assertThat(names(api)).containsExactly("jmorales", "platform-infra-team", "rlindqvist", "tpetrov");
        assertThat(api.type()).isEqualTo(OwnerType.TEAM);
        assertThat(api.source()).isEqualTo("components/app-api/OWNERS");
        assertThat(api.lines()).containsExactly(3);
        assertThat(files.get("components/kyverno/kustomization.yaml").type()).isEqualTo(OwnerType.TEAM);

        // no_parent_owners: only the folder's own approvers, two people
        FileOwnership proxy = files.get("components/legacy-proxy/deployment.yaml");
        assertThat(names(proxy)).containsExactly("hvogel", "mdiallo");
        assertThat(proxy.type()).isEqualTo(OwnerType.INDIVIDUAL);
        assertThat(proxy.lines()).containsExactly(7);

        // a filter names approvers only for the files its regular expression finds below its folder
        FileOwnership release = files.get("components/monitoring/dashboards/release/release.json");
        assertThat(names(release)).containsExactly("eandersen", "fkaur");
        assertThat(release.source()).isEqualTo("components/monitoring/OWNERS");
        assertThat(release.lines()).containsExactly(7);
        FileOwnership build = files.get("components/monitoring/dashboards/build/build.json");
        assertThat(build.owners()).as("no_parent_owners and no filter finds it: nobody approves").isEmpty();

        assertThat(o.prowOwners()).filteredOn(p -> p.path().equals("components/monitoring/OWNERS")).singleElement()
                .satisfies(p -> {
                    assertThat(p.noParentOwners()).isTrue();
                    assertThat(p.filters()).extracting(f -> f.regex()).containsExactly(".*/release/.*");
                });
        assertThat(facts.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("components/monitoring/OWNERS");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("'[unclosed' is not a regular expression");
        });
    }
}
