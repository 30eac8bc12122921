package io.github.devopsassess.facts.oncall;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A window of the schedule's local time in which a layer is on call.
 *
 * @param day the weekday the window starts on, or {@code null} for a window that repeats every day
 * @param start local start time
 * @param durationSeconds length of the window (may run past midnight)
 */
public record Restriction(DayOfWeek day, LocalTime start, long durationSeconds) {
}
