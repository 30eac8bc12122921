package io.github.devopsassess.check.oncall;

import io.github.devopsassess.engine.CheckRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.oncall.OnCallPopulationCheck;
import io.github.devopsassess.check.oncall.SingleEscalationOwnerCheck;
import io.github.devopsassess.check.oncall.PagingVendorEndOfSupportCheck;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.oncall.OnCallFixtures;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every on-call check on the fixtures of the scanner test, with the default rubric's settings. */
class OnCallChecksTest {

    private static CheckResult run(Check check, Facts facts) throws Exception {
        Rubric rubric = new RubricLoader(OnCallChecksTest.class.getClassLoader())
                .loadDefault();
        return CheckRunner.evaluate(check, facts, new CheckSettings(rubric.checks().get(check.id())));
    }

    @Test
    void pagerDutyTerraformFixtureShowsTheClassicAntiPatterns(@TempDir Path dir) throws Exception {
        Facts facts = OnCallFixtures.scan("pagerduty-tf", dir);

        assertThat(run(new SinglePersonRotationCheck(), facts).findings()).extracting(Finding::subject)
                .containsExactly("pagerduty_schedule.fallback/Team account");
        CheckResult gaps = run(new CoverageGapsCheck(), facts);
        assertThat(gaps.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(gaps.findings()).filteredOn(f -> f.subject().equals("pagerduty_service.shop_production"))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("Mon 00:00–07:00", "Europe/London");
                    assertThat(f.evidence().get(0).path()).isEqualTo("oncall.tf");
                    // every range is a place of its own, so that the report can fold a long list
                    assertThat(f.evidence()).extracting(Evidence::note).contains("nobody on call Mon 00:00–07:00",
                            "nobody on call Mon 23:00–24:00");
                    long ranges = f.evidence().size() - 1;
                    assertThat(f.message()).contains(ranges > 5 ? "and " + (ranges - 3) + " more" : "Mon 23:00–24:00");
                });
        assertThat(run(new EscalationPolicyCheck(), facts).findings()).extracting(Finding::subject)
                .contains("pagerduty_escalation_policy.shop#levels",
                        "pagerduty_escalation_policy.direct#delay",
                        "pagerduty_escalation_policy.direct#user:pagerduty_user.carol",
                        "pagerduty_schedule.fallback#unused");
        assertThat(run(new ServiceEscalationCheck(), facts).findings()).extracting(Finding::subject)
                .containsExactlyInAnyOrder("pagerduty_service.reports#policy",
                        "pagerduty_service.shop_production#ack-timeout");
        assertThat(run(new RosterOutsideCodeCheck(), facts).findings()).extracting(Finding::subject)
                .containsExactly("pagerduty_schedule.primary");
        assertThat(run(new TurnLengthCheck(), facts).status()).isEqualTo(CheckStatus.PASS);
        CheckResult population = run(new OnCallPopulationCheck(), facts);
        assertThat(population.status()).isEqualTo(CheckStatus.PASS);
        assertThat(population.metrics()).containsEntry("onCallPopulation", 3);
        assertThat(run(new PagingVendorEndOfSupportCheck(), facts).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void jsonFixtureEscalatesSlowlyToTheSamePersonAndHasAnEndedLayer(@TempDir Path dir) throws Exception {
        Facts facts = OnCallFixtures.scan("pagerduty-json", dir);

        CheckResult escalation = run(new EscalationPolicyCheck(), facts);
        assertThat(escalation.findings()).extracting(Finding::subject).contains("PEP1#delay", "PEP1#user:PU1");
        assertThat(escalation.findings()).filteredOn(f -> f.subject().equals("PEP1#delay")).singleElement()
                .satisfies(f -> assertThat(f.severity().id()).isEqualTo("medium")); // 30 min: warn, not fail
        CheckResult population = run(new OnCallPopulationCheck(), facts);
        assertThat(population.status()).isEqualTo(CheckStatus.WARN);
        assertThat(population.findings().get(0).message()).contains("Only 2", "Dana Diaz", "Eli Evans");
    }

    /** A module library's users lose their paging, not the library: the finding speaks to them. */
    @Test
    void opsgenieModulesOfALibraryAreTheirUsersMigrationNotTheRepositorys(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("modules/service"));
        java.nio.file.Files.writeString(dir.resolve("modules/service/main.tf"), """
                variable "service_name" {
                  type = string
                }

                variable "team_id" {
                  type = string
                }

                resource "opsgenie_service" "this" {
                  name        = var.service_name
                  team_id     = var.team_id
                  description = "Managed by Terraform"
                }
                """);
        Facts facts = OnCallFixtures.scan(dir, true);
        CheckResult vendor = run(new PagingVendorEndOfSupportCheck(), facts);
        assertThat(vendor.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("This repository's modules configure opsgenie for the teams that use"
                    + " them, and its vendor ends support on 2027-04-05").contains("tell them");
            assertThat(f.severity().id()).isEqualTo("low"); // a warning: the users' migration, not an outage here
            assertThat(f.evidence()).extracting(Evidence::path).containsExactly("modules/service/main.tf");
        });
    }

    @Test
    void opsgenieIsAThirdPartyRiskWithItsEndOfSupportDate(@TempDir Path dir) throws Exception {
        Facts facts = OnCallFixtures.scan("opsgenie-yaml", dir);

        CheckResult vendor = run(new PagingVendorEndOfSupportCheck(), facts);
        assertThat(vendor.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("2027-04-05");
            assertThat(f.subject()).isEqualTo("vendor:opsgenie");
        });
        assertThat(run(new EscalationPolicyCheck(), facts).findings()).extracting(Finding::subject)
                .contains("web.escalation#first-notify", "web.escalation#levels");
        assertThat(run(new CoverageGapsCheck(), facts).findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("America/Los_Angeles"));
    }

    @Test
    void plainYamlSecondaryOfTheSamePersonIsOverloadAndSingleOwner(@TempDir Path dir) throws Exception {
        Facts facts = OnCallFixtures.scan("plain", dir);

        assertThat(run(new SinglePersonRotationCheck(), facts).findings()).extracting(Finding::subject)
                .containsExactly("secondary/Secondary");
        CheckResult owner = run(new SingleEscalationOwnerCheck(), facts);
        assertThat(owner.status()).isEqualTo(CheckStatus.PASS);
        // plural forms follow the count: never "1 people" or "1 owners"
        assertThat(owner.summary()).matches(".* reach (1 person|\\d+ people) through (1 owner|\\d+ owners)")
                .doesNotContainPattern("\\b1 (people|owners)\\b");
        assertThat(run(new OnCallPopulationCheck(), facts).status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void noOnCallConfigurationIsNotAssessedNeverAPass(@TempDir Path dir) throws Exception {
        Facts facts = Facts.builder().build();

        assertThat(run(new CoverageGapsCheck(), facts).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(run(new OnCallPopulationCheck(), facts).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(run(new PagingVendorEndOfSupportCheck(), facts).status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }

    @Test
    void schedulesThatNameNobodyLeaveThePopulationUnknown(@TempDir java.nio.file.Path dir) throws Exception {
        // a module's schedule whose people are its inputs: "only 0 people share on-call" is no claim to sign
        java.nio.file.Files.writeString(dir.resolve("oncall.yaml"), """
                timezone: UTC
                rotations:
                  - id: primary
                    name: Primary
                    members: []
                    turn: 1w
                """);
        CheckResult population = run(new OnCallPopulationCheck(),
                io.github.devopsassess.scan.oncall.OnCallFixtures.scan(dir, true));
        assertThat(population.findings()).isEmpty();
        assertThat(population.assessed()).isFalse();
        assertThat(population.summary()).startsWith("unknown: the on-call files name no person");
    }
}
