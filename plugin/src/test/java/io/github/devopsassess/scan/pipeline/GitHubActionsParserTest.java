package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.DispatchInput;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Workflow;
import static io.github.devopsassess.scan.pipeline.PipelineFixtures.job;
import static io.github.devopsassess.scan.pipeline.PipelineFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubActionsParserTest {

    private static final String BUILD = ".github/workflows/build-and-deploy.yml";
    private static final String VPC = ".github/workflows/vpc-production.yml";

    @TempDir
    static Path dir;
    static Facts facts;

    @BeforeAll
    static void scan() {
        facts = PipelineFixtures.scan("github", dir);
    }

    @Test
    void readsJobsNeedsEnvironmentsAndExpandsMatrixEnvironments() {
        Workflow wf = workflow(facts, BUILD);
        assertThat(wf.jobs()).extracting(Job::id).containsExactly("build", "test", "deploy-before-production",
                "deploy-production", "deploy_domains");
        Job before = job(facts, BUILD, "deploy-before-production");
        assertThat(before.environment().candidates()).containsExactly("qa", "staging");
        assertThat(before.production()).isFalse();
        assertThat(before.needs()).containsExactly("test");
        Job prod = job(facts, BUILD, "deploy-production");
        assertThat(prod.production()).isTrue();
        assertThat(prod.environment().at()).isEqualTo(new Location(BUILD, 72));
        assertThat(prod.has(StepRole.NOTIFY)).isTrue();
        assertThat(wf.permissions().writes()).isTrue();
    }

    @Test
    void environmentInsideWithIsAReusableWorkflowInputNotAJobEnvironment() {
        Job apply = job(facts, VPC, "core-vpc-production-deployment-plan-apply");
        assertThat(apply.environment()).isNull();
        assertThat(apply.calls()).isEqualTo(".github/workflows/reusable-plan-apply.yml");
        // its name says production and deployment, so it is a production deploy without protection
        assertThat(apply.production()).isTrue();
        Job association = job(facts, VPC, "member-account-association");
        assertThat(association.secretsInherit()).isEqualTo(new Location(VPC, 28));
        assertThat(association.references()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("reusable-workflow");
            assertThat(r.pinning()).isEqualTo(Pinning.MUTABLE);
        });
        assertThat(workflow(facts, ".github/workflows/reusable-plan-apply.yml").reusableOnly()).isTrue();
    }

    @Test
    void judgesPinningOfActionsAndImages() {
        assertThat(job(facts, BUILD, "build").references()).extracting(Reference::ref, Reference::pinning)
                .contains(org.assertj.core.groups.Tuple.tuple("actions/checkout@v4", Pinning.TAG),
                        org.assertj.core.groups.Tuple.tuple(
                                "acme-digital/github-actions/build-docker-image@build-docker-image-override-tags",
                                Pinning.BRANCH));
        assertThat(job(facts, BUILD, "test").references()).extracting(Reference::ref, Reference::pinning)
                .contains(org.assertj.core.groups.Tuple.tuple("redis:alpine", Pinning.MUTABLE),
                        org.assertj.core.groups.Tuple.tuple("postgres:14", Pinning.TAG));
        assertThat(job(facts, ".github/workflows/reusable-plan-apply.yml", "plan-and-apply").references())
                .extracting(Reference::pinning).containsOnly(Pinning.IMMUTABLE);
        Job preview = job(facts, ".github/workflows/pr-target.yml", "preview");
        assertThat(preview.references()).extracting(Reference::ref, Reference::pinning)
                .contains(org.assertj.core.groups.Tuple.tuple("node", Pinning.UNTAGGED),
                        org.assertj.core.groups.Tuple.tuple("alpine:latest", Pinning.MUTABLE));
    }

    @Test
    void marksDangerousCheckoutSkippedTestsAndIgnoredFailures() {
        Job preview = job(facts, ".github/workflows/pr-target.yml", "preview");
        assertThat(preview.has(StepRole.CHECKOUT_PR_HEAD)).isTrue();
        assertThat(preview.has(StepRole.SKIPS_TESTS)).isTrue();
        Workflow wf = workflow(facts, ".github/workflows/pr-target.yml");
        assertThat(wf.triggers()).filteredOn(t -> t.event().equals("workflow_dispatch")).singleElement()
                .satisfies(t -> assertThat(t.inputs()).extracting(DispatchInput::name, DispatchInput::freeText)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("environment", true),
                                org.assertj.core.groups.Tuple.tuple("region", false)));
        assertThat(job(facts, BUILD, "test").steps()).filteredOn(Step::failureIgnored).singleElement()
                .satisfies(s -> assertThat(s.has(StepRole.TEST)).isTrue());
    }

    @Test
    void publishesCiRuntimesIncludingMatrixVersionsAndVersionFiles() {
        CiRuntimes runtimes = facts.find(CiRuntimes.class).orElseThrow();
        assertThat(runtimes.runtimes()).extracting(CiRuntime::tool, CiRuntime::version)
                .contains(org.assertj.core.groups.Tuple.tuple("node", "file:.nvmrc"),
                        org.assertj.core.groups.Tuple.tuple("ruby", "3.2"),
                        org.assertj.core.groups.Tuple.tuple("ruby", "3.3"),
                        org.assertj.core.groups.Tuple.tuple("postgres", "14"),
                        org.assertj.core.groups.Tuple.tuple("node", "latest"));
    }

    @Test
    void malformedNonMappingAndUnknownKeysBecomeProblemsAndTheScanContinues() {
        assertThat(facts.problems()).extracting(ParseProblem::path).contains(".github/workflows/broken.yml",
                ".github/workflows/list.yml");
        assertThat(facts.problems()).filteredOn(p -> p.path().endsWith("broken.yml")).singleElement()
                .satisfies(p -> assertThat(p.line()).isNotNull());
        assertThat(facts.problems()).filteredOn(p -> p.path().endsWith("list.yml")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a YAML mapping"));
        assertThat(facts.problems()).filteredOn(p -> p.path().endsWith("unknown-keys.yml"))
                .extracting(ParseProblem::line, ParseProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, "unknown key 'timeout' in job 'build' (ignored)"),
                        org.assertj.core.groups.Tuple.tuple(9,
                                "unknown key 'retries' in step of job 'build' (ignored)"));
        PipelineFacts pf = facts.find(PipelineFacts.class).orElseThrow();
        assertThat(pf.definitions()).filteredOn(d -> d.path().endsWith("broken.yml")).singleElement()
                .satisfies(d -> assertThat(d.readable()).isFalse());
        assertThat(pf.workflows()).extracting(Workflow::path).contains(BUILD, VPC);
    }
}
