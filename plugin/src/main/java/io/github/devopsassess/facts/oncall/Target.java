package io.github.devopsassess.facts.oncall;

/**
 * Who an escalation level pages.
 *
 * @param kind what the reference points at
 * @param ref schedule id, person id or team id; {@code null} when unknown
 * @param place where it is written
 */
public record Target(Kind kind, String ref, Place place) {

    /** The kinds of escalation target. */
    public enum Kind { SCHEDULE, USER, TEAM, UNKNOWN }
}
