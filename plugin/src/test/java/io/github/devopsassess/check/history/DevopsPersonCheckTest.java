package io.github.devopsassess.check.history;

import static io.github.devopsassess.testing.Results.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "The DevOps person" is the one who makes nearly all pipeline and infrastructure changes, not a main contributor
 * who makes half of them while others make the rest (seen wrong on real repositories at 5 of 10 and 4 of 8).
 */
class DevopsPersonCheckTest {

    /** Three people share the application code; {@code infra} decides who changes pipeline and infrastructure. */
    private static Assessor.Outcome assess(Path dir, String[] infraAuthors) throws Exception {
        return assess(dir, new String[] {"Ann Lee", "Bob Stone", "Cid Moss"}, infraAuthors);
    }

    /** {@code devs} take turns at the twelve application changes. */
    private static Assessor.Outcome assess(Path dir, String[] devs, String[] infraAuthors) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int i = 0; i < 12; i++) {
                String who = devs[i % devs.length];
                repo.at("2024-0" + (1 + i % 9) + "-0" + (1 + i / 9) + "T10:00:00Z")
                        .write("src/F" + i + ".java", "class F" + i + " {}\n")
                        .commit(who, who.substring(0, 3).toLowerCase() + "@example.org", "feature " + i);
            }
            for (int i = 0; i < infraAuthors.length; i++) {
                String who = infraAuthors[i];
                String file = i % 2 == 0 ? ".github/workflows/ci.yml" : "Jenkinsfile_release";
                repo.at("2024-0" + (1 + i % 9) + "-2" + (i / 9) + "T10:00:00Z")
                        .write(file, "# change " + i + "\n")
                        .commit(who, who.substring(0, 3).toLowerCase() + "@example.org", "pipeline " + i);
            }
        }
        return new Assessor().assess(Requests.withNames(dir));
    }

    @Test
    void onePersonMakingNearlyEveryPipelineChangeIsTheDevopsPerson(@TempDir Path dir) throws Exception {
        String[] infra = new String[12];
        java.util.Arrays.fill(infra, "Dana Ops");
        infra[5] = "Bob Stone";
        CheckResult r = result(assess(dir, infra), DevopsPersonCheck.ID);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Dana Ops made 11 of the 12 changes to the pipeline");
            // Jenkinsfile_<name> is a pipeline definition too
            assertThat(f.evidence()).extracting(e -> e.path()).contains(".github/workflows/ci.yml",
                    "Jenkinsfile_release");
        });
    }

    @Test
    void halfOfThePipelineChangesIsAMainContributorNotTheOnlyOne(@TempDir Path dir) throws Exception {
        String[] infra = {"Dana Ops", "Bob Stone", "Dana Ops", "Cid Moss", "Dana Ops", "Ann Lee", "Dana Ops",
            "Bob Stone", "Dana Ops", "Cid Moss"};
        CheckResult r = result(assess(dir, infra), DevopsPersonCheck.ID);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).contains("the most active person made 5 of 10");
    }

    @Test
    void theMainDeveloperOfEverythingIsABusFactorNotADevopsPersonApart(@TempDir Path dir) throws Exception {
        // Seen trivial on real repositories: in a two-maintainer project the one who writes most of the code also
        // makes most pipeline changes. Here Ann makes 6 of the 12 application changes and 10 of the 12 pipeline ones
        // (16 of 24 in all: below the sole-maintainer share, so this check judges it).
        String[] infra = new String[12];
        java.util.Arrays.fill(infra, "Ann Lee");
        infra[3] = "Bob Stone";
        infra[7] = "Cid Moss";
        CheckResult r = result(assess(dir, new String[] {"Ann Lee", "Ann Lee", "Bob Stone", "Cid Moss"}, infra),
                DevopsPersonCheck.ID);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).contains("Ann Lee made 10 of 12 but also 6 of the 12 other changes");
    }

    @Test
    void tooFewPipelineChangesAreNotJudged(@TempDir Path dir) throws Exception {
        CheckResult r = result(assess(dir, new String[] {"Dana Ops", "Dana Ops", "Dana Ops", "Dana Ops"}),
                DevopsPersonCheck.ID);
        assertThat(r.assessed()).isFalse();
        assertThat(r.summary()).contains("fewer than 10");
    }
}
