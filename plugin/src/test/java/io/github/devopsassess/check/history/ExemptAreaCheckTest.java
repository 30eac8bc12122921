package io.github.devopsassess.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.Results;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exempt-area on JGit-built histories: how many of one person's changes to a folder must be reviewed. */
class ExemptAreaCheckTest {

    /** {@code n} commits by one person to one folder, the first {@code reviewed} squash-merged from pull requests. */
    private static void commits(TestRepo repo, String folder, String name, int n, int reviewed, int day) {
        String email = name.split(" ")[0].toLowerCase() + "@example.org";
        for (int i = 0; i < n; i++) {
            repo.at(String.format("2025-04-%02dT%02d:00:00Z", day, 8 + i % 12))
                    .append(folder + "/F" + i + ".java", "class F" + i + " {}")
                    .commit(name, email, "Change " + folder + " " + i + (i < reviewed ? " (#" + (100 + day * 20 + i)
                            + ")" : ""));
        }
    }

    @Test
    void oneReviewedChangeAYearDoesNotClearAFolderButMostlyReviewedWorkDoes(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2025-01-02T09:00:00Z").write("README.md", "shop\n").commit("Ann Lee", "ann@example.org", "Init");
            commits(repo, "billing", "Carl Founder", 12, 1, 2);   // 1 of 12 reviewed: still exempt
            commits(repo, "api", "Ann Lee", 12, 8, 3);             // 8 of 12 reviewed: the team's rules apply
            commits(repo, "legacy", "Olga Old", 11, 0, 4);         // never reviewed
        }
        CheckResult r = Results.result(new Assessor().assess(Requests.withNames(dir)).assessment(), "exempt-area");
        assertThat(r.status()).as(r.summary()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings()).extracting(f -> f.subject()).containsExactly("billing", "legacy");
        assertThat(r.findings().get(0).message()).isEqualTo("billing/ changed 12 times in the last 365 days, every"
                + " time by Carl Founder, and only 1 of those changes came through a merge, a pull request or a review"
                + " trailer: an area exempt from the team's rules.");
        // the evidence is the latest change nobody reviewed, not the reviewed one
        assertThat(r.findings().get(0).evidence().get(0).note()).isEqualTo("latest unreviewed change by Carl Founder");
        assertThat(r.findings().get(1).message()).contains("every time by Olga Old directly on the branch, with no"
                + " merge and no review");
        assertThat(r.summary()).startsWith("2 of 3 frequently changed folders");
    }
}
