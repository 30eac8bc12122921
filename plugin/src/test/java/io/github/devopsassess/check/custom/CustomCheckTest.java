package io.github.devopsassess.check.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every custom-condition type of the fixture rubric custom/rubrics/team.yaml, on the fixture repository. */
class CustomCheckTest {

    private static final List<String> FIXTURES = List.of("k8s/deployment.yaml", "k8s/api-deployment.yaml",
            "k8s/broken-deployment.yaml", "package.json", "docs/runbook.md", "config/.env.production",
            ".gitlab-ci.yml");

    @TempDir
    static Path dir;

    static Assessment assessment;

    private static String fixture(String path) throws IOException {
        try (InputStream in = CustomCheckTest.class.getResourceAsStream("/custom/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void assessTheFixtureRepository() throws Exception {
        Path repoDir = dir.resolve("repo");
        try (TestRepo repo = TestRepo.init(repoDir)) {
            for (String f : FIXTURES) {
                repo.write(f, fixture("repo/" + f));
            }
            repo.commit("Ann", "ann@example.org", "first");
            repo.append("docs/runbook.md", "More.").commit("Bob", "bob@example.org", "second");
            repo.append("package.json", "").commit("Ann", "ann@example.org", "third");
        }
        Path rubric = dir.resolve("team.yaml");
        Files.writeString(rubric, fixture("rubrics/team.yaml"));
        assessment = new Assessor().assess(Requests.of(repoDir).withRubric(rubric)).assessment();
    }

    private static CheckResult result(String id) {
        return assessment.areas().stream().flatMap(a -> a.checks().stream()).filter(c -> c.check().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + id));
    }

    @Test
    void fileExistsPassesWhenOneGlobMatchesAndFailsWithWhereItLooked() {
        assertThat(result("runbook-present").status()).isEqualTo(CheckStatus.PASS);
        CheckResult missing = result("postmortem-template");
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        Finding f = missing.findings().get(0);
        assertThat(f.message()).isEqualTo("No file matches **/postmortem-template.md.");
        assertThat(f.subject()).isEqualTo("files:**/postmortem-template.md");
        assertThat(f.evidence().get(0).note()).contains("looked for **/postmortem-template.md");
        assertThat(f.remediation()).startsWith("Add a postmortem template");
    }

    @Test
    void fileAbsentReportsEveryMatchWithTheRubricsMessage() {
        CheckResult r = result("no-env-files");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("config/.env.production");
            assertThat(f.message()).isEqualTo("config/.env.production is committed: production settings belong in"
                    + " the secret store.");
            // a finding about a whole file is located at the file's range (this one has one line)
            assertThat(f.evidence()).containsExactly(Evidence.lines("config/.env.production", 1, 1));
            assertThat(f.area()).isEqualTo("access-control");
        });
    }

    @Test
    void yamlPathComparesEveryDocumentAndNamesTheLine() {
        CheckResult r = result("two-replicas");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        // deployment.yaml fails (first document), api-deployment.yaml passes, the broken file is not judged.
        assertThat(r.score()).isEqualTo(0.5);
        assertThat(r.summary()).isEqualTo("1 of 2 files satisfies spec.replicas >= 2");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("k8s/deployment.yaml");
            assertThat(f.message()).isEqualTo("In k8s/deployment.yaml, spec.replicas is 1; the rubric requires"
                    + " spec.replicas >= 2.");
            assertThat(f.evidence()).containsExactly(Evidence.line("k8s/deployment.yaml", 6)
                    .withNote("spec.replicas is 1"));
        });
        assertThat(assessment.problems()).extracting(ParseProblem::path).contains("k8s/broken-deployment.yaml");
        assertThat(assessment.problems()).filteredOn(p -> "k8s/broken-deployment.yaml".equals(p.path()))
                .allSatisfy(p -> assertThat(p.line()).isNotNull());
    }

    @Test
    void yamlPathWildcardsVisitEveryListItem() {
        CheckResult r = result("pinned-images");
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).containsExactly(
                Evidence.line("k8s/deployment.yaml", 13).withNote(
                        "spec.template.spec.containers.1.image is 'registry.example.org/proxy:latest'")));
    }

    @Test
    void jsonPathReadsJsonWithLines() {
        CheckResult r = result("node-version");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings().get(0).evidence()).containsExactly(Evidence.line("package.json", 5)
                .withNote("engines.node is '18'"));
    }

    @Test
    void pipelinePredicatesOverTheScannedDefinitions() {
        assertThat(result("gitlab-pipeline").status()).isEqualTo(CheckStatus.PASS);
        assertThat(result("gitlab-pipeline").summary()).isEqualTo("1 pipeline definition; system == gitlab-ci:"
                + " holds");
        assertThat(result("no-jenkins").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void historyMetricsAreComparedWithTheRequirement() {
        CheckResult authors = result("several-authors");
        assertThat(authors.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(authors.summary()).isEqualTo("authors is 2 (the rubric requires authors >= 3)");
        assertThat(authors.findings().get(0).message()).isEqualTo("The history has authors 2; the rubric requires"
                + " authors >= 3.");
        assertThat(result("some-commits").status()).isEqualTo(CheckStatus.PASS);
        assertThat(result("some-commits").summary()).isEqualTo("commits is 3 (the rubric requires commits > 1)");
    }

    @Test
    void customChecksTakePartInTheLadderLikeBuiltInOnes() {
        // gitlab-pipeline and pipeline-defined are required for "managed" and both pass.
        assertThat(assessment.nextLevel() == null || assessment.nextLevel().blockingChecks().stream()
                .noneMatch(b -> b.requiredFor().equals("managed"))).isTrue();
    }

    @Test
    void theProfileOfTheRequestLeavesAreasOutOfTheAssessment() throws Exception {
        Assessment library = new Assessor().assess(Requests.of(dir.resolve("repo"))
                .withRubric(dir.resolve("team.yaml")).withProfile("library")).assessment();
        assertThat(library.areas()).extracting(a -> a.area()).doesNotContain("incident-response")
                .contains("knowledge-silos");
        assertThat(library.findings()).extracting(Finding::check).doesNotContain("postmortem-template");
    }
}
