package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Hand-made workflows: a deploy job that waits for tests, one that does not, and systems that order by stage. */
class UntestedProductionDeploysCheckTest {

    private static final String PATH = ".github/workflows/release.yml";

    private static Job job(String id, int line, List<String> needs, boolean production, StepRole... roles) {
        List<Step> steps = roles.length == 0 ? List.of() : List.of(new Step(id + "-step", new Location(PATH, line + 2),
                null, "run", false, Set.of(roles)));
        return new Job(id, id, new Location(PATH, line), null, needs, null, null, List.of(), steps, List.of(), null,
                null, null, null, production);
    }

    private static CheckResult run(String system, Job... jobs) throws Exception {
        Workflow w = new Workflow(system, PATH, "release", List.of(), null, List.of(jobs), null);
        Facts facts = Facts.builder().put(PipelineFacts.class, new PipelineFacts(List.of(), List.of(PATH),
                List.of(w), List.of(), List.of(), List.of())).build();
        CheckSettings settings = new CheckSettings(new RubricLoader(getClassLoader()).loadDefault().checks()
                .get(UntestedProductionDeploysCheck.ID));
        return CheckRunner.evaluate(new UntestedProductionDeploysCheck(), facts, settings);
    }

    private static ClassLoader getClassLoader() {
        return UntestedProductionDeploysCheckTest.class.getClassLoader();
    }

    @Test
    void aProductionDeployThatDoesNotNeedTheTestJobIsFoundAtItsLine() throws Exception {
        CheckResult r = run("github-actions", job("test", 3, List.of(), false, StepRole.TEST),
                job("build", 10, List.of("test"), false), job("deploy-prod", 20, List.of("lint"), true, StepRole.DEPLOY),
                job("deploy-eu", 30, List.of("build"), true, StepRole.DEPLOY));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(PATH + "#deploy-prod");
            assertThat(f.message()).contains("'deploy-prod'", "the tests of test");
            assertThat(f.evidence()).containsExactly(Evidence.line(PATH, 20).withNote("needs: lint"));
        });
        assertThat(r.score()).isEqualTo(0.5); // one of two production deploys, through build, waits for the tests
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void deploysThatWaitOrTestThemselvesPass() throws Exception {
        CheckResult r = run("github-actions", job("test", 3, List.of(), false, StepRole.TEST),
                job("deploy", 20, List.of("test"), true, StepRole.DEPLOY),
                job("all-in-one", 30, List.of(), true, StepRole.TEST, StepRole.DEPLOY));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).isEqualTo("0 of 2 production deploy jobs do not wait for tests");
    }

    @Test
    void inGitLabAndJenkinsADeployWithNoTestingJobBeforeItIsAFindingAndAGitHubWorkflowWithoutTestsSaysNothing()
            throws Exception {
        CheckResult gitlab = run("gitlab-ci", job("test", 3, List.of(), false, StepRole.TEST),
                job("deploy", 20, List.of(), true, StepRole.DEPLOY), job("deploy-eu", 30, List.of("test"), true,
                        StepRole.DEPLOY));
        assertThat(gitlab.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(PATH);
            assertThat(f.message()).startsWith("The pipeline " + PATH + " deploys to production in 1 job (deploy)"
                    + " with no job before it that runs tests");
            assertThat(f.evidence()).containsExactly(Evidence.line(PATH, 20).withNote("deploy needs: nothing"));
        });
        assertThat(gitlab.summary()).isEqualTo("1 of 2 production deploy jobs does not wait for tests");
        // one finding for the pipeline, but each untested deploy job counts in the score
        CheckResult both = run("jenkins", job("Build", 3, List.of(), false),
                job("Deploy production", 20, List.of("Build"), true, StepRole.DEPLOY),
                job("Deploy production EU", 30, List.of("Deploy production"), true, StepRole.DEPLOY));
        assertThat(both.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).hasSize(2));
        assertThat(both.summary()).isEqualTo("2 of 2 production deploy jobs do not wait for tests");
        assertThat(both.score()).isEqualTo(0.0);
        CheckResult noTests = run("github-actions", job("deploy", 20, List.of(), true, StepRole.DEPLOY));
        assertThat(noTests.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(noTests.summary()).contains("no GitHub Actions workflow both runs tests and deploys");
    }
}
