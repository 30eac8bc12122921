package io.github.devopsassess.facts.postmortem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a postmortem section is about, recognised from its heading through a synonym map, because every template
 * names the same sections differently (PagerDuty "Contributing Factors", Google SRE "Root Causes", dfds "Stats").
 */
public enum SectionKind {
    SUMMARY, IMPACT, CAUSE, RESOLUTION, DETECTION, TIMELINE, ACTION_ITEMS, LESSONS, OTHER;

    /**
     * Heading phrases, normalised (lower case, letters and spaces only), in the order they are tried: more specific
     * phrases first, so "root cause" wins over "cause" and "what went wrong" over "what".
     */
    private static final Map<String, SectionKind> SYNONYMS = synonyms();

    private static Map<String, SectionKind> synonyms() {
        Map<String, SectionKind> m = new LinkedHashMap<>();
        for (String s : new String[] {"action items", "action item", "follow ups", "followups", "follow up",
                "corrective actions", "corrective action", "remediation", "next steps", "preventive actions",
                "todo"}) {
            m.put(s, ACTION_ITEMS);
        }
        for (String s : new String[] {"lessons learned", "lessons learnt", "lessons", "what went well",
                "what went wrong", "what didnt go so well", "what did not go so well", "what didnt go well",
                "where we got lucky", "how d we do", "howd we do", "learnings", "takeaways"}) {
            m.put(s, LESSONS);
        }
        for (String s : new String[] {"root causes", "root cause", "contributing factors", "contributing factor",
                "causes", "cause", "trigger", "why did it happen"}) {
            m.put(s, CAUSE);
        }
        for (String s : new String[] {"timeline", "chronology", "sequence of events"}) {
            m.put(s, TIMELINE);
        }
        for (String s : new String[] {"detection", "how was it detected"}) {
            m.put(s, DETECTION);
        }
        for (String s : new String[] {"resolution", "mitigation", "recovery", "remedy"}) {
            m.put(s, RESOLUTION);
        }
        for (String s : new String[] {"impact", "customer impact", "business impact"}) {
            m.put(s, IMPACT);
        }
        for (String s : new String[] {"summary", "overview", "what happened", "executive summary", "description",
                "incident summary"}) {
            m.put(s, SUMMARY);
        }
        return m;
    }

    /** The kind of section a heading introduces, or {@link #OTHER}. */
    public static SectionKind of(String heading) {
        String h = normalise(heading);
        if (h.isEmpty()) {
            return OTHER;
        }
        for (Map.Entry<String, SectionKind> e : SYNONYMS.entrySet()) {
            if (h.equals(e.getKey()) || h.startsWith(e.getKey() + " ") || h.endsWith(" " + e.getKey())
                    || h.contains(" " + e.getKey() + " ")) {
                return e.getValue();
            }
        }
        return OTHER;
    }

    public static String normalise(String heading) {
        return heading.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "").replace('-', ' ')
                .replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").trim();
    }

    /** "Action items", for messages. */
    public String label() {
        String s = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
