package io.github.devopsassess.check.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Person;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.testing.DefaultSettings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Primary and secondary rotas of the same people in different orders are the standard pattern, not overload; the
 * same person at both levels at once is; a shared team account kept as every schedule's fallback is nobody.
 */
class OnCallOverloadTest {

    private static final String TF = "pagerduty.tf";
    private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

    private static Schedule schedule(String id, int line, List<List<String>> turns) {
        return new Schedule(id, id, "pagerduty", "UTC", List.of(new Layer(id + " rota", turns, true, START, null,
                START, 86_400, List.of(), new Place(TF, line + 1))), true, false, null, new Place(TF, line));
    }

    private static EscalationPolicy policy(String first, String second) {
        return new EscalationPolicy("policy", "Platform", "pagerduty", List.of(
                new EscalationLevel(30, List.of(new Target(Target.Kind.SCHEDULE, first, new Place(TF, 91))),
                        new Place(TF, 90)),
                new EscalationLevel(30, List.of(new Target(Target.Kind.SCHEDULE, second, new Place(TF, 96))),
                        new Place(TF, 95))), 0, null, null, new Place(TF, 88));
    }

    private static CheckResult run(List<Schedule> schedules, List<EscalationPolicy> policies) {
        Map<String, Person> people = Map.of("team", new Person("team", "Platform Team", true),
                "ann", new Person("ann", "Ann", false), "bob", new Person("bob", "Bob", false),
                "cid", new Person("cid", "Cid", false));
        OnCallFacts model = new OnCallFacts(List.of(TF), schedules, policies, List.of(), List.of(), people,
                List.of(), Instant.parse("2025-06-01T00:00:00Z"), "test", List.of());
        return CheckRunner.evaluate(new OnCallOverloadCheck(), Facts.builder().put(OnCallFacts.class, model).build(),
                DefaultSettings.of(OnCallOverloadCheck.ID));
    }

    @Test
    void theSamePeopleInAnotherOrderAreAnIndependentBackup() {
        Schedule primary = schedule("primary", 10, List.of(List.of("ann"), List.of("bob"), List.of("cid")));
        Schedule secondary = schedule("secondary", 30, List.of(List.of("bob"), List.of("cid"), List.of("ann")));
        CheckResult r = run(List.of(primary, secondary), List.of(policy("primary", "secondary")));
        assertThat(r.findings()).extracting(Finding::subject).doesNotContain("policy#same-backup-1");
    }

    @Test
    void theSamePersonAtBothLevelsAtOnceIsNoBackup() {
        Schedule primary = schedule("primary", 10, List.of(List.of("ann"), List.of("bob"), List.of("cid")));
        Schedule copy = schedule("copy", 30, List.of(List.of("ann"), List.of("bob"), List.of("cid")));
        CheckResult r = run(List.of(primary, copy), List.of(policy("primary", "copy")));
        assertThat(r.findings()).filteredOn(f -> f.subject().equals("policy#same-backup-1")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("for 168 hours of the week of 2025-05-26")
                        .contains("is on call at both"));
    }

    @Test
    void aSharedAccountInEverySchedulesFallbackIsNotOverloaded() {
        List<Schedule> schedules = List.of(
                schedule("a", 10, List.of(List.of("team"))), schedule("b", 20, List.of(List.of("team"))),
                schedule("c", 30, List.of(List.of("team"))));
        assertThat(run(schedules, List.of()).findings()).extracting(Finding::subject).doesNotContain("person:team");
    }
}
