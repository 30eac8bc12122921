package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.ManualGate;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.model.ParseProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.devopsassess.scan.pipeline.PipelineFixtures.job;
import static io.github.devopsassess.scan.pipeline.PipelineFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** GitLab CI as teams compose it: local includes, extends chains, anchors, !reference, other projects' files. */
class GitLabCompositionTest {

    private static final String ROOT = ".gitlab-ci.yml";

    @TempDir
    static Path dir;
    static Facts facts;

    @BeforeAll
    static void scan() {
        facts = PipelineFixtures.scan("gitlab-compose", dir);
    }

    @Test
    void localIncludesAreFollowedThroughNestedFilesAndACycleReadsEachFileOnce() {
        assertThat(workflow(facts, ROOT).jobs()).extracting(Job::id).containsExactlyInAnyOrder("build", "unit-tests",
                "deploy-production", "image-scan", "cycle-a-job", "cycle-b-job");
        assertThat(job(facts, ROOT, "cycle-a-job").at()).isEqualTo(new Location("ci/cycle-a.yml", 4));
        assertThat(job(facts, ROOT, "cycle-b-job").at()).isEqualTo(new Location("ci/cycle-b.yml", 4));
    }

    @Test
    void multiLevelAndListExtendsCarryKeysFromTheirFiles() {
        Job deploy = job(facts, ROOT, "deploy-production");
        assertThat(deploy.production()).isTrue();
        assertThat(deploy.environment().tier()).isEqualTo("production");
        assertThat(deploy.environment().at()).isEqualTo(new Location("ci/deploy.yml", 4));
        assertThat(deploy.gates()).extracting(ManualGate::kind, ManualGate::blocking, ManualGate::at)
                .containsExactly(tuple("rules: when: manual", true, new Location("ci/deploy.yml", 14)));
        assertThat(deploy.needs()).containsExactly("build", "unit-tests");
        Job unit = job(facts, ROOT, "unit-tests");
        assertThat(unit.stage()).isEqualTo("test");
        assertThat(unit.references()).extracting(Reference::ref, Reference::at).containsExactly(
                tuple("eclipse-temurin:21-jdk", new Location("ci/templates.yml", 10)));
    }

    @Test
    void referenceTagsSpliceStepsWithTheLinesOfTheFileTheyComeFrom() {
        Job build = job(facts, ROOT, "build");
        assertThat(build.steps()).extracting(Step::text, Step::at).containsExactly(
                tuple("echo \"Using $CI_REGISTRY_IMAGE\"", new Location("ci/templates.yml", 6)),
                tuple("./mvnw --version", new Location("ci/templates.yml", 7)),
                tuple("mvn -B package -DskipTests", new Location(ROOT, 37)));
        // the merge key brings the anchor's image
        assertThat(build.references()).extracting(Reference::ref).containsExactly("maven:3.9.6-eclipse-temurin-21");
        Job deploy = job(facts, ROOT, "deploy-production");
        assertThat(deploy.steps()).filteredOn(s -> s.has(StepRole.NOTIFY)).extracting(Step::at)
                .containsExactly(new Location("ci/deploy.yml", 19));
    }

    @Test
    void anIncludeOfAMissingLocalFileIsRecordedAtItsLine() {
        assertThat(facts.find(PipelineFacts.class).orElseThrow().missing()).extracting(Reference::kind,
                Reference::ref, Reference::at).containsExactly(
                        tuple("local-include", "ci/does-not-exist.yml", new Location(ROOT, 4)));
    }

    @Test
    void includesFromOutsideAreImportsWithTheirRefAndPinning() {
        assertThat(workflow(facts, ROOT).imports()).extracting(Reference::kind, Reference::ref, Reference::pinning,
                r -> r.at().line()).containsExactly(
                        tuple("gitlab-project", "acme/ci-templates@main", Pinning.MUTABLE, 5),
                        tuple("gitlab-project", "acme/ci-templates", Pinning.UNTAGGED, 10),
                        tuple("gitlab-project", "other-org/shared-ci@4f2b9c1e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c",
                                Pinning.IMMUTABLE, 12),
                        tuple("gitlab-project", "acme/release-tools@v2.3.1", Pinning.TAG, 15),
                        tuple("gitlab-template", "Security/SAST.gitlab-ci.yml", Pinning.TAG, 18),
                        tuple("gitlab-remote", "https://gitlab.example.com/platform/ci/-/raw/main/notify.yml",
                                Pinning.MUTABLE, 19),
                        tuple("gitlab-component", "$CI_SERVER_FQDN/acme/components/secret-detection@1.2.0",
                                Pinning.TAG, 20));
        assertThat(workflow(facts, ROOT).opaque()).isNull();
        // a job built on a template of such an include is read without it, and the problem says why
        assertThat(facts.problems()).filteredOn(p -> p.message().contains("'.docker-scan'")).singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(51);
                    assertThat(p.message()).contains("not in this repository");
                });
    }

    @Test
    void aMalformedIncludedFileIsOneProblemWithItsLineAndTheRestIsRead() {
        assertThat(facts.problems()).filteredOn(p -> p.path().equals("ci/broken.yml")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(7));
        assertThat(workflow(facts, ROOT).jobs()).hasSize(6);
    }

    @Test
    void stringFormIncludeAndAConfigurationMadeOnlyOfAnotherProjectsFiles(@TempDir Path own) throws IOException {
        Files.createDirectories(own.resolve("ci"));
        Files.writeString(own.resolve(".gitlab-ci.yml"), """
                include: '/ci/jobs.yml'
                """);
        Files.writeString(own.resolve("ci/jobs.yml"), """
                test:
                  script:
                    - make test
                """);
        Facts read = PipelineFixtures.scanFolder(own, List.of());
        assertThat(workflow(read, ROOT).jobs()).extracting(Job::id).containsExactly("test");
        assertThat(read.find(PipelineFacts.class).orElseThrow().unusable()).isEmpty();

        Path other = own.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve(".gitlab-ci.yml"), """
                include:
                  project: platform/pipelines
                  ref: master
                  file: /java-service.yml
                variables:
                  SERVICE_NAME: billing
                """);
        Facts opaque = PipelineFixtures.scanFolder(other, List.of());
        Workflow wf = workflow(opaque, ROOT);
        assertThat(wf.jobs()).isEmpty();
        assertThat(wf.opaque()).contains("platform/pipelines@master").contains(".gitlab-ci.yml:2");
        assertThat(wf.imports()).extracting(Reference::pinning).containsExactly(Pinning.MUTABLE);
        assertThat(opaque.find(PipelineFacts.class).orElseThrow().unusable()).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("unknown").contains("platform/pipelines@master"));
        assertThat(opaque.problems()).extracting(ParseProblem::line).containsExactly(2);
    }
}
