package io.github.devopsassess.scan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.process.ChangeFreeze;
import io.github.devopsassess.facts.process.ChangeFreezeFacts;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.testing.FixtureScan;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A weekday condition in GitHub Actions, a GitLab deploy-freeze rule and Terraform freeze periods. */
class ChangeFreezeScannerTest {

    @Test
    void everyDeclaredFreezeOnceWithItsLineAndAMalformedTerraformFileIsOneProblem(@TempDir Path dir) {
        Facts facts = FixtureScan.scan("/process/freezes", dir, new ChangeFreezeScanner());
        ChangeFreezeFacts freezes = facts.find(ChangeFreezeFacts.class).orElseThrow();

        assertThat(freezes.freezes()).extracting(ChangeFreeze::path, ChangeFreeze::line, ChangeFreeze::kind)
                .containsExactly(
                        tuple(".github/workflows/deploy.yml", 15, "weekday condition"),
                        tuple(".gitlab-ci.yml", 11, "GitLab deploy freeze"),
                        tuple("infra/gitlab/freeze.tf", 1, "gitlab_project_freeze_period"));
        assertThat(freezes.freezes().get(2).text())
                .isEqualTo("from '0 23 20 12 *' to '0 7 2 1 *' (Europe/Berlin)");
        assertThat(facts.problems()).extracting(ParseProblem::path).containsExactly("infra/gitlab/broken.tf");
        assertThat(facts.problems().get(0).line()).isNotNull();
    }
}
