package io.github.devopsassess.check.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Person;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.testing.DefaultSettings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A shared-account layer kept as the fallback under a rota of named people is no single point of failure. */
class SinglePersonRotationFallbackTest {

    private static final String TF = "pagerduty.tf";

    private static Layer layer(String name, int line, String... people) {
        return new Layer(name, List.of(List.of(people)), true, Instant.parse("2025-01-06T09:00:00Z"), null,
                Instant.parse("2025-01-06T09:00:00Z"), 7 * 86_400, List.of(), new Place(TF, line));
    }

    private static CheckResult run(Schedule... schedules) {
        Map<String, Person> people = Map.of("team", new Person("team", "Platform Team", true),
                "ann", new Person("ann", "Ann", false), "bob", new Person("bob", "Bob", false),
                "cid", new Person("cid", "Cid", false));
        OnCallFacts model = new OnCallFacts(List.of(TF), List.of(schedules), List.of(), List.of(), List.of(), people,
                List.of(), Instant.parse("2025-06-01T00:00:00Z"), "test", List.of());
        return CheckRunner.evaluate(new SinglePersonRotationCheck(),
                Facts.builder().put(OnCallFacts.class, model).build(),
                DefaultSettings.of("oncall-single-person-rotation"));
    }

    @Test
    void aFallbackLayerUnderARotaIsNotReportedButAScheduleOfOnePersonIs() {
        Schedule withFallback = new Schedule("P1", "Primary", "pagerduty", "UTC", List.of(
                layer("Primary rota", 10, "ann", "bob"), layer("Fallback", 20, "team")), true, false, null,
                new Place(TF, 5));
        Schedule alone = new Schedule("P2", "Database", "pagerduty", "UTC", List.of(layer("DBA", 40, "cid")), true,
                false, null, new Place(TF, 35));
        CheckResult r = run(withFallback, alone);
        assertThat(r.findings()).extracting(f -> f.subject()).containsExactly("P2/DBA");
        assertThat(r.summary()).isEqualTo("1 of 2 rotations have a single person or a shared account");
    }

    @Test
    void aFallbackBesideARosterComputedFromLocalsIsNotJudged() {
        // users = [for user in local.order : data.pagerduty_user.dso[user].id]: the rota is there, its members unknown
        Layer computed = new Layer("Primary Schedule", List.of(), false, Instant.parse("2025-01-06T09:00:00Z"), null,
                Instant.parse("2025-01-06T09:00:00Z"), 86_400, List.of(), new Place(TF, 30));
        Schedule s = new Schedule("P3", "Concierge", "pagerduty", "UTC", List.of(layer("Fallback layer", 20, "team"),
                computed), true, false, null, new Place(TF, 15));
        CheckResult r = run(s);
        assertThat(r.findings()).isEmpty();
    }
}
