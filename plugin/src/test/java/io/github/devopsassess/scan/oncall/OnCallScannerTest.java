package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Service;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.facts.oncall.VendorUse;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnCallScannerTest {

    @Test
    void readsPagerDutyTerraformAcrossFilesWithLinesLocalsVariablesAndForEach(@TempDir Path dir) {
        Facts facts = OnCallFixtures.scan("pagerduty-tf", dir);
        OnCallFacts model = OnCallFixtures.model(facts);

        Schedule primary = model.schedule("pagerduty_schedule.primary").orElseThrow();
        assertThat(primary.timeZone()).isEqualTo("Europe/London"); // variable default from locals.tf
        assertThat(primary.place()).isEqualTo(new Place("oncall.tf", 17));
        Layer office = primary.layers().get(0);
        assertThat(office.place().line()).isEqualTo(21);
        assertThat(office.people()).containsExactly("pagerduty_user.people.alice", "pagerduty_user.people.bob",
                "pagerduty_user.carol"); // index keys kept, local from another file resolved
        assertThat(office.restrictions()).singleElement().satisfies(r -> {
            assertThat(r.day()).isNull();
            assertThat(r.start()).hasToString("07:00");
            assertThat(r.durationSeconds()).isEqualTo(57600);
        });
        assertThat(primary.rosterIgnoredAt()).isEqualTo(new Place("oncall.tf", 40));
        assertThat(model.nameOf("pagerduty_user.people.alice")).isEqualTo("Alice Archer"); // for_each expanded
        assertThat(model.shared("pagerduty_user.team")).isTrue();

        EscalationPolicy shop = model.policy("pagerduty_escalation_policy.shop").orElseThrow();
        assertThat(shop.levels()).singleElement().satisfies(l -> {
            assertThat(l.escalateAfterMinutes()).isEqualTo(45);
            assertThat(l.targets()).containsExactly(new Target(Target.Kind.SCHEDULE, "pagerduty_schedule.primary",
                    new Place("oncall.tf", 63)));
        });
        assertThat(shop.repeats()).isZero();

        Service production = model.services().stream().filter(s -> s.name().equals("Shop production")).findFirst()
                .orElseThrow();
        assertThat(production.acknowledgementTimeoutDisabled()).isTrue(); // the string "null" stays a string, not a null
        assertThat(production.production()).isTrue();
        assertThat(model.services()).filteredOn(s -> s.name().equals("Reports"))
                .singleElement().satisfies(s -> assertThat(s.policyId()).isNull());

        assertThat(facts.problems()).extracting(ParseProblem::label)
                .contains("oncall.tf:82: escalation policy 'pagerduty_escalation_policy.direct' targets schedule "
                        + "'pagerduty_schedule.missing', which no scanned file defines");
    }

    @Test
    void readsPagerDutyApiJsonExports(@TempDir Path dir) {
        Facts facts = OnCallFixtures.scan("pagerduty-json", dir);
        OnCallFacts model = OnCallFixtures.model(facts);

        Schedule s = model.schedule("PSCHED1").orElseThrow();
        assertThat(s.layers()).hasSize(2);
        assertThat(s.layers().get(0).restrictions()).singleElement()
                .satisfies(r -> assertThat(r.day()).hasToString("MONDAY"));
        assertThat(s.layers().get(1).end()).isNotNull();
        assertThat(model.nameOf("PU1")).isEqualTo("Dana Diaz");
        assertThat(model.policy("PEP1").orElseThrow().levels()).hasSize(2);
        assertThat(model.services()).filteredOn(x -> x.id().equals("PSVC2")).singleElement()
                .satisfies(x -> assertThat(x.acknowledgementTimeoutDisabled()).isTrue());
        assertThat(facts.problems()).extracting(ParseProblem::message)
                .anySatisfy(m -> assertThat(m).contains("PEP404"));
        // no history: the latest date written in the files is the reference, never the clock
        assertThat(model.referenceSource()).isEqualTo("latest date written in the on-call files");
        assertThat(model.referenceTime()).hasToString("2024-01-01T05:00:00Z");
    }

    @Test
    void readsCloudPosseOpsgenieLayoutAndRoutesServicesThroughTeams(@TempDir Path dir) {
        OnCallFacts model = OnCallFixtures.model(OnCallFixtures.scan("opsgenie-yaml", dir));

        Schedule s = model.schedule("web-primary").orElseThrow();
        assertThat(s.overlay()).isFalse();
        assertThat(s.layers()).singleElement().satisfies(l -> {
            assertThat(l.slots()).containsExactly(List.of("gil@example.org"), List.of("hana@example.org"),
                    List.of());
            assertThat(l.turnSeconds()).isEqualTo(604800);
            assertThat(l.restrictions()).singleElement().satisfies(r -> assertThat(r.durationSeconds())
                    .isEqualTo(12 * 3600));
            assertThat(l.place()).isEqualTo(new Place("config/schedule_rotations.yaml", 2));
        });
        EscalationPolicy p = model.policy("web.escalation").orElseThrow();
        assertThat(p.firstNotifyMinutes()).isEqualTo(10);
        assertThat(model.services()).singleElement().satisfies(x -> assertThat(x.policyId())
                .isEqualTo("web.escalation"));
        assertThat(model.vendors()).extracting(VendorUse::vendor).containsExactly("opsgenie");
        assertThat(model.team("web").orElseThrow().members()).containsExactly("gil@example.org");
    }

    @Test
    void theSameLayoutUnderExamplesOrTestsIsNotTheTeamsOnCall(@TempDir Path dir) throws Exception {
        OnCallFixtures.scan("opsgenie-yaml", dir.resolve("real"));
        // a Terraform module shows its users how to configure it in examples/: "Opsgenie Test User" is nobody on call
        java.nio.file.Path module = dir.resolve("module");
        java.nio.file.Files.createDirectories(module.resolve("examples/complete"));
        java.nio.file.Files.createDirectories(module.resolve("test/fixtures"));
        try (var files = java.nio.file.Files.list(dir.resolve("real/config"))) {
            for (java.nio.file.Path f : files.toList()) {
                java.nio.file.Files.copy(f, module.resolve("examples/complete/" + f.getFileName()));
                java.nio.file.Files.copy(f, module.resolve("test/fixtures/" + f.getFileName()));
            }
        }
        OnCallFacts model = OnCallFixtures.model(OnCallFixtures.scan(module, true));
        assertThat(model.schedules()).isEmpty();
        assertThat(model.people()).isEmpty();
        assertThat(OnCallScanner.exampleOrTest("examples/config/resources/schedules.yaml")).isTrue();
        assertThat(OnCallScanner.exampleOrTest("infra/opsgenie/schedules.yaml")).isFalse();
        assertThat(OnCallScanner.exampleOrTest("examples.yaml")).isFalse();
    }

    @Test
    void peopleOnCallArePseudonymsUnlessNamesAreShown(@TempDir Path dir) {
        OnCallFacts shown = OnCallFixtures.model(OnCallFixtures.scan("plain", dir.resolve("a")));
        java.nio.file.Path copy = dir.resolve("a");
        OnCallFacts hidden = OnCallFixtures.model(OnCallFixtures.scan(copy, false));
        assertThat(hidden.people()).isNotEmpty();
        hidden.people().forEach((id, p) -> {
            if (!p.shared()) {
                assertThat(p.name()).startsWith("contributor-");
                assertThat(shown.people().get(id).name()).doesNotStartWith("contributor-");
            }
        });
        assertThat(hidden.people().keySet()).isEqualTo(shown.people().keySet());
        assertThat(hidden.people().get("ines").name())
                .isEqualTo(OnCallFixtures.KEY.of("ines iglesias"))
                .as("whoever shows a pseudonym again must not disguise it a second time")
                .isEqualTo(OnCallFixtures.KEY.of(hidden.people().get("ines").name()));
    }

    @Test
    void readsPlainOncallYaml(@TempDir Path dir) {
        OnCallFacts model = OnCallFixtures.model(OnCallFixtures.scan("plain", dir));

        assertThat(model.schedules()).extracting(Schedule::id).containsExactly("primary", "secondary");
        Layer primary = model.schedule("primary").orElseThrow().layers().get(0);
        assertThat(primary.restrictions()).hasSize(5);
        assertThat(primary.turnSeconds()).isEqualTo(604800);
        assertThat(model.schedule("primary").orElseThrow().timeZone()).isEqualTo("Europe/Berlin");
        assertThat(model.services()).singleElement().satisfies(s -> {
            assertThat(s.production()).isTrue();
            assertThat(s.policyId()).isEqualTo("checkout");
        });
        assertThat(model.coverage()).singleElement().satisfies(c -> assertThat(c.subject()).isEqualTo("checkout"));
    }

    @Test
    void readsGrafanaOnCallShiftsAndChains(@TempDir Path dir) {
        OnCallFacts model = OnCallFixtures.model(OnCallFixtures.scan("grafana", dir));

        Schedule ops = model.schedule("grafana_oncall_schedule.ops").orElseThrow();
        assertThat(ops.layers()).singleElement().satisfies(l -> {
            assertThat(l.slots()).containsExactly(List.of("UKIM"), List.of("ULEO"));
            assertThat(l.restrictions()).hasSize(5);
            assertThat(l.turnSeconds()).isEqualTo(604800);
        });
        EscalationPolicy chain = model.policy("grafana_oncall_escalation_chain.ops").orElseThrow();
        assertThat(chain.levels()).singleElement().satisfies(l -> {
            assertThat(l.escalateAfterMinutes()).isEqualTo(15);
            assertThat(l.targets()).extracting(Target::ref).containsExactly("grafana_oncall_schedule.ops");
        });
    }

    @Test
    void malformedFilesBecomeProblemsWithLinesAndTheScanGoesOn(@TempDir Path dir) {
        Facts facts = OnCallFixtures.scan("malformed", dir);
        OnCallFacts model = OnCallFixtures.model(facts);

        assertThat(facts.problems()).extracting(ParseProblem::path)
                .contains("infra/broken.tf", "pagerduty/bad.json", "oncall.yaml");
        assertThat(facts.problems()).allSatisfy(p -> assertThat(p.line()).isNotNull());
        assertThat(facts.problems()).filteredOn(p -> p.path().equals("infra/broken.tf")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("malformed HCL"));
        // the good file of the same module is still read
        assertThat(model.policies()).extracting(EscalationPolicy::id)
                .containsExactly("pagerduty_escalation_policy.ok");
    }
}
