package io.github.devopsassess.check.history;

import io.github.devopsassess.check.history.ChangeFailureRateCheck;
import io.github.devopsassess.check.history.DeploymentFrequencyCheck;
import io.github.devopsassess.check.history.LeadTimeForChangesCheck;
import static io.github.devopsassess.testing.Results.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.history.HistoryOptions;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DORA delivery checks on teams that deploy from the main branch without tags: deploy-marker commits
 * ({@code devops.deployMarkers}) are deployments next to release tags.
 */
class DeployMarkersTest {

    private static final String MARKERS = "\\[deploy\\]|^deploy: production";

    /** A job that deploys to production: what shows the project runs a service, so that DORA metrics apply. */
    private static final String DEPLOY_WORKFLOW = ".github/workflows/deploy.yml";
    private static final String DEPLOY_JOB = "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n"
            + "    environment: production\n    steps:\n      - run: ./deploy.sh\n";

    private static Assessment assess(Path dir, String markers) throws Exception {
        ScanOptions o = ScanOptions.defaults();
        return new Assessor().assess(new AssessmentRequest(dir, null, null, "test", null, null,
                o.withHistory(o.history().withDeployMarkers(markers)), s -> { }, s -> { })).assessment();
    }

    /**
     * A tagless history. Commits are one hour apart unless dated; the marker commits write a deploy record.
     * <pre>
     * c1 2024-03-01T09:00 add service
     * c2 2024-03-01T15:00 fix parsing
     * c3 2024-03-02T09:00 deploy: production        marker
     * c4 2024-03-04T09:00 add endpoint
     * c5 2024-03-05T09:00 Ship endpoint [DEPLOY]     marker (case-insensitive)
     * c6 2024-03-06T09:00 wip refactor              not deployed yet
     * </pre>
     */
    private static RevCommit[] taglessHistory(TestRepo repo) {
        RevCommit[] c = new RevCommit[6];
        c[0] = repo.at("2024-03-01T09:00:00Z").append("src/App.java", "a").write(DEPLOY_WORKFLOW, DEPLOY_JOB)
                .commit("Ann", "ann@x.org", "add service");
        c[1] = repo.at("2024-03-01T15:00:00Z").append("src/App.java", "b").commit("Ben", "ben@x.org", "fix parsing");
        c[2] = repo.at("2024-03-02T09:00:00Z").append("deploy/production.log", "c1..c2")
                .commit("Ann", "ann@x.org", "deploy: production");
        c[3] = repo.at("2024-03-04T09:00:00Z").append("src/Api.java", "c").commit("Ben", "ben@x.org", "add endpoint");
        c[4] = repo.at("2024-03-05T09:00:00Z").append("deploy/production.log", "c4")
                .commit("Ann", "ann@x.org", "Ship endpoint [DEPLOY]");
        c[5] = repo.at("2024-03-06T09:00:00Z").append("src/Api.java", "d").commit("Ben", "ben@x.org", "wip refactor");
        return c;
    }

    @Test
    void markerCommitsOfATaglessHistoryGiveDeploymentFrequencyAndLeadTime(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            taglessHistory(repo);
        }
        Assessment a = assess(dir, MARKERS);

        // Frequency: 2 deployments (c3, c5); the window (365 days) starts before the first commit, so the span is
        // first commit → head = 03-01T09:00 → 03-06T09:00 = 5 days: 2 / 5 = 0.4 a day = 2.8 a week, DORA high
        // (at least weekly, less than daily).
        CheckResult frequency = result(a, DeploymentFrequencyCheck.ID);
        assertThat(frequency.metrics()).containsEntry("deploymentsPerWeek", 2.8)
                .containsEntry("deploymentsPerWeekLevel", "high");
        assertThat(frequency.status()).isEqualTo(CheckStatus.WARN);
        assertThat(frequency.summary()).startsWith("2 deployments in 5 days (2.80 a week)");

        // Lead time, commit → first marker commit containing it (a marker contains itself and its ancestors):
        // c1 → c3 24 h, c2 → c3 18 h, c3 → c3 0 h, c4 → c5 24 h, c5 → c5 0 h; c6 is not deployed.
        // Sorted 0, 0, 18, 24, 24: the median of 5 is 18 hours, DORA elite (under a day).
        CheckResult lead = result(a, LeadTimeForChangesCheck.ID);
        assertThat(lead.metrics()).containsEntry("leadTimeHours", 18.0).containsEntry("leadTimeHoursLevel", "elite");
        assertThat(lead.summary()).startsWith("median lead time 18.0 hours over 5 deployed commits");

