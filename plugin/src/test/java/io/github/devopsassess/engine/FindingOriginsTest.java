package io.github.devopsassess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Since;
import io.github.devopsassess.report.AssessmentJson;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each finding says since when it has been true: the commit that introduced its evidence line. */
class FindingOriginsTest {

    private static final String WORKFLOW = """
            name: deploy
            on: push
            jobs:
              deploy:
                environment: production
                runs-on: ubuntu-latest
                steps:
                  - uses: someone/slack-notify@main
                  - run: ./deploy.sh
            """;

    private static Assessment assess(Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        return new Assessor().assess(new AssessmentRequest(dir, null, null, "t", null, null,
                ScanOptions.defaults().withPseudonyms(Pseudonyms.keyed("since")), log::add, log::add)).assessment();
    }

    private static Finding unpinnedCheckout(Assessment a) {
        return a.findings().stream().filter(f -> f.check().equals("unpinned-actions")).findFirst().orElseThrow(
                () -> new AssertionError("no unpinned-actions finding among " + a.findings().stream()
                        .map(Finding::check).toList()));
    }

    @Test
    void aFindingCarriesTheDateAndCommitOfItsEvidenceLineNotOfTheFilesLatestChange(@TempDir Path dir)
            throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            RevCommit introduced = repo.at("2023-04-02T10:00:00Z").write(".github/workflows/deploy.yml", WORKFLOW)
                    .commit("Ann", "ann@shop.example", "Deploy on push");
            repo.at("2024-06-10T10:00:00Z").write(".github/workflows/deploy.yml",
                    WORKFLOW.replace("./deploy.sh", "./deploy.sh --prod")).commit("Ben", "ben@shop.example", "Prod");
            repo.at("2025-01-20T10:00:00Z").append(".github/workflows/deploy.yml", "      - run: ./notify.sh")
                    .commit("Ann", "ann@shop.example", "Notify");
            for (int i = 0; i < 8; i++) { // pushed straight to main: direct-pushes has commits, no line, to show
                String who = i % 2 == 0 ? "Ann" : "Ben";
                repo.write("docs/notes-" + i + ".md", "note " + i + "\n").commit(who, who.toLowerCase()
                        + "@shop.example", "Note " + i);
            }

            Assessment a = assess(dir);
            Finding f = unpinnedCheckout(a);
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine)
                    .contains(org.assertj.core.groups.Tuple.tuple(".github/workflows/deploy.yml", 8));
            assertThat(f.since()).isEqualTo(new Since("2023-04-02", introduced.name()));
            assertThat(f.since().label()).isEqualTo("since 2023-04-02 (" + introduced.name().substring(0, 7) + ")");
            // a finding about something missing has no line, and so no since
            assertThat(a.findings()).as(a.findings().stream().map(x -> x.check() + " " + x.evidence()).toList()
                    .toString()).filteredOn(x -> x.evidence().stream().allMatch(e -> e.startLine() == null))
                    .isNotEmpty().allSatisfy(x -> assertThat(x.since()).isNull());
            // assessment.json says it, and says it the same way on every run
            String json = AssessmentJson.toJson(a);
            assertThat(json).contains("\"date\" : \"2023-04-02\"").contains("\"commit\" : \"" + introduced.name()
                    + "\"");
            assertThat(AssessmentJson.toJson(assess(dir))).isEqualTo(json);
        }
    }

    @Test
    void aLineEditedInTheWorkingTreeSinceTheCommitHasNoSince(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2023-04-02T10:00:00Z").write(".github/workflows/deploy.yml", WORKFLOW)
                    .commit("Ann", "ann@shop.example", "Deploy on push");
            // an uncommitted line above moves the evidence to a line that the commit holds with other text
            Files.writeString(dir.resolve(".github/workflows/deploy.yml"), "# edited\n" + WORKFLOW);
            Finding f = unpinnedCheckout(assess(dir));
            assertThat(f.evidence()).extracting(Evidence::startLine).contains(9);
            assertThat(f.since()).isNull();
        }
    }
}
