package io.github.devopsassess.facts.oncall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who can be reached, hour by hour, over one representative week, for one service (or, when no service names it, one
 * escalation policy). The site draws it as a 7 × 24 grid.
 *
 * @param subject the service id (or {@code policy:<id>})
 * @param name display name
 * @param policyId the escalation policy followed
 * @param timeZone the zone the grid is drawn in (the first schedule's zone, else UTC)
 * @param weekStart the Monday the week starts on, in {@code timeZone}
 * @param hours 7 rows (Monday first) of 24 hours
 * @param place where the service (or policy) is defined
 */
public record WeeklyCoverage(String subject, String name, String policyId, String timeZone, LocalDate weekStart,
        List<List<CoverageState>> hours, Place place) {

    public WeeklyCoverage {
        hours = hours.stream().map(List::copyOf).toList();
    }

    public int count(CoverageState state) {
        return (int) hours.stream().flatMap(List::stream).filter(s -> s == state).count();
    }

    /** "Mon 00:00–08:00, Sat 20:00–24:00": the runs of hours in the given state, for messages. */
    public List<String> ranges(CoverageState state) {
        List<String> out = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            List<CoverageState> day = hours.get(d);
            int h = 0;
            while (h < 24) {
                if (day.get(h) != state) {
                    h++;
                    continue;
                }
                int from = h;
                while (h < 24 && day.get(h) == state) {
                    h++;
                }
                out.add(dayName(d) + " " + hh(from) + "–" + hh(h));
            }
        }
        return out;
    }

    /** One line per day ("Mon CCCCSSSSGGGG…"), readable without colour. */
    public String asText() {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < 7; d++) {
            sb.append(dayName(d)).append(' ');
            hours.get(d).forEach(s -> sb.append(s.letter()));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String dayName(int d) {
        String n = DayOfWeek.of(d + 1).name();
        return n.charAt(0) + n.substring(1, 3).toLowerCase(Locale.ROOT);
    }

    private static String hh(int h) {
        return (h < 10 ? "0" : "") + h + ":00";
    }
}
