package io.github.devopsassess.facts.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CoverageCalculatorTest {

    private static final Place HERE = new Place("oncall.yaml", 1);

    private static Layer layer(String name, List<String> people, Instant start, Instant end, long turn,
            List<Restriction> restrictions) {
        return new Layer(name, people.stream().map(List::of).toList(), true, start, end, start, turn, restrictions,
                HERE);
    }

    private static OnCallFacts model(Instant reference, List<Schedule> schedules, List<String> levels) {
        List<EscalationLevel> ls = levels.stream().map(id -> new EscalationLevel(5,
                List.of(new Target(Target.Kind.SCHEDULE, id, HERE)), HERE)).toList();
        EscalationPolicy p = new EscalationPolicy("policy", "Policy", "oncall-yaml", ls, 0, 0, null, HERE);
        Service s = new Service("svc", "Service", "oncall-yaml", "policy", false, false, true, HERE);
        return new OnCallFacts(List.of(), schedules, List.of(p), List.of(s), List.of(), Map.of(), List.of(),
                reference, "test", List.of());
    }

    private static Schedule schedule(String id, String zone, Layer... layers) {
        return new Schedule(id, id, "oncall-yaml", zone, List.of(layers), true, false, null, HERE);
    }

    @Test
    void aPolicyWithoutReadableLevelsIsUnknownNotAWeekWithNobody() {
        // data "pagerduty_escalation_policy" "dba" { name = "DBA Support" }: the service's policy is looked up by name
        OnCallFacts m = model(Instant.parse("2024-05-15T12:00:00Z"), List.of(), List.of());
        assertThat(m.policies()).singleElement().satisfies(p -> assertThat(p.levels()).isEmpty());
        assertThat(CoverageCalculator.compute(m)).isEmpty();
    }

    @Test
    void weekdayOfficeHoursInTheScheduleZoneLeaveNightsAndWeekendsAsGaps() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        Layer office = layer("office", List.of("a", "b"), start, null, 604800, List.of(
                new Restriction(null, LocalTime.of(8, 0), 10 * 3600)));
        OnCallFacts m = model(Instant.parse("2024-05-15T12:00:00Z"), List.of(schedule("p", "Asia/Tokyo", office),
                schedule("s", "Asia/Tokyo", layer("backup", List.of("c"), start, null, 604800, List.of()))),
                List.of("p"));

        WeeklyCoverage week = CoverageCalculator.compute(m).get(0);

        assertThat(week.timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(week.weekStart()).hasToString("2024-05-13");
        // one rotation of one person at a time: office hours are single-person, the rest nobody
        assertThat(week.count(CoverageState.SINGLE)).isEqualTo(7 * 10);
        assertThat(week.count(CoverageState.GAP)).isEqualTo(7 * 14);
        assertThat(week.ranges(CoverageState.GAP)).startsWith("Mon 00:00–08:00", "Mon 18:00–24:00");
    }

    @Test
    void aSecondLevelWithOtherPeopleMakesHoursCoveredAndWeeklyRestrictionsWrapOverTheWeekend() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        // Friday 18:00 for 63 hours: the weekend until Monday 09:00
        Layer weekend = layer("weekend", List.of("a"), start, null, 604800, List.of(
                new Restriction(DayOfWeek.FRIDAY, LocalTime.of(18, 0), 63 * 3600)));
        Layer always = layer("always", List.of("b"), start, null, 604800, List.of());
        OnCallFacts m = model(Instant.parse("2024-05-15T12:00:00Z"), List.of(schedule("p", "UTC", weekend),
                schedule("s", "UTC", always)), List.of("p", "s"));

        WeeklyCoverage week = CoverageCalculator.compute(m).get(0);

        assertThat(week.ranges(CoverageState.COVERED)).containsExactly("Mon 00:00–09:00", "Fri 18:00–24:00",
                "Sat 00:00–24:00", "Sun 00:00–24:00");
        assertThat(week.count(CoverageState.GAP)).isZero();
    }

    @Test
    void layersThatEndedBeforeTheReferenceAndLayersNotYetStartedAreGaps() {
        Layer ended = layer("ended", List.of("a", "b"), Instant.parse("2023-01-01T00:00:00Z"),
                Instant.parse("2024-05-15T00:00:00Z"), 604800, List.of()); // ends on Wednesday of the week
        OnCallFacts m = model(Instant.parse("2024-05-16T12:00:00Z"), List.of(schedule("p", "UTC", ended)),
                List.of("p"));

        WeeklyCoverage week = CoverageCalculator.compute(m).get(0);

        assertThat(week.ranges(CoverageState.GAP)).containsExactly("Wed 00:00–24:00", "Thu 00:00–24:00",
                "Fri 00:00–24:00", "Sat 00:00–24:00", "Sun 00:00–24:00");
    }

    @Test
    void restrictionsKeepWallClockHoursAcrossTheDaylightSavingChange() {
        // Europe/Berlin moves from CET to CEST on Sunday 2024-03-31 at 02:00; a 20:00–08:00 night window must
        // still start at 20:00 and end at 08:00 local time on both sides of the change
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        Layer nights = layer("nights", List.of("a"), start, null, 604800, List.of(
                new Restriction(null, LocalTime.of(20, 0), 12 * 3600)));
        OnCallFacts m = model(Instant.parse("2024-03-28T12:00:00Z"), List.of(schedule("p", "Europe/Berlin",
                nights)), List.of("p"));

        WeeklyCoverage week = CoverageCalculator.compute(m).get(0);

        assertThat(week.weekStart()).hasToString("2024-03-25");
        assertThat(week.ranges(CoverageState.GAP)).contains("Sat 08:00–20:00", "Sun 08:00–20:00");
        assertThat(week.hours().get(6).subList(0, 8)).containsOnly(CoverageState.SINGLE);
        assertThat(week.hours().get(6).subList(20, 24)).containsOnly(CoverageState.SINGLE);
        assertThat(week.count(CoverageState.GAP)).isEqualTo(7 * 12);
    }

    @Test
    void anUnreadableRosterIsUnknownNotAGap() {
        Layer hidden = new Layer("hidden", List.of(), false, null, null, null, 0, List.of(), HERE);
        OnCallFacts m = model(null, List.of(schedule("p", null, hidden)), List.of("p"));

        WeeklyCoverage week = CoverageCalculator.compute(m).get(0);

        assertThat(week.count(CoverageState.UNKNOWN)).isEqualTo(168);
        assertThat(week.timeZone()).isEqualTo("UTC");
    }
}
