package io.github.devopsassess.scan.postmortem;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small recognisers for what postmortems write in free text: dates, times, durations, severities, issue keys. */
final class TextPatterns {

    private TextPatterns() {
    }

    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?i)\\b([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Pattern TIME = Pattern.compile("(?<![\\d:])([01]?\\d|2[0-3]):([0-5]\\d)(?::[0-5]\\d)?(?![\\d])");
    private static final Pattern SEVERITY = Pattern.compile("(?i)\\b(sev|severity|p)[\\s-]?([0-5])\\b");
    private static final Pattern DURATION_PART = Pattern.compile(
            "(?i)(\\d+(?:[.,]\\d+)?)\\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\\b");
    private static final Pattern CLOCK_DURATION = Pattern.compile("^(\\d{1,3}):([0-5]\\d)$");
    private static final Pattern ISSUE_KEY = Pattern.compile("\\b([A-Z][A-Z0-9]{1,9})-(\\d+)\\b");
    private static final Pattern ISSUE_NUMBER = Pattern.compile("(?<![\\w&/])#(\\d+)\\b");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>)\\]|]+");
    /** Prefixes that look like issue keys but are not: severities, encodings, standards, postmortem ids. */
    private static final Set<String> NOT_ISSUE_PREFIXES = Set.of("SEV", "UTF", "ISO", "RFC", "TLS", "SHA", "HTTP",
            "EKS", "AWS", "GCP", "ARM", "X86");

    /** The first calendar date in the text: ISO {@code 2025-03-04}, "4 March 2025" or "March 4, 2025". */
    static Optional<LocalDate> date(String text) {
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.find()) {
            Optional<LocalDate> d = safeDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
            if (d.isPresent()) {
                return d;
            }
        }
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        if (dmy.find()) {
            Integer month = month(dmy.group(2));
            if (month != null) {
                return safeDate(Integer.parseInt(dmy.group(3)), month, Integer.parseInt(dmy.group(1)));
            }
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(text);
        if (mdy.find()) {
            Integer month = month(mdy.group(1));
            if (month != null) {
                return safeDate(Integer.parseInt(mdy.group(3)), month, Integer.parseInt(mdy.group(2)));
            }
        }
        return Optional.empty();
    }

    private static Integer month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.length() < 3 ? null : MONTHS.get(n.substring(0, 3));
    }

    private static Optional<LocalDate> safeDate(int year, int month, int day) {
        try {
            return year < 1970 || year > 2200 ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The first clock time ({@code 11:25}, {@code 09:04:33}) in the text. */
    static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(text);
        return m.find() ? Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** "SEV1" for SEV-1, Sev 1, sev1, severity 1; "P1" for P1 or p-1. */
    static Optional<String> severity(String text) {
        Matcher m = SEVERITY.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String kind = m.group(1).toLowerCase(Locale.ROOT);
        return Optional.of((kind.equals("p") ? "P" : "SEV") + m.group(2));
    }

    /**
     * Minutes in a written duration: "1415 minutes", "53 min", "2h 30m", "1.5 hours", "2 days", "01:30". A bare
     * number counts as minutes, as in the dfds "Stats" block. {@code null} when nothing can be read.
     */
    static Integer minutes(String text) {
        String t = text.strip();
        Matcher clock = CLOCK_DURATION.matcher(t);
        if (clock.matches()) {
            return Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2));
        }
        Matcher m = DURATION_PART.matcher(t);
        double total = 0;
        boolean any = false;
        while (m.find()) {
            double value = Double.parseDouble(m.group(1).replace(',', '.'));
            char unit = Character.toLowerCase(m.group(2).charAt(0));
            total += switch (unit) {
                case 'd' -> value * 1440;
                case 'h' -> value * 60;
                case 's' -> value / 60;
                default -> value;
            };
            any = true;
        }
        if (any) {
            return (int) Math.round(total);
        }
        Matcher bare = Pattern.compile("^(\\d+)\\b").matcher(t);
        return bare.find() ? Integer.valueOf(bare.group(1)) : null;
    }

    /** An issue key ({@code OPS-123}), an issue number ({@code #123}) or a link, or {@code null}. */
    static String tracking(String text) {
        Matcher url = URL.matcher(text);
        if (url.find()) {
            return url.group();
        }
        Matcher key = ISSUE_KEY.matcher(text);
        while (key.find()) {
            String prefix = key.group(1);
            if (!NOT_ISSUE_PREFIXES.contains(prefix) && !prefix.matches("P\\d*|PM\\d*")) {
                return key.group();
            }
        }
        Matcher number = ISSUE_NUMBER.matcher(text);
        return number.find() ? number.group() : null;
    }
}
