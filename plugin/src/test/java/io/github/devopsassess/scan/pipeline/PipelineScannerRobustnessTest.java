package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.source.WorkingTree;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineScannerRobustnessTest {

    private static Facts scan(Path dir, long maxFileSize) {
        Facts.Builder facts = Facts.builder();
        new PipelineScanner().scan(new ScanContext(new WorkingTree(dir, "", maxFileSize), null, "none",
                ScanOptions.defaults(), s -> { }), facts);
        return facts.build();
    }

    @Test
    void hugeFilesAreSkippedWithAProblemAndTheRestIsRead(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/huge.yml"), "name: x\n" + "# padding\n".repeat(500));
        Files.writeString(dir.resolve(".github/workflows/small.yml"), "on: push\njobs:\n  a:\n    runs-on: x\n");
        Facts facts = scan(dir, 1000);
        assertThat(facts.problems()).extracting(ParseProblem::path).containsExactly(".github/workflows/huge.yml");
        assertThat(facts.problems().get(0).message()).startsWith("file skipped");
        assertThat(facts.find(PipelineFacts.class).orElseThrow().workflows()).extracting(Workflow::path)
                .containsExactly(".github/workflows/small.yml");
    }

    @Test
    void brokenGitLabJenkinsAndAzureFilesNeverStopTheScan(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".gitlab-ci.yml"), "build: [not, a, job]\ntest:\n  script: [mvn test]\n"
                + "  extends: .missing\n");
        Files.writeString(dir.resolve("Jenkinsfile"), "pipeline {\n  stages {\n    stage('a') {\n      steps {\n"
                + "        sh 'unterminated\n");
        Files.writeString(dir.resolve("azure-pipelines.yml"), "stages:\n  - stage: A\n    jobs:\n      - 42\n");
        Facts facts = scan(dir, 1_000_000);
        assertThat(facts.problems()).extracting(ParseProblem::path, ParseProblem::line).contains(
                org.assertj.core.groups.Tuple.tuple(".gitlab-ci.yml", 4),
                org.assertj.core.groups.Tuple.tuple("azure-pipelines.yml", 4));
        PipelineFacts pf = facts.find(PipelineFacts.class).orElseThrow();
        assertThat(pf.workflows()).extracting(Workflow::system).containsExactly("gitlab-ci", "jenkins",
                "azure-pipelines"); // sorted by path
        assertThat(pf.workflow("Jenkinsfile").orElseThrow().jobs()).extracting(Job::id).containsExactly("a");
    }
}
