package io.github.devopsassess.scan.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.ownership.AccessSettingsScanner;
import io.github.devopsassess.source.WorkingTree;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform modules as real monorepos write them, read through the one HCL reader. */
class TerraformModuleTest {

    private static void write(Path dir, String path, String text) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text);
    }

    @Test
    void forExpressionsInterpolatedKeysAndCallsDoNotHideTheSchedule(@TempDir Path dir) throws Exception {
        write(dir, "terraform/oncall/locals.tf", """
                locals {
                  protections = { for bp in local.branch_protections : "${bp.repository}.${bp.pattern}" => bp }
                  hostnames = {
                    "${replace(var.domain, ".", "-")}:primary" = "pagerduty"
                  }
                  handles = { for k, v in var.people : k => replace(v, "@example.org", "") }
                  people = {
                    ann = { name = "Ann Abbot", email = "ann@example.org" }
                    ben = { name = "Ben Bell", email = "ben@example.org" }
                  }
                }

                variable "domain" {
                  default = "shop.example.org"
                }
                """);
        write(dir, "terraform/oncall/schedule.tf", """
                resource "pagerduty_user" "people" {
                  for_each = local.people
                  name     = "${each.value.name} (${each.key})"
                  email    = each.value.email
                }

                resource "pagerduty_schedule" "checkout" {
                  name      = "Checkout primary"
                  time_zone = "Europe/Dublin"

                  layer {
                    name                         = "Weekly"
                    start                        = "2025-01-06T09:00:00Z"
                    rotation_virtual_start       = "2025-01-06T09:00:00Z"
                    rotation_turn_length_seconds = 604800
                    users                        = [for u in pagerduty_user.people : u.id]
                  }

                  layer {
                    name                         = "Named"
                    start                        = "2025-01-06T09:00:00Z"
                    rotation_virtual_start       = "2025-01-06T09:00:00Z"
                    rotation_turn_length_seconds = 604800
                    users = [pagerduty_user.people["ann"].id, "${pagerduty_user.people["ben"].id}"]
                  }
                }
                """);
        Facts facts = OnCallFixtures.scan(dir, true);
        OnCallFacts model = OnCallFixtures.model(facts);

        assertThat(facts.problems()).isEmpty();
        Schedule checkout = model.schedule("pagerduty_schedule.checkout").orElseThrow();
        assertThat(checkout.place()).isEqualTo(new Place("terraform/oncall/schedule.tf", 7));
        assertThat(checkout.timeZone()).isEqualTo("Europe/Dublin");
        assertThat(checkout.layers()).extracting(Layer::name).containsExactly("Weekly", "Named");
        Layer weekly = checkout.layers().get(0);
        assertThat(weekly.place().line()).isEqualTo(11);
        assertThat(weekly.membersKnown()).as("a for expression is not guessed").isFalse();
        Layer named = checkout.layers().get(1);
        assertThat(named.membersKnown()).isTrue();
        assertThat(named.people()).containsExactly("pagerduty_user.people.ann", "pagerduty_user.people.ben");
        assertThat(model.nameOf("pagerduty_user.people.ann")).isEqualTo("Ann Abbot (ann)");
    }

    /** A module's resources over a variable: one problem naming the resource by its address, not a label list. */
    @Test
    void aForEachOverAVariableIsOneProblemNamingTheResource(@TempDir Path dir) throws Exception {
        write(dir, "modules/escalation/main.tf", """
                variable "escalations" {
                  type = map(any)
                }

                resource "opsgenie_escalation" "this" {
                  for_each = var.escalations
                  name     = each.value.name
                }
                """);
        Facts facts = OnCallFixtures.scan(dir, true);
        assertThat(facts.problems()).extracting(ParseProblem::label).containsExactly("modules/escalation/main.tf:6:"
                + " for_each of opsgenie_escalation.this is not a literal map or list (its values come from a variable"
                + " or another resource); its instances are unknown and not assessed");
    }

    @Test
    void aBrokenFileIsOneProblemAndTheOtherFilesAreStillRead(@TempDir Path dir) throws Exception {
        write(dir, "oncall/pagerduty/broken.tf", """
                resource "pagerduty_escalation_policy" "half" {
                  name = "Half"
                  rule {
                    escalation_delay_in_minutes = 10
                  }
                """);
        write(dir, "oncall/pagerduty/policy.tf", """
                resource "pagerduty_escalation_policy" "whole" {
                  name      = "Whole"
                  num_loops = 2
                  rule {
                    escalation_delay_in_minutes = 15
                    target {
                      type = "user_reference"
                      id   = "PUSER1"
                    }
                  }
                }
                """);
        write(dir, "oncall/opsgenie/main.tf", """
                resource "opsgenie_team" "web" {
                  name = "web"
                }
                """);
        Facts facts = OnCallFixtures.scan(dir, true);
        OnCallFacts model = OnCallFixtures.model(facts);

        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("oncall/pagerduty/broken.tf");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("malformed HCL: '{' opened here is never closed");
        });
        assertThat(model.policy("pagerduty_escalation_policy.whole")).get()
                .satisfies(p -> assertThat(p.repeats()).isEqualTo(2));
        assertThat(model.policy("pagerduty_escalation_policy.half")).isEmpty();
        assertThat(model.files()).contains("oncall/pagerduty/policy.tf", "oncall/opsgenie/main.tf")
                .doesNotContain("oncall/pagerduty/broken.tf");
        assertThat(facts.problems()).extracting(ParseProblem::label)
                .containsExactly("oncall/pagerduty/broken.tf:1: malformed HCL: '{' opened here is never closed");
    }

    @Test
    void aBrokenFileThatTwoScannersReadIsStillOneProblem(@TempDir Path dir) throws Exception {
        write(dir, "infra/main.tf", """
                resource "github_team_repository" "sre" {
                  team_id    = "sre"
                  permission = "admin"
                }
                resource "pagerduty_schedule" "half" {
                  name = "Half"
                """);
        ScanContext context = new ScanContext(new WorkingTree(dir, "", 1 << 20), null, "no history",
                ScanOptions.defaults(), s -> { });
        Facts.Builder builder = Facts.builder();
        new OnCallScanner().scan(context, builder);
        new AccessSettingsScanner().scan(context, builder);

        assertThat(builder.build().problems()).extracting(ParseProblem::label)
                .containsExactly("infra/main.tf:5: malformed HCL: '{' opened here is never closed");
    }
}
