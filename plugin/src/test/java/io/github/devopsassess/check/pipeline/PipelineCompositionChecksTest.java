package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The pipeline checks over pipelines composed of local actions, reusable workflows, includes and shared libraries:
 * what a composed file does counts for its caller, a missing local file is a finding, what lives elsewhere is
 * unknown or an unpinned third party.
 */
class PipelineCompositionChecksTest {

    private static CheckResult run(Check check, Facts facts) throws Exception {
        Rubric rubric = new RubricLoader(PipelineCompositionChecksTest.class.getClassLoader()).loadDefault();
        return CheckRunner.evaluate(check, facts, new CheckSettings(rubric.checks().get(check.id())));
    }

    @Test
    void githubStepsOfLocalActionsAndReusableWorkflowInputsCountForTheCallingJob(@TempDir Path dir)
            throws Exception {
        Facts facts = PipelineFixtures.scan("github-composite", dir);
        String us = ".github/workflows/deploy-us.yml";
        String release = ".github/workflows/release.yml";

        // deploy-production notifies through a composite action inside a composite action; deploy-production-eu
        // passes a Slack channel to its reusable workflow; in the US release run, deploy-production-us sends no
        // message, but the local reusable workflow it calls deploys to a GitHub environment, which records the
        // deployment; only deploy-production-ap, whose reusable workflow has no environment, tells nobody
        CheckResult silent = run(new SilentProductionDeploysCheck(), facts);
        assertThat(silent.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(us);
            assertThat(f.message()).contains("1 job 'deploy-production-ap'");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    tuple(us, 19), tuple(us, 4));
        });
        assertThat(silent.summary()).contains("'deploy-production-us' records its deployment");

        // the tests run inside a composite action, or in a called reusable workflow: the deploys that wait for
        // them pass, the hotfix and the canary that do not wait are findings
        CheckResult untested = run(new UntestedProductionDeploysCheck(), facts);
        assertThat(untested.findings()).extracting(Finding::subject).containsExactlyInAnyOrder(release
                + "#hotfix-production", ".github/workflows/ship.yml#canary-production");

        // a choice input is not free text; the string input beside it is
        CheckResult input = run(new FreeTextDeployInputCheck(), facts);
        assertThat(input.findings()).extracting(Finding::subject).containsExactly(release + "#input:target_stage");

        CheckResult defined = run(new PipelineDefinedCheck(), facts);
        assertThat(defined.status()).isEqualTo(CheckStatus.WARN);
        assertThat(defined.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("2 local files").contains("GitHub fails");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    tuple(us, 21), tuple(release, 59));
        });
    }

    @Test
    void gitlabMissingIncludeFailsAndOtherProjectsIncludesAreJudgedForPinning(@TempDir Path dir) throws Exception {
        Facts facts = PipelineFixtures.scan("gitlab-compose", dir);

        CheckResult defined = run(new PipelineDefinedCheck(), facts);
        assertThat(defined.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(defined.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("ci/does-not-exist.yml").contains("GitLab rejects");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    tuple(".gitlab-ci.yml", 4));
        });

        CheckResult pins = run(new UnpinnedActionsCheck(), facts);
        Finding floating = pins.findings().stream().filter(f -> f.subject().equals("floating")).findFirst()
                .orElseThrow();
        assertThat(floating.evidence()).extracting(Evidence::note).containsExactly(
                "include of project (no ref) acme/ci-templates", "include of project acme/ci-templates@main",
                "remote include https://gitlab.example.com/platform/ci/-/raw/main/notify.yml");
        Finding tagged = pins.findings().stream().filter(f -> f.subject().equals("version-tags")).findFirst()
                .orElseThrow();
        assertThat(tagged.evidence()).extracting(Evidence::note).containsExactly(
                "component $CI_SERVER_FQDN/acme/components/secret-detection@1.2.0",
                "include of project acme/release-tools@v2.3.1");
        // GitLab's own template and the project pinned to a commit are not reported
        assertThat(pins.summary()).startsWith("5 of 6 third-party references");

        // the announcement comes from a !reference into another template
        assertThat(run(new SilentProductionDeploysCheck(), facts).findings()).isEmpty();
    }

    @Test
    void aJenkinsfileThatOnlyCallsItsLibraryIsNotAssessedButItsUnpinnedLibraryIsAFinding(@TempDir Path dir)
            throws Exception {
        Facts facts = PipelineFixtures.scan("jenkins-library-call", dir);

        for (Check check : new Check[] {new ProductionApprovalGatesCheck(), new SkippedTestsCheck(),
                new SilentProductionDeploysCheck(), new IgnoredFailuresCheck()}) {
            CheckResult result = run(check, facts);
            assertThat(result.status()).as(check.id()).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(result.summary()).as(check.id()).contains("buildPlugin()").contains("Jenkinsfile");
        }
        assertThat(run(new PipelineDefinedCheck(), facts).status()).isEqualTo(CheckStatus.PASS);

        CheckResult pins = run(new UnpinnedActionsCheck(), facts);
        assertThat(pins.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(pins.findings()).singleElement().satisfies(f -> assertThat(f.evidence())
                .extracting(Evidence::path, Evidence::startLine, Evidence::note).containsExactly(
                        tuple("Jenkinsfile", 7, "shared library (no version) pipeline-library")));
    }
}
