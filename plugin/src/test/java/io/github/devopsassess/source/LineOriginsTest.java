package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blame at the assessed commit: the commit that introduced each line, however often the file changed since. */
class LineOriginsTest {

    private static final String WORKFLOW_V1 = """
            name: deploy
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: ./deploy.sh
            """;

    @Test
    void aLineKeepsTheCommitThatIntroducedItWhileLaterCommitsChangeOtherLines(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            RevCommit first = repo.at("2023-04-02T10:00:00Z").write(".github/workflows/deploy.yml", WORKFLOW_V1)
                    .commit("Ann", "ann@shop.example", "Deploy on push");
            RevCommit second = repo.at("2024-06-10T10:00:00Z").write(".github/workflows/deploy.yml",
                    WORKFLOW_V1.replace("./deploy.sh", "./deploy.sh --prod")).commit("Ben", "ben@shop.example",
                            "Deploy to production");
            repo.at("2025-01-20T10:00:00Z").append(".github/workflows/deploy.yml", "      - run: ./notify.sh")
                    .commit("Ann", "ann@shop.example", "Notify");
            try (GitRepository git = GitRepository.open(dir)) {
                LineOrigins origins = git.lineOrigins(git.resolve("HEAD").orElseThrow());
                assertThat(origins.shallow()).isFalse();
                LineOrigins.Origin checkout = origins.of(".github/workflows/deploy.yml", 7).orElseThrow();
                assertThat(checkout.commit()).isEqualTo(first.name());
                assertThat(checkout.commitTime()).isEqualTo(first.getCommitTime());
                assertThat(checkout.text()).isEqualTo("      - uses: actions/checkout@v4");
                assertThat(origins.of(".github/workflows/deploy.yml", 8).orElseThrow().commit())
                        .isEqualTo(second.name());
                assertThat(origins.of(".github/workflows/deploy.yml", 9).orElseThrow().text())
                        .isEqualTo("      - run: ./notify.sh");
                assertThat(origins.of(".github/workflows/deploy.yml", 10)).as("past the end").isEmpty();
                assertThat(origins.of("missing.yml", 1)).isEmpty();
            }
        }
    }

    @Test
    void aRenamedFileKeepsTheOriginsOfItsLines(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            RevCommit first = repo.at("2022-11-03T10:00:00Z").write("ci/deploy.yml", WORKFLOW_V1)
                    .commit("Ann", "ann@shop.example", "Deploy");
            repo.at("2024-02-01T10:00:00Z").rename("ci/deploy.yml", ".github/workflows/deploy.yml")
                    .commit("Ben", "ben@shop.example", "Move to Actions");
            try (GitRepository git = GitRepository.open(dir)) {
                LineOrigins origins = git.lineOrigins(git.resolve("HEAD").orElseThrow());
                assertThat(origins.of(".github/workflows/deploy.yml", 7).orElseThrow().commit())
                        .isEqualTo(first.name());
            }
        }
    }

    @Test
    void aShallowCloneAndAnOversizedFileGiveNoOrigin(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("big.txt", "x\n".repeat((int) (LineOrigins.MAX_BYTES / 2 + 1)))
                    .write("small.txt", "y\n").commit("Ann", "ann@shop.example", "files");
            RevCommit second = repo.append("small.txt", "z").commit("Ann", "ann@shop.example", "more");
            try (GitRepository git = GitRepository.open(dir)) {
                LineOrigins origins = git.lineOrigins(git.resolve("HEAD").orElseThrow());
                assertThat(origins.of("big.txt", 1)).as("above the size limit").isEmpty();
                assertThat(origins.of("small.txt", 2)).isPresent();
            }
            // a shallow clone: its boundary commit would claim every line it did not change
            Files.writeString(dir.resolve(".git/shallow"), second.name() + "\n");
            try (GitRepository git = GitRepository.open(dir)) {
                LineOrigins origins = git.lineOrigins(git.resolve("HEAD").orElseThrow());
                assertThat(origins.shallow()).isTrue();
                assertThat(origins.of("small.txt", 1)).isEmpty();
            }
        }
    }
}
