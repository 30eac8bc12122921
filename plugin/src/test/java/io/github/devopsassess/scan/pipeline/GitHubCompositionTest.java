package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.DispatchInput;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.devopsassess.scan.pipeline.PipelineFixtures.job;
import static io.github.devopsassess.scan.pipeline.PipelineFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Local composite actions and local reusable workflows are read as part of the jobs that use them. */
class GitHubCompositionTest {

    private static final String RELEASE = ".github/workflows/release.yml";
    private static final String CHECKS = ".github/workflows/checks.yml";
    private static final String EU = ".github/workflows/deploy-eu.yml";
    private static final String US = ".github/workflows/deploy-us.yml";

    @TempDir
    static Path dir;
    static Facts facts;

    @BeforeAll
    static void scan() {
        facts = PipelineFixtures.scan("github-composite", dir);
    }

    @Test
    void compositeActionStepsBecomeStepsOfTheCallingJobWithTheirOwnLines() {
        Job test = job(facts, RELEASE, "test");
        assertThat(test.has(StepRole.TEST)).isTrue();
        assertThat(test.steps()).filteredOn(s -> s.has(StepRole.TEST)).extracting(Step::text, Step::at)
                .containsExactly(tuple("./mvnw -B verify", new Location(".github/actions/java-ci/action.yml",
                        15)));
        // the action's own uses: are judged as the job's references
        assertThat(test.references()).extracting(Reference::ref, Reference::at).contains(tuple(
                "actions/setup-java@99b8673ff64fbf99d8d325f52d9a5bdedb8483e9",
                new Location(".github/actions/java-ci/action.yml", 11)));
    }

    @Test
    void nestedCompositeActionsDeployAndNotifyForTheCaller() {
        Job prod = job(facts, RELEASE, "deploy-production");
        assertThat(prod.steps()).extracting(Step::name).containsExactly("actions/checkout@"
                + "b4ffde65f46336ab88eb53be808477a3936bae11", "Roll out", "Helm upgrade", "./.github/actions/notify",
                "Post to Slack");
        assertThat(prod.steps()).filteredOn(s -> s.has(StepRole.DEPLOY)).extracting(Step::at)
                .contains(new Location(".github/actions/deploy/action.yaml", 10));
        assertThat(prod.steps()).filteredOn(s -> s.has(StepRole.NOTIFY)).extracting(Step::at)
                .containsExactly(new Location(".github/actions/deploy/action.yaml", 15),
                        new Location(".github/actions/notify/action.yml", 10));
        assertThat(prod.references()).extracting(Reference::ref, Reference::pinning).contains(
                tuple("slackapi/slack-github-action@v1.26.0", Pinning.TAG));
        // a JavaScript action kept in the repository stays one step
        assertThat(job(facts, RELEASE, "smoke").steps()).extracting(Step::uses).containsExactly(
                "./.github/actions/smoke-test", "./.github/actions/node-check");
    }

    @Test
    void missingLocalActionsAndWorkflowsAreRecordedWhereTheyAreNamed() {
        PipelineFacts pipelines = facts.find(PipelineFacts.class).orElseThrow();
        assertThat(pipelines.missing()).extracting(Reference::kind, Reference::ref, Reference::at).containsExactly(
                tuple("local-workflow", "./.github/workflows/reusable-deploy-ap.yml", new Location(US, 21)),
                tuple("local-action", "./.github/actions/smoke-test", new Location(RELEASE, 59)));
        // after a checkout of another repository a local action may come from it: not reported
        assertThat(pipelines.missing()).extracting(Reference::ref).doesNotContain("./.github/shared/lint");
    }

    @Test
    void aMalformedActionFileIsOneProblemWithItsLineAndTheRestIsRead() {
        String broken = ".github/actions/broken/action.yml";
        assertThat(facts.problems()).filteredOn(p -> p.path().equals(broken)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).isNotBlank();
        });
        assertThat(job(facts, CHECKS, "broken-action").steps()).extracting(Step::text).contains("echo \"still read\"");
        assertThat(job(facts, CHECKS, "after").has(StepRole.TEST)).isTrue();
    }

    @Test
    void anActionThatUsesItselfIsCutWithOneProblem() {
        String loop = ".github/actions/loop/action.yml";
        assertThat(job(facts, CHECKS, "loop").steps()).extracting(Step::text).containsExactly("", "echo \"once\"",
                "");
        assertThat(facts.problems()).filteredOn(p -> p.path().equals(loop)).extracting(ParseProblem::line,
                ParseProblem::message).singleElement().satisfies(t -> {
                    assertThat(t.toList().get(0)).isEqualTo(8);
                    assertThat((String) t.toList().get(1)).contains("used inside itself");
                });
    }

    @Test
    void aNotificationPassedToAReusableWorkflowCountsAsTheCallersNotification() {
        Job eu = job(facts, EU, "deploy-production-eu");
        assertThat(eu.steps()).filteredOn(s -> s.has(StepRole.NOTIFY)).extracting(Step::name, Step::at)
                .containsExactly(tuple("input slack_channel", new Location(EU, 17)),
                        tuple("input notify_on_success", new Location(EU, 18)),
                        tuple("input SLACK_WEBHOOK_URL", new Location(EU, 20)));
        // notify: false is a notification turned off, and a region is no notification
        assertThat(job(facts, US, "deploy-production-us").has(StepRole.NOTIFY)).isFalse();
        assertThat(eu.has(StepRole.DEPLOY)).isFalse();
    }

    @Test
    void aChoiceInputIsNotFreeTextAndAStringInputIs() {
        assertThat(workflow(facts, RELEASE).triggers().get(1).inputs()).extracting(DispatchInput::name,
                DispatchInput::type, DispatchInput::freeText).containsExactly(
                        tuple("environment", "choice", false), tuple("target_stage", "string", true));
        assertThat(workflow(facts, RELEASE).triggers().get(1).inputs().get(0).options())
                .containsExactly("staging", "production");
    }
}
