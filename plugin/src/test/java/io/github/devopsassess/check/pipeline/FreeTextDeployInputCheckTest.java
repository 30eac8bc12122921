package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.testing.DefaultSettings;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A free-text environment input matters where the manual run deploys, not in a maintenance run. */
class FreeTextDeployInputCheckTest {

    private static CheckResult run(Facts facts) {
        return CheckRunner.evaluate(new FreeTextDeployInputCheck(), facts, DefaultSettings.of(FreeTextDeployInputCheck.ID));
    }

    private static void write(Path dir, String name, String text) {
        PipelineFixtures.writeWorkflow(dir, name, text);
    }

    @Test
    void aMaintenanceRunThatDeploysNothingIsNotJudgedButADeployIs(@TempDir Path dir) throws Exception {
        write(dir, "unlock.yml", """
                name: Terraform Unlock State
                on:
                  workflow_dispatch:
                    inputs:
                      environment:
                        description: 'Environment name (e.g., development)'
                        required: false
                      lock_id:
                        required: true
                jobs:
                  unlock:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: terraform force-unlock -force "${{ inputs.lock_id }}"
                """);
        CheckResult maintenance = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(maintenance.status()).isEqualTo(CheckStatus.PASS);
        assertThat(maintenance.summary()).isEqualTo("no manual deploy asks for a target environment; 1 target input"
                + " of manual runs that deploy nothing not judged");

        write(dir, "deploy.yml", """
                name: Deploy
                on:
                  workflow_dispatch:
                    inputs:
                      environment:
                        description: 'Where to deploy'
                        required: true
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    environment: ${{ inputs.environment }}
                    steps:
                      - run: ./deploy.sh "${{ inputs.environment }}"
                """);
        CheckResult deploy = run(PipelineFixtures.scanFolder(dir, List.of()));
        assertThat(deploy.findings()).extracting(Finding::subject)
                .containsExactly(".github/workflows/deploy.yml#input:environment");
    }
}
