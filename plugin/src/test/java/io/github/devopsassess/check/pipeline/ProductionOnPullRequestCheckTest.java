package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Terraform plan-and-apply workflow on pull requests, in the shape infrastructure repositories use. */
class ProductionOnPullRequestCheckTest {

    private static final String WORKFLOW = """
            name: "Bootstrap network"

            on:
              pull_request:
                branches:
                  - main
                paths:
                  - 'terraform/bootstrap/**'
              workflow_dispatch:

            permissions:
              id-token: write
              contents: read

            jobs:
              network-plan:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: terraform -chdir=terraform/bootstrap/network plan

              network-apply:
                runs-on: ubuntu-latest
                needs: network-plan%s
                environment: production
                steps:
                  - uses: actions/checkout@v4
                  - run: terraform -chdir=terraform/bootstrap/network apply -auto-approve

              dns-apply:
                runs-on: ubuntu-latest
                needs: [network-apply]
                environment: production
                steps:
                  - uses: actions/checkout@v4
                  - run: terraform -chdir=terraform/bootstrap/dns apply -auto-approve
            """;

    private static CheckResult run(Path dir, String condition) throws Exception {
        Path file = dir.resolve(".github/workflows/bootstrap-network.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, WORKFLOW.formatted(condition));
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        CheckSettings settings = new CheckSettings(new RubricLoader(ProductionOnPullRequestCheckTest.class
                .getClassLoader()).loadDefault().checks().get(ProductionOnPullRequestCheck.ID));
        return CheckRunner.evaluate(new ProductionOnPullRequestCheck(), facts, settings);
    }

    @Test
    void applyJobsBoundToProductionThatPullRequestsStartAreOneFindingListingThem(@TempDir Path dir) throws Exception {
        CheckResult r = run(dir, "");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(".github/workflows/bootstrap-network.yml");
            assertThat(f.severity().id()).isEqualTo("high");
            assertThat(f.message()).contains("runs 2 production jobs (network-apply, dns-apply) on pull_request");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(4, 25, 33);
            assertThat(f.evidence()).extracting(Evidence::note).containsExactly("on: pull_request",
                    "network-apply: environment production", "dns-apply: environment production");
        });
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aConditionThatKeepsTheFirstApplyToPushesAlsoKeepsTheJobsThatNeedIt(@TempDir Path dir,
            @TempDir Path ref) throws Exception {
        CheckResult pushOnly = run(dir, "\n    if: github.event_name == 'workflow_dispatch'");
        assertThat(pushOnly.findings()).isEmpty();
        assertThat(pushOnly.status()).isEqualTo(CheckStatus.PASS);
        assertThat(run(ref, "\n    if: github.ref == 'refs/heads/main'").findings()).isEmpty();
    }

    @Test
    void aWorkflowThatPullRequestsDoNotStartIsNotJudged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".github/workflows/deploy.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                name: Deploy
                on:
                  push:
                    branches: [main]
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    environment: production
                    steps:
                      - run: ./deploy.sh
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        CheckResult r = CheckRunner.evaluate(new ProductionOnPullRequestCheck(), facts, new CheckSettings(
                new RubricLoader(getClass().getClassLoader()).loadDefault().checks()
                        .get(ProductionOnPullRequestCheck.ID)));
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).contains("no workflow started by pull_request has a production job");
    }
}
