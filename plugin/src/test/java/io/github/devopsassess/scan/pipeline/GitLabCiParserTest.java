package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import static io.github.devopsassess.scan.pipeline.PipelineFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitLabCiParserTest {

    private static final String ROOT = ".gitlab-ci.yml";

    @TempDir
    static Path dir;
    static Facts facts;

    @BeforeAll
    static void scan() {
        facts = PipelineFixtures.scan("gitlab", dir);
    }

    @Test
    void followsLocalIncludesAndLeavesHiddenJobsOut() {
        assertThat(PipelineFixtures.workflow(facts, ROOT).jobs()).extracting(Job::id).containsExactlyInAnyOrder(
                "unit-tests", "lint", "build:backend", "build:web", "deploy:web", "deploy:backend",
                "deploy:staging", "deploy:review", "stop:review");
    }

    @Test
    void missingIncludeIsAMissingFileAndForeignIncludeAProblemWithTheIncludeLine() {
        assertThat(facts.find(PipelineFacts.class).orElseThrow().missing()).extracting(Reference::kind,
                Reference::ref, Reference::at).containsExactly(tuple("local-include", "/ci/missing.yml",
                        new Location(ROOT, 9)));
        assertThat(facts.problems()).extracting(ParseProblem::path, ParseProblem::line).contains(tuple(ROOT, 10));
        assertThat(facts.problems()).filteredOn(p -> p.line() != null && p.line() == 10).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not in this repository"));
    }

    @Test
    void extendsCarriesEnvironmentTierAndImageFromTheTemplateFile() {
        Job web = job(facts, ROOT, "deploy:web");
        assertThat(web.environment().name()).isEqualTo("live");
        assertThat(web.environment().tier()).isEqualTo("production");
        assertThat(web.environment().at()).isEqualTo(new Location("ci/cloud/deploy.yml", 6));
        assertThat(web.production()).isTrue();
        assertThat(web.at()).isEqualTo(new Location("ci/cloud/deploy.yml", 11));
        assertThat(web.needs()).containsExactly("build:web");
        assertThat(web.gates()).isEmpty();
        Job build = job(facts, ROOT, "build:backend");
        assertThat(build.references()).extracting(Reference::ref, Reference::pinning).containsExactly(
                tuple("docker:stable", Pinning.MUTABLE), tuple("docker:dind", Pinning.MUTABLE));
        assertThat(build.condition()).isEqualTo("only: stable");
    }

    @Test
    void whenManualOnTheJobDoesNotBlockButInRulesItDoes() {
        assertThat(job(facts, ROOT, "deploy:backend").gates()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo("when: manual");
            assertThat(g.blocking()).isFalse();
        });
        assertThat(job(facts, ROOT, "deploy:staging").gates()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo("rules: when: manual");
            assertThat(g.blocking()).isTrue();
        });
    }

    @Test
    void mergeKeysReferenceTagsSkippedTestsAndAllowFailure() {
        Job unit = job(facts, ROOT, "unit-tests");
        assertThat(unit.steps()).extracting(Step::text).containsExactly("echo \"setting up\"", "mvn -B verify",
                "mvn -B verify -Dmaven.test.skip=true");
        assertThat(unit.steps().get(1).at()).isEqualTo(new Location(ROOT, 20));
        assertThat(unit.has(StepRole.SKIPS_TESTS)).isTrue();
        assertThat(unit.failureIgnored()).isEqualTo(new Location(ROOT, 29));
        assertThat(unit.references()).extracting(Reference::ref).containsExactly("maven:3.9.6-eclipse-temurin-21");
        // without needs a job waits for the jobs of the nearest earlier stage
        assertThat(job(facts, ROOT, "lint").needs()).containsExactlyInAnyOrder("build:backend", "build:web");
    }

    @Test
    void stopEnvironmentIsTheRollbackPathAndUnknownKeysAreReported() {
        Job review = job(facts, ROOT, "deploy:review");
        assertThat(review.environment().onStop()).isEqualTo("stop:review");
        assertThat(review.environment().unresolved()).isFalse();
        assertThat(job(facts, ROOT, "stop:review").environment().action()).isEqualTo("stop");
        assertThat(facts.problems()).extracting(ParseProblem::line, ParseProblem::message)
                .contains(tuple(35, "unknown key 'retry_count' in job 'lint' (ignored)"));
    }
}
