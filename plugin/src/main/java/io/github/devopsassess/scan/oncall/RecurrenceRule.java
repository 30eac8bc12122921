package io.github.devopsassess.scan.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The part of an RFC 5545 {@code RRULE} that an on-call week can be drawn from: {@code FREQ=DAILY} or
 * {@code FREQ=WEEKLY}, with {@code INTERVAL}, {@code BYDAY} (plain weekdays) and {@code UNTIL}. Everything else
 * ({@code COUNT}, {@code BYMONTHDAY}, {@code BYSETPOS}, other frequencies, {@code EXDATE}/{@code RDATE} lists) changes
 * which days are on call in ways a representative week cannot show, so it is refused with a reason rather than
 * approximated.
 *
 * @param weekly true for {@code FREQ=WEEKLY}, false for {@code FREQ=DAILY}
 * @param interval every how many days or weeks the rule fires (1 or more)
 * @param days the weekdays of {@code BYDAY}; empty means "the weekday of the first occurrence" (weekly) or "every
 *     day" (daily)
 * @param until the last moment an occurrence may start, or {@code null}
 */
record RecurrenceRule(boolean weekly, int interval, Set<DayOfWeek> days, Instant until) {

    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    /** Parts that do not change which days of a week are on call. */
    private static final Set<String> HARMLESS = Set.of("WKST");

    RecurrenceRule {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** The rule, or the reason it cannot be modelled. */
    record Parsed(RecurrenceRule rule, String refusal) {
    }

    /**
     * Reads the {@code recurrence} list of an event: exactly one {@code RRULE:} entry and nothing else.
     *
     * @param zone the schedule's zone, for an {@code UNTIL} written in local time
     */
    static Parsed parse(List<String> entries, ZoneId zone) {
        List<String> rules = new ArrayList<>();
        for (String e : entries) {
            String upper = e.trim().toUpperCase(Locale.ROOT);
            if (upper.startsWith("RRULE:")) {
                rules.add(upper.substring("RRULE:".length()));
            } else if (upper.startsWith("EXDATE") || upper.startsWith("RDATE")) {
                return refuse("'" + e.trim() + "' adds or removes single dates, which a representative week "
                        + "cannot show");
            } else {
                return refuse("'" + e.trim() + "' is not an RRULE");
            }
        }
        if (rules.size() != 1) {
            return refuse("expected exactly one RRULE, found " + rules.size());
        }
        return parseRule(rules.get(0), zone);
    }

    private static Parsed parseRule(String rule, ZoneId zone) {
        Boolean weekly = null;
        int interval = 1;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Instant until = null;
        for (String part : rule.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                return refuse("RRULE part '" + part + "' has no value");
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "FREQ" -> {
                    if (!value.equals("DAILY") && !value.equals("WEEKLY")) {
                        return refuse("RRULE FREQ=" + value + " is not modelled (only DAILY and WEEKLY)");
                    }
                    weekly = value.equals("WEEKLY");
                }
                case "INTERVAL" -> {
                    try {
                        interval = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        interval = 0;
                    }
                    if (interval < 1) {
                        return refuse("RRULE INTERVAL=" + value + " is not a positive number");
                    }
                }
                case "BYDAY" -> {
                    for (String d : value.split(",")) {
                        DayOfWeek day = DAYS.get(d.trim());
                        if (day == null) {
                            return refuse("RRULE BYDAY=" + value + " names '" + d.trim()
                                    + "', not a plain weekday");
                        }
                        days.add(day);
                    }
                }
                case "UNTIL" -> {
                    until = until(value, zone);
                    if (until == null) {
                        return refuse("RRULE UNTIL=" + value + " is not a date");
                    }
                }
                default -> {
                    if (!HARMLESS.contains(key)) {
                        return refuse("RRULE " + key + " is not modelled");
                    }
                }
            }
        }
        if (weekly == null) {
            return refuse("RRULE has no FREQ");
        }
        return new Parsed(new RecurrenceRule(weekly, interval, days, until), null);
    }

    private static Instant until(String value, ZoneId zone) {
        try {
            if (value.length() == 8) {
                // a date-only UNTIL includes that whole day
                return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).plusDays(1).atStartOfDay(zone)
                        .toInstant();
            }
            boolean utc = value.endsWith("Z");
            LocalDateTime local = LocalDateTime.parse(utc ? value.substring(0, value.length() - 1) : value,
                    DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
            return (utc ? local.atZone(java.time.ZoneOffset.UTC) : local.atZone(zone)).toInstant().plusSeconds(1);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Parsed refuse(String reason) {
        return new Parsed(null, reason);
    }

    /** Length of the rule's period: INTERVAL days or weeks. */
    long periodSeconds() {
        return (weekly ? 7L : 1L) * 86400L * interval;
    }

    /** Length of the unit the INTERVAL counts: one day or one week. */
    long unitSeconds() {
        return (weekly ? 7L : 1L) * 86400L;
    }
}
