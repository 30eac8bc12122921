package io.github.devopsassess.check.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.process.ChangeFreeze;
import io.github.devopsassess.facts.process.ChangeFreezeFacts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.testing.DefaultSettings;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Freezes are information: one finding listing them at their lines, and no point lost. */
class ChangeFreezesCheckTest {

    private static CheckResult run(List<String> files, ChangeFreeze... freezes) throws Exception {
        Facts facts = Facts.builder().put(ChangeFreezeFacts.class, new ChangeFreezeFacts(files, List.of(freezes)))
                .build();
        return CheckRunner.evaluate(new ChangeFreezesCheck(), facts, DefaultSettings.of(ChangeFreezesCheck.ID));
    }

    @Test
    void freezesAreOneInformationalFindingWithTheirLines() throws Exception {
        CheckResult r = run(List.of(".github/workflows/deploy.yml", "infra/freeze.tf"),
                new ChangeFreeze(".github/workflows/deploy.yml", 15, "weekday condition",
                        "if [ \"$(date +%u)\" -ge 5 ]; then"),
                new ChangeFreeze("infra/freeze.tf", 1, "gitlab_project_freeze_period",
                        "from '0 23 20 12 *' to '0 7 2 1 *' (Europe/Berlin)"));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.area()).isEqualTo("process");
            assertThat(f.message()).startsWith("2 change freezes are declared as code"
                    + " (.github/workflows/deploy.yml:15, infra/freeze.tf:1)");
            assertThat(f.evidence()).containsExactly(
                    Evidence.line(".github/workflows/deploy.yml", 15)
                            .withNote("weekday condition: if [ \"$(date +%u)\" -ge 5 ]; then"),
                    Evidence.line("infra/freeze.tf", 1).withNote("gitlab_project_freeze_period: from"
                            + " '0 23 20 12 *' to '0 7 2 1 *' (Europe/Berlin)"));
        });
        assertThat(r.score()).as("information, not a lost point").isEqualTo(1.0);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void noFreezeIsCleanAndNothingToReadIsNotAssessed() throws Exception {
        CheckResult none = run(List.of(".gitlab-ci.yml"));
        assertThat(none.findings()).isEmpty();
        assertThat(none.summary()).isEqualTo("no change freeze declared in CI or Terraform");
        assertThat(run(List.of()).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
