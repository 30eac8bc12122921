package io.github.devopsassess.model;

import java.util.Locale;

/** How bad a finding is. Ordered from least to most severe so that {@code compareTo} ranks them. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case id used in rubrics, JSON and parameters. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** One step less severe; used for "warn" thresholds of a check whose "fail" severity is this one. */
    public Severity lower() {
        return this == INFO ? INFO : values()[ordinal() - 1];
    }

    /** Parses an id ("high") or a name ("HIGH"); {@code null} when it is neither. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }
}
