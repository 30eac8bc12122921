package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.oncall.CoverageCalculator;
import io.github.devopsassess.facts.oncall.CoverageState;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Restriction;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.WeeklyCoverage;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.oncall.SinglePersonRotationCheck;
import io.github.devopsassess.check.oncall.TurnLengthCheck;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pagerduty_schedulev2}: rotations of events with RRULE recurrence read into layers. */
class OnCallScheduleV2Test {

    private static CheckResult run(Check check, Facts facts) throws Exception {
        Rubric rubric = new RubricLoader(OnCallScheduleV2Test.class.getClassLoader())
                .loadDefault();
        return CheckRunner.evaluate(check, facts, new CheckSettings(rubric.checks().get(check.id())));
    }

    private static WeeklyCoverage week(OnCallFacts model, String subject) {
        return CoverageCalculator.compute(model).stream().filter(w -> w.subject().equals(subject)).findFirst()
                .orElseThrow();
    }

    @Test
    void weekdayBusinessHoursEventBecomesARotatingLayerWithWeekdayHours(@TempDir Path dir) {
        OnCallFacts model = OnCallFixtures.model(OnCallFixtures.scan("pagerduty-schedulev2", dir));

        Schedule business = model.schedule("pagerduty_schedulev2.business").orElseThrow();
        assertThat(business.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(business.place()).isEqualTo(new Place("oncall.tf", 11));
        assertThat(business.layersKnown()).isTrue();
        assertThat(business.overlay()).isFalse();
        Layer office = business.layers().get(0);
        assertThat(office.name()).isEqualTo("Weekday office");
        assertThat(office.place().line()).isEqualTo(17);
        assertThat(office.people()).containsExactly("pagerduty_user.dana", "pagerduty_user.eli");
        assertThat(office.turnSeconds()).isEqualTo(2 * 7 * 86400L); // 2 shifts per member x one week
        // 08:00Z in January is 09:00 in Berlin; eight hours on each weekday
        assertThat(office.restrictions()).extracting(Restriction::day).containsExactly(DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(office.restrictions()).allSatisfy(r -> {
            assertThat(r.start()).hasToString("09:00");
            assertThat(r.durationSeconds()).isEqualTo(8 * 3600L);
        });
    }

    @Test
    void coverageOfWeekdayBusinessHoursShowsNightsAndWeekendsAsGaps(@TempDir Path dir) {
        OnCallFacts model = OnCallFixtures.model(OnCallFixtures.scan("pagerduty-schedulev2", dir));

        WeeklyCoverage week = week(model, "pagerduty_service.payments");

        assertThat(week.timeZone()).isEqualTo("Europe/Berlin");
        // one member at a time during office hours, nobody otherwise
        assertThat(week.count(CoverageState.SINGLE)).isEqualTo(5 * 8);
        assertThat(week.count(CoverageState.GAP)).isEqualTo(7 * 24 - 5 * 8);
        assertThat(week.ranges(CoverageState.GAP)).startsWith("Mon 00:00–09:00", "Mon 17:00–24:00")
                .contains("Sat 00:00–24:00", "Sun 00:00–24:00");
    }

    @Test
    void aSingleMemberRotationIsASinglePersonRotation(@TempDir Path dir) throws Exception {
        Facts facts = OnCallFixtures.scan("pagerduty-schedulev2", dir);
        Layer nights = OnCallFixtures.model(facts).schedule("pagerduty_schedulev2.solo").orElseThrow().layers()
                .get(0);
        assertThat(nights.people()).containsExactly("pagerduty_user.dana");
        assertThat(nights.restrictions()).singleElement().satisfies(r -> {
            assertThat(r.day()).isNull(); // FREQ=DAILY without BYDAY: every day
            assertThat(r.start()).hasToString("20:00");
            assertThat(r.durationSeconds()).isEqualTo(12 * 3600L);
        });

        assertThat(run(new SinglePersonRotationCheck(), facts).findings()).extracting(Finding::subject)
                .containsExactly("pagerduty_schedulev2.solo/Every night");
        assertThat(run(new TurnLengthCheck(), facts).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anUnsupportedRruleIsAProblemOnItsLineAndUnknownCoverage(@TempDir Path dir) {
        Facts facts = OnCallFixtures.scan("pagerduty-schedulev2", dir);
        OnCallFacts model = OnCallFixtures.model(facts);

        assertThat(facts.problems()).extracting(ParseProblem::label).containsExactly(
                "oncall.tf:77: event 'First of the month' of pagerduty_schedulev2 'pagerduty_schedulev2.monthly': "
                        + "RRULE FREQ=MONTHLY is not modelled (only DAILY and WEEKLY); its coverage is unknown");
        Schedule monthly = model.schedule("pagerduty_schedulev2.monthly").orElseThrow();
        assertThat(monthly.layersKnown()).isFalse();
        assertThat(monthly.layers().get(0).people()).containsExactly("pagerduty_user.dana", "pagerduty_user.eli");
        WeeklyCoverage week = week(model, "pagerduty_service.close");
        assertThat(week.count(CoverageState.UNKNOWN)).isEqualTo(7 * 24);
    }

    @Test
    void rruleReaderAcceptsDailyAndWeeklyWithIntervalAndRefusesTheRest() {
        ZoneId utc = ZoneId.of("UTC");
        RecurrenceRule weekly = RecurrenceRule.parse(List.of("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU;WKST=MO"),
                utc).rule();
        assertThat(weekly.weekly()).isTrue();
        assertThat(weekly.interval()).isEqualTo(2);
        assertThat(weekly.days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(RecurrenceRule.parse(List.of("RRULE:FREQ=DAILY;UNTIL=20240131T000000Z"), utc).rule().until())
                .hasToString("2024-01-31T00:00:01Z");
        assertThat(RecurrenceRule.parse(List.of("RRULE:FREQ=DAILY;COUNT=5"), utc).refusal())
                .isEqualTo("RRULE COUNT is not modelled");
        assertThat(RecurrenceRule.parse(List.of("RRULE:FREQ=WEEKLY;BYMONTHDAY=1"), utc).refusal())
                .isEqualTo("RRULE BYMONTHDAY is not modelled");
        assertThat(RecurrenceRule.parse(List.of("RRULE:FREQ=WEEKLY;BYDAY=1MO"), utc).refusal())
                .contains("not a plain weekday");
        assertThat(RecurrenceRule.parse(List.of("RRULE:FREQ=DAILY", "EXDATE:20240101T000000Z"), utc).refusal())
                .contains("single dates");
    }

    @Test
    void everyOtherWeekAlternatesOnWeeksWithEmptyTurns() {
        ZoneId utc = ZoneId.of("UTC");
        Layer layer = new Layer("x", List.of(), true, null, null, null, 0, List.of(), new Place("a.tf", 1));
        assertThat(layer.people()).isEmpty();
        RecurrenceRule rule = RecurrenceRule.parse(List.of("RRULE:FREQ=WEEKLY;INTERVAL=2"), utc).rule();
        assertThat(rule.unitSeconds()).isEqualTo(7 * 86400L);
        assertThat(rule.periodSeconds()).isEqualTo(14 * 86400L);
    }
}