        // Change failure rate is measured over the same deployments: no revert or hotfix over 2 deployments.
        assertThat(result(a, ChangeFailureRateCheck.ID).summary())
                .startsWith("0 failed changes (reverts, hotfixes) over 2 deployments: 0%");
    }

    @Test
    void markerEvidenceIsTheCommitWithItsSubject(@TempDir Path dir) throws Exception {
        // medium (at least monthly, less than weekly) costs score but is no finding
        Path medium = dir.resolve("medium");
        try (TestRepo repo = TestRepo.init(medium)) {
            taglessHistory(repo);
            repo.at("2024-04-01T09:00:00Z").append("src/Api.java", "e").commit("Ben", "ben@x.org", "later work");
        }
        CheckResult monthly = result(assess(medium, MARKERS), DeploymentFrequencyCheck.ID);
        assertThat(monthly.metrics()).containsEntry("deploymentsPerWeekLevel", "medium");
        assertThat(monthly.status()).isEqualTo(CheckStatus.WARN);
        assertThat(monthly.findings()).isEmpty();

        RevCommit[] c;
        Path low = dir.resolve("low");
        try (TestRepo repo = TestRepo.init(low)) {
            c = taglessHistory(repo);
            // slow down so that the check finds (low: less than monthly) and shows evidence
            repo.at("2024-07-01T09:00:00Z").append("src/Api.java", "e").commit("Ben", "ben@x.org", "later work");
        }
        Assessment a = assess(low, MARKERS);
        CheckResult frequency = result(a, DeploymentFrequencyCheck.ID);
        assertThat(frequency.metrics()).containsEntry("deploymentsPerWeekLevel", "low");
        assertThat(frequency.status()).isEqualTo(CheckStatus.FAIL);
        List<Evidence> evidence = frequency.findings().get(0).evidence();
        assertThat(evidence).extracting(Evidence::commit).containsExactly(c[2].name(), c[4].name());
        assertThat(evidence.get(1).note()).isEqualTo("deploy commit \"Ship endpoint [DEPLOY]\" (2024-03-05)");
        assertThat(frequency.findings().get(0).message()).startsWith("The team deployed 2 deployments");
    }

    @Test
    void noReleaseInTheWindowIsAFindingOnlyWhenChangesWaitForOne(@TempDir Path dir) throws Exception {
        Path dormant = dir.resolve("dormant");
        try (TestRepo repo = TestRepo.init(dormant)) {
            repo.at("2022-03-01T09:00:00Z").write("main.tf", "a").write(DEPLOY_WORKFLOW, DEPLOY_JOB)
                    .commit("Ann", "ann@x.org", "module");
            repo.at("2022-03-02T09:00:00Z").append("main.tf", "b").commit("Ann", "ann@x.org", "outputs");
            repo.tag("v0.16.0");
            // only a bot since: nothing waits for a release
            repo.at("2024-06-01T09:00:00Z").append("renovate.json", "c")
                    .commit("renovate[bot]", "bot@renovateapp.com", "chore(deps): update pre-commit hooks");
        }
        CheckResult idle = result(assess(dormant, null), DeploymentFrequencyCheck.ID);
        assertThat(idle.assessed()).isFalse();
        assertThat(idle.summary()).startsWith("no release in 365 days, and no change by a person since the last one"
                + " (release tag v0.16.0, 2022-03-02): nothing is waiting to be delivered");

        Path waiting = dir.resolve("waiting");
        RevCommit tagged;
        try (TestRepo repo = TestRepo.init(waiting)) {
            repo.at("2022-03-01T09:00:00Z").write("main.tf", "a").write(DEPLOY_WORKFLOW, DEPLOY_JOB)
                    .commit("Ann", "ann@x.org", "module");
            tagged = repo.at("2022-03-02T09:00:00Z").append("main.tf", "b").commit("Ann", "ann@x.org", "outputs");
            repo.tag("v0.16.0");
            repo.at("2023-05-01T09:00:00Z").append("main.tf", "c").commit("Ben", "ben@x.org", "support provider 5");
            repo.at("2024-06-01T09:00:00Z").append("main.tf", "d").commit("Ann", "ann@x.org", "fix escalation repeat");
        }
        CheckResult late = result(assess(waiting, null), DeploymentFrequencyCheck.ID);
        assertThat(late.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("No release in 365 days: the last, release tag v0.16.0, was on"
                    + " 2022-03-02, and 2 changes by people have landed since: users and production get none of them"
                    + " until the next release. That is DORA's low level.");
            assertThat(f.evidence()).extracting(Evidence::commit).containsExactly(tagged.name());
        });
    }

    @Test
    void withoutMarkersATaglessHistoryIsNotAssessedAndTheReasonNamesBothOptions(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            taglessHistory(repo);
        }
        Assessment a = assess(dir, null);
        for (String id : List.of(DeploymentFrequencyCheck.ID, LeadTimeForChangesCheck.ID,
                ChangeFailureRateCheck.ID)) {
            CheckResult r = result(a, id);
            assertThat(r.assessed()).as(id).isFalse();
            assertThat(r.summary()).as(id).contains("no release tag matches 'v*'")
                    .contains("no deploy marker is configured").contains("devops.releaseTags")
                    .contains("devops.deployMarkers");
        }
        assertThat(result(a, DeploymentFrequencyCheck.ID).summary()).contains("no release tag matches 'v*' and no"
                + " deploy marker is configured (set devops.releaseTags");
    }

    @Test
    void aMarkerThatMatchesNothingSaysSo(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            taglessHistory(repo);
        }
        CheckResult r = result(assess(dir, "^ship it$"), DeploymentFrequencyCheck.ID);
        assertThat(r.assessed()).isFalse();
        assertThat(r.summary()).contains("no mainline commit subject matches the deploy marker '^ship it$'");
    }

    /**
     * Tags and markers together: c3 is a marker commit tagged v1.0.0 (one deployment, named by its tag), c4 is tagged
     * v1.1.0 without a marker, c5 is an untagged marker: 3 deployments, not 4.
     */
    @Test
    void aTaggedMarkerCommitCountsOnce(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-03-01T09:00:00Z").append("src/App.java", "a").write(DEPLOY_WORKFLOW, DEPLOY_JOB)
                    .commit("Ann", "ann@x.org", "add service");
            repo.at("2024-03-01T15:00:00Z").append("src/App.java", "b").commit("Ben", "ben@x.org", "fix parsing");
            repo.at("2024-03-02T09:00:00Z").append("deploy/production.log", "1")
                    .commit("Ann", "ann@x.org", "deploy: production");
            repo.tag("v1.0.0");
            repo.at("2024-03-04T09:00:00Z").append("src/Api.java", "c").commit("Ben", "ben@x.org", "add endpoint");
            repo.tag("v1.1.0");
            repo.at("2024-03-05T09:00:00Z").append("deploy/production.log", "2")
                    .commit("Ann", "ann@x.org", "[deploy] endpoint");
            repo.at("2024-03-06T09:00:00Z").append("src/Api.java", "d").commit("Ben", "ben@x.org", "wip refactor");
        }
        Assessment a = assess(dir, MARKERS);
        CheckResult frequency = result(a, DeploymentFrequencyCheck.ID);
        // 3 deployments over 5 days = 0.6 a day = 4.2 a week
        assertThat(frequency.summary()).startsWith("3 deployments in 5 days (4.20 a week)");
        assertThat(frequency.metrics()).containsEntry("deploymentsPerWeek", 4.2);
        assertThat(result(a, ChangeFailureRateCheck.ID).summary()).contains("over 3 deployments");
        // lead times: c1 → v1.0.0 24 h, c2 → v1.0.0 18 h, c3 0 h, c4 → v1.1.0 0 h, c5 0 h: median 0 hours
        assertThat(result(a, LeadTimeForChangesCheck.ID).metrics()).containsEntry("leadTimeHours", 0.0);

        // the same history without markers is what it always was: the two release tags
        Assessment tagsOnly = assess(dir, null);
        assertThat(result(tagsOnly, DeploymentFrequencyCheck.ID).summary())
                .startsWith("2 releases in 5 days (2.80 a week)");
        // c1 → v1.0.0 24 h, c2 → v1.0.0 18 h, c3 0 h, c4 0 h (c5, c6 are not released): median (0 + 18) / 2 = 9 h
        assertThat(result(tagsOnly, LeadTimeForChangesCheck.ID).summary())
                .startsWith("median lead time 9.0 hours over 4 released commits");
    }

    @Test
    void anInvalidRegularExpressionIsAConfigurationErrorNamingTheParameter() {
        assertThatThrownBy(() -> HistoryOptions.defaults().withDeployMarkers("[deploy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("devops.deployMarkers '[deploy' is not a valid Java regular expression: ")
                .hasMessageContaining("\\[deploy\\]");
        assertThat(HistoryOptions.defaults().withDeployMarkers("  ").deployMarkers()).isNull();
        assertThat(HistoryOptions.defaults().deployMarkers()).isNull();
    }

    @Test
    void aLibraryWithReleaseTagsButNothingRunningInProductionHasNoDeliveryMetrics(@TempDir Path dir)
            throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-03-01T09:00:00Z").append("src/Lib.java", "a").commit("Ann", "ann@x.org", "add parser");
            repo.tag("v1.0.0");
            repo.at("2024-03-04T09:00:00Z").append("src/Lib.java", "b").commit("Ben", "ben@x.org", "faster parser");
            repo.tag("v1.1.0");
        }
        Assessment a = assess(dir, null);
        for (String id : List.of(DeploymentFrequencyCheck.ID, LeadTimeForChangesCheck.ID,
                ChangeFailureRateCheck.ID)) {
            CheckResult r = result(a, id);
            assertThat(r.assessed()).as(id).isFalse();
            assertThat(r.findings()).as(id).isEmpty();
            assertThat(r.summary()).as(id).startsWith("nothing shows that the project runs a service in production")
                    .contains("devops.deployMarkers");
        }
        // the team says which commits deploy: that is a service, measured from its markers
        assertThat(result(assess(dir, "parser"), DeploymentFrequencyCheck.ID).assessed()).isTrue();
    }

    @Test
    void productionDeploysOnPushesToAReleaseBranchAreUnknownUntilMarkersNameItsMerges(@TempDir Path dir)
            throws Exception {
        String gitlab = """
                stages: [build, deploy]
                build:
                  stage: build
                  script: [make]
                deploy-production:
                  stage: deploy
                  environment: production
                  script: [./deploy.sh]
                  only:
                    - stable
                """;
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2024-03-01T09:00:00Z").append("src/App.java", "a").write(".gitlab-ci.yml", gitlab)
                    .commit("Ann", "ann@x.org", "add service");
            repo.tag("v1.0.0");
            for (int i = 0; i < 5; i++) {
                repo.at("2024-0" + (4 + i) + "-01T09:00:00Z").append("src/App.java", "" + i)
                        .commit("Ben", "ben@x.org", "change " + i);
            }
        }
        Assessment a = assess(dir, null);
        for (String id : List.of(DeploymentFrequencyCheck.ID, LeadTimeForChangesCheck.ID, ChangeFailureRateCheck.ID)) {
            CheckResult r = result(a, id);
            assertThat(r.status()).as(id).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(r.summary()).as(id).startsWith("unknown: production deploys run on pushes to 'stable'"
                    + " (.gitlab-ci.yml:5), not on release tags").contains("'Merge branch .* into stable'");
        }
        // with markers the team says which commits deploy: measured again
        assertThat(result(assess(dir, "into stable"), DeploymentFrequencyCheck.ID).summary())
                .doesNotContain("production deploys run on pushes");
    }

    @Test
    void aJobLimitedToTheMainlineOrAlsoToTagsIsNoReleaseBranch() {
        assertThat(DoraCheck.releaseBranches(job("only: stable"))).containsExactly("stable");
        assertThat(DoraCheck.releaseBranches(job("$CI_COMMIT_BRANCH == \"release\""))).containsExactly("release");
        assertThat(DoraCheck.releaseBranches(job("only: main"))).isEmpty();
        assertThat(DoraCheck.releaseBranches(job("only: stable, tags"))).isEmpty();
        assertThat(DoraCheck.releaseBranches(job("only: /^release-.*$/"))).isEmpty();
        assertThat(DoraCheck.releaseBranches(job(null))).isEmpty();
    }

    private static io.github.devopsassess.facts.pipeline.Job job(String condition) {
        return new io.github.devopsassess.facts.pipeline.Job("deploy", "deploy",
                new io.github.devopsassess.facts.pipeline.Location(".gitlab-ci.yml", 5), "deploy", List.of(),
                condition, null, List.of(), List.of(), List.of(), null, null, null, null, true);
    }
}
