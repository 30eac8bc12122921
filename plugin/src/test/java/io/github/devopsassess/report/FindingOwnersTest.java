package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.CodeownersPattern;
import io.github.devopsassess.facts.ownership.CodeownersRule;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each finding names who owns its evidence, from CODEOWNERS, and the index groups the findings by owner. */
class FindingOwnersTest {

    static Rubric rubric;

    @BeforeAll
    static void load() throws Exception {
        rubric = new RubricLoader(FindingOwnersTest.class.getClassLoader()).loadDefault();
    }

    /** A GitHub CODEOWNERS: everything to @shop/platform, workflows to @shop/ci, db/ to one person. */
    static Facts facts() {
        List<CodeownersRule> rules = List.of(
                new CodeownersRule(2, CodeownersPattern.compile("*"), List.of(Owner.parse("@shop/platform")), null,
                        false),
                new CodeownersRule(5, CodeownersPattern.compile("/.github/workflows/"),
                        List.of(Owner.parse("@shop/ci")), null, false),
                new CodeownersRule(8, CodeownersPattern.compile("/db/"), List.of(Owner.parse("@dana")), null,
                        false));
        CodeownersFile file = new CodeownersFile(".github/CODEOWNERS", CodeownersFile.GITHUB, "", rules, List.of(),
                List.of());
        return Facts.builder().put(OwnershipFacts.class, new OwnershipFacts(file, List.of(),
                List.of(".github/CODEOWNERS"), List.of(), List.of(), List.of(), List.of())).build();
    }

    static AssessmentFixture fixture() {
        AssessmentFixture x = new AssessmentFixture(rubric).area("access-control", "third-party");
        x.check("dangerous-pull-request-target", 0.0, "1 workflow");
        x.finding("dangerous-pull-request-target", Severity.CRITICAL, "pull_request_target runs fork code",
                ".github/workflows/pr.yml", Evidence.line(".github/workflows/pr.yml", 12));
        x.check("environment-credentials", 0.0, "1 committed credential");
        x.finding("environment-credentials", Severity.HIGH, "A database password is committed", "db/app.properties",
                Evidence.line("db/app.properties", 3));
        x.check("unpinned-images", 0.5, "1 image");
        x.finding("unpinned-images", Severity.MEDIUM, "postgres:latest is not pinned", "image:postgres",
                Evidence.line("docker-compose.yml", 4), Evidence.line(".github/workflows/ci.yml", 20));
        x.check("admin-access", 0.0, "admins");
        x.finding("admin-access", Severity.HIGH, "Seven people have admin rights", "admins",
                Evidence.note("from the platform settings"));
        return x;
    }

    @Test
    void eachFindingNamesTheOwnersOfItsEvidence(@TempDir Path dir) throws Exception {
        Path site = fixture().render(dir, facts());
        Document access = Jsoup.parse(site.resolve("areas/access-control.html").toFile(), "UTF-8");
        assertThat(owner(access, "pull_request_target runs fork code")).isEqualTo("Owner: @shop/ci");
        // a person is shown as a pseudonym unless names are shown, as everywhere on the site
        String dana = owner(access, "A database password is committed");
        assertThat(dana).startsWith("Owner: ").doesNotContain("dana");
        assertThat(Pseudonyms.isPseudonym(dana.substring("Owner: ".length()))).as(dana).isTrue();
        assertThat(owner(access, "Seven people have admin rights")).isEqualTo("Owner: no declared owner");
        Document third = Jsoup.parse(site.resolve("areas/third-party.html").toFile(), "UTF-8");
        // two evidence paths, two owners, the last matching CODEOWNERS line wins for each
        assertThat(owner(third, "postgres:latest is not pinned")).isEqualTo("Owner: @shop/ci, @shop/platform");
    }

    @Test
    void theIndexGroupsTheFindingsByOwnerWorstFirst(@TempDir Path dir) throws Exception {
        Document index = Jsoup.parse(fixture().render(dir, facts()).resolve("index.html").toFile(), "UTF-8");
        Element table = index.selectFirst("table.owners");
        assertThat(table.select("thead th").eachText()).containsExactly("Owner", "Findings", "Worst", "Checks");
        List<String> rows = table.select("tbody tr").eachText();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("@shop/ci 2 CRITICAL");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("@shop/platform 1 MEDIUM"))
                .anySatisfy(r -> assertThat(r).startsWith("no declared owner 1 HIGH"));
        assertThat(table.select("a[href=checks/dangerous-pull-request-target.html]")).hasSize(1);
        // the top risks say whom to route each one to
        assertThat(index.selectFirst("table.risks tbody tr").text()).contains("pull_request_target runs fork code")
                .contains("Owner: @shop/ci.");
    }

    @Test
    void withoutDeclaredOwnershipNothingIsClaimed(@TempDir Path dir) throws Exception {
        Path site = fixture().render(dir);
        assertThat(Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8").select("table.owners")).isEmpty();
        assertThat(Jsoup.parse(site.resolve("areas/access-control.html").toFile(), "UTF-8")
                .select(".finding-owner")).isEmpty();
    }

    private static String owner(Document page, String message) {
        return page.select(".finding").stream().filter(f -> f.text().contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + message)).selectFirst(".finding-owner").text();
    }
}
