package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.ManualGate;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;
import static io.github.devopsassess.scan.pipeline.PipelineFixtures.job;
import static io.github.devopsassess.scan.pipeline.PipelineFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jenkinsfile, Azure Pipelines and CircleCI. */
class OtherCiParsersTest {

    @Test
    void declarativeJenkinsfileStagesInputsParallelAndCustomSteps(@TempDir Path dir) {
        Facts facts = PipelineFixtures.scan("jenkins", dir);
        Workflow wf = workflow(facts, "Jenkinsfile");
        assertThat(wf.jobs()).extracting(Job::id).containsExactly("Build and test", "Image creation", "Lint",
                "Integration tests", "Approve", "Deploy to production");
        assertThat(job(facts, "Jenkinsfile", "Lint").needs()).containsExactly("Image creation");
        assertThat(job(facts, "Jenkinsfile", "Approve").needs()).containsExactly("Lint", "Integration tests");
        Job build = job(facts, "Jenkinsfile", "Build and test");
        assertThat(build.steps()).extracting(Step::text).containsExactly("sh \"echo skipping\"");
        assertThat(job(facts, "Jenkinsfile", "Image creation").has(StepRole.SKIPS_TESTS)).isTrue();
        assertThat(build.references()).extracting(Reference::ref).containsExactly("maven:3-eclipse-temurin-17");
        assertThat(job(facts, "Jenkinsfile", "Lint").steps()).allMatch(Step::failureIgnored);
        assertThat(job(facts, "Jenkinsfile", "Integration tests").steps()).singleElement()
                .satisfies(s -> assertThat(s.failureIgnored()).isTrue());
        Job deploy = job(facts, "Jenkinsfile", "Deploy to production");
        assertThat(deploy.production()).isTrue();
        assertThat(deploy.gates()).extracting(ManualGate::kind, ManualGate::at).containsExactly(
                tuple("input", new Location("Jenkinsfile", 53)));
        assertThat(deploy.condition()).isEqualTo("branch 'main'");
        assertThat(job(facts, "Jenkinsfile", "Approve").gates()).hasSize(1);
        assertThat(facts.problems()).extracting(ParseProblem::line, ParseProblem::message).containsExactly(
                tuple(59, "opaque pipeline: custom step 'deployToKubernetes' (shared library or plugin) is not"
                        + " assessed"));
    }

    @Test
    void scriptedJenkinsfileWithSharedLibraryIsOpaque(@TempDir Path dir) {
        Facts facts = PipelineFixtures.scan("jenkins-scripted", dir);
        Workflow wf = workflow(facts, "Jenkinsfile");
        assertThat(wf.opaque()).contains("scripted pipeline");
        assertThat(wf.jobs()).isEmpty();
        assertThat(facts.problems()).extracting(ParseProblem::message)
                .allMatch(m -> m.startsWith("opaque pipeline:")).hasSize(2);
    }

    @Test
    void azureStagesDeploymentJobsManualValidationAndFailureHooks(@TempDir Path dir) {
        Facts facts = PipelineFixtures.scan("azure", dir);
        String path = "azure-pipelines.yml";
        Workflow wf = workflow(facts, path);
        assertThat(wf.triggers()).extracting(Trigger::event).containsExactly("manual");
        assertThat(wf.triggers().get(0).inputs()).singleElement()
                .satisfies(i -> assertThat(i.freeText()).isTrue());
        assertThat(job(facts, path, "Staging.DeployStaging").needs()).containsExactly("Build.Build");
        Job prod = job(facts, path, "Production.DeployProduction");
        assertThat(prod.production()).isTrue();
        assertThat(prod.environment().candidates()).containsExactly("production");
        assertThat(prod.needs()).containsExactly("Production.WaitForValidation");
        assertThat(prod.has(StepRole.ROLLBACK)).isTrue();
        assertThat(prod.steps()).filteredOn(Step::failureIgnored).singleElement()
                .satisfies(s -> assertThat(s.has(StepRole.DEPLOY)).isTrue());
        assertThat(job(facts, path, "Production.WaitForValidation").gates()).extracting(ManualGate::kind)
                .containsExactly("ManualValidation");
        assertThat(job(facts, path, "Build.Build").references()).extracting(Reference::ref)
                .containsExactly("mcr.microsoft.com/openjdk/jdk:21-ubuntu");
    }

    @Test
    void circleCiApprovalsRequiresFiltersOrbsAndExecutors(@TempDir Path dir) {
        Facts facts = PipelineFixtures.scan("circleci", dir);
        String path = ".circleci/config.yml";
        Workflow wf = workflow(facts, path);
        assertThat(wf.name()).isEqualTo("build-deploy");
        assertThat(wf.jobs()).extracting(Job::id).containsExactly("build", "hold-staging", "hold-production",
                "hold-cab", "deploy-prod");
        assertThat(job(facts, path, "hold-cab").gates()).singleElement()
                .satisfies(g -> assertThat(g.kind()).isEqualTo("type: approval"));
        Job deploy = job(facts, path, "deploy-prod");
        assertThat(deploy.production()).isTrue();
        assertThat(deploy.needs()).containsExactly("hold-cab");
        assertThat(deploy.condition()).isEqualTo("branches main");
        assertThat(deploy.has(StepRole.NOTIFY)).isTrue();
        assertThat(job(facts, path, "build").references()).extracting(Reference::ref, Reference::pinning)
                .contains(tuple("circleci/aws-cli@volatile", Pinning.MUTABLE),
                        tuple("cimg/openjdk:17.0", Pinning.TAG));
        assertThat(facts.find(CiRuntimes.class).orElseThrow().runtimes()).extracting(CiRuntime::tool)
                .contains("openjdk", "base");
    }

    @Test
    void productionPatternsAreConfigurable(@TempDir Path dir) {
        Facts facts = PipelineFixtures.scan("circleci", dir, java.util.List.of("customer-facing"));
        assertThat(job(facts, ".circleci/config.yml", "deploy-prod").production()).isFalse();
    }
}
