package io.github.devopsassess.model;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Since when a finding has been true: the commit that introduced the line its evidence points at, from the
 * repository's history. The date is the commit's date in UTC, so the same history gives the same text everywhere.
 *
 * @param date ISO-8601 date (UTC) of the commit, such as {@code 2023-04-02}
 * @param commit full id of the commit
 */
public record Since(String date, String commit) {

    /** The commit's date in UTC from its time in epoch seconds. */
    public static Since of(String commit, long commitTime) {
        return new Since(Instant.ofEpochSecond(commitTime).atZone(ZoneOffset.UTC).toLocalDate().toString(), commit);
    }

    /** The first seven hex digits of the commit, as git shows it. */
    public String shortCommit() {
        return commit == null ? "" : commit.substring(0, Math.min(7, commit.length()));
    }

    /** "since 2023-04-02 (abc1234)". */
    public String label() {
        return "since " + date + " (" + shortCommit() + ")";
    }
}
