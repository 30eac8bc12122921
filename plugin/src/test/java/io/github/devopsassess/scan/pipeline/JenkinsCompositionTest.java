package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.devopsassess.scan.pipeline.PipelineFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Jenkins shared libraries: their versions are imports, and a Jenkinsfile that only calls one is opaque. */
class JenkinsCompositionTest {

    private static final String FILE = "Jenkinsfile";

    @Test
    void aJenkinsfileMadeOnlyOfALibraryCallIsOpaqueNotEmpty(@TempDir Path dir) {
        Facts facts = PipelineFixtures.scan("jenkins-library-call", dir);
        Workflow wf = workflow(facts, FILE);
        assertThat(wf.jobs()).isEmpty();
        assertThat(wf.opaque()).contains("buildPlugin()").contains("line 9").contains("outside this repository");
        assertThat(wf.imports()).extracting(Reference::kind, Reference::ref, Reference::pinning,
                r -> r.at().line()).containsExactly(tuple("jenkins-library", "pipeline-library", Pinning.UNTAGGED, 7));
        assertThat(facts.find(PipelineFacts.class).orElseThrow().unusable()).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("unknown").contains("buildPlugin()"));
    }

    @Test
    void aLibraryBlockCallIsOpaqueAndEachLibraryKeepsItsVersion(@TempDir Path dir) {
        Facts facts = PipelineFixtures.scan("jenkins-standard-pipeline", dir);
        Workflow wf = workflow(facts, FILE);
        assertThat(wf.opaque()).contains("standardPipeline { }").contains("line 7");
        assertThat(wf.imports()).extracting(Reference::ref, Reference::pinning, r -> r.at().line())
                .containsExactly(tuple("acme-shared@release/2.x", Pinning.BRANCH, 1),
                        tuple("acme-utils@v1.4.0", Pinning.TAG, 1), tuple("ops-lib@master", Pinning.MUTABLE, 4));
    }

    @Test
    void aDeclarativePipelineWithLibrariesIsReadAndItsLibrariesAreImports(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), """
                @Library('infra@1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b') _
                library 'acme-lib@main'

                pipeline {
                    agent any
                    stages {
                        stage('Test') {
                            steps {
                                sh './gradlew check'
                            }
                        }
                    }
                }
                """);
        Facts facts = PipelineFixtures.scanFolder(dir, List.of());
        Workflow wf = workflow(facts, FILE);
        assertThat(wf.opaque()).isNull();
        assertThat(wf.jobs()).extracting(Job::id).containsExactly("Test");
        assertThat(wf.imports()).extracting(Reference::pinning).containsExactly(Pinning.IMMUTABLE, Pinning.MUTABLE);
        assertThat(facts.find(PipelineFacts.class).orElseThrow().unusable()).isEmpty();
    }

    @Test
    void aScriptedPipelineStaysOpaqueAndItsBranchLibraryIsAnImport(@TempDir Path dir) {
        Facts facts = PipelineFixtures.scan("jenkins-scripted", dir);
        assertThat(workflow(facts, FILE).imports()).extracting(Reference::ref, Reference::pinning)
                .containsExactly(tuple("acme-pipeline-library@master", Pinning.MUTABLE));
        assertThat(facts.find(PipelineFacts.class).orElseThrow().unusable()).hasValueSatisfying(reason ->
                assertThat(reason).contains("scripted pipeline"));
    }

    @Test
    void aScriptedPipelineInsideAWrapperIsScriptedNotALibraryCall(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), """
                timestamps {
                    node('linux') {
                        stage('Build') {
                            sh 'make'
                        }
                    }
                }
                """);
        Workflow wf = workflow(PipelineFixtures.scanFolder(dir, List.of()), FILE);
        assertThat(wf.opaque()).contains("scripted pipeline").doesNotContain("shared-library call");
        assertThat(wf.imports()).isEmpty();
    }
}
