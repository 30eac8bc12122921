package io.github.devopsassess.model;

import io.github.devopsassess.mask.SecretMask;

/**
 * Where a finding can be seen. Any part may be absent: a file finding has a path and lines, a history finding
 * a commit, an on-call finding a subject such as a schedule id.
 *
 * @param path repository-relative path with forward slashes, or {@code null}
 * @param startLine first line (1-based), or {@code null}
 * @param endLine last line (1-based), or {@code null}
 * @param commit full commit id, or {@code null}
 * @param note a short human description of what is at that place, or {@code null}
 */
public record Evidence(String path, Integer startLine, Integer endLine, String commit, String note) {

    /** The note may quote a repository's line or a commit message: its secret values are masked here. */
    public Evidence {
        note = SecretMask.text(note);
    }

    public static Evidence file(String path) {
        return new Evidence(path, null, null, null, null);
    }

    public static Evidence line(String path, int line) {
        return new Evidence(path, line, line, null, null);
    }

    public static Evidence lines(String path, int start, int end) {
        return new Evidence(path, start, end, null, null);
    }

    public static Evidence commit(String commitId, String note) {
        return new Evidence(null, null, null, commitId, note);
    }

    public static Evidence note(String note) {
        return new Evidence(null, null, null, null, note);
    }

    public Evidence withNote(String text) {
        return new Evidence(path, startLine, endLine, commit, text);
    }

    /** "path:12-14", "path:12", "path", "commit abc1234" or the note, for logs and messages. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        if (path != null) {
            sb.append(path);
            if (startLine != null) {
                sb.append(':').append(startLine);
                if (endLine != null && !endLine.equals(startLine)) {
                    sb.append('-').append(endLine);
                }
            }
        }
        if (commit != null) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append("commit ").append(commit, 0, Math.min(12, commit.length()));
        }
        if (note != null) {
            if (sb.length() > 0) {
                sb.append(" — ");
            }
            sb.append(note);
        }
        return sb.toString();
    }
}
