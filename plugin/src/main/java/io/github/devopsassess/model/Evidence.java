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
 * @param page 1-based page of a paged document (a PDF postmortem), or {@code null}; a PDF has no lines a reader can
 *     find, so evidence in one names the page instead of lines
 */
public record Evidence(String path, Integer startLine, Integer endLine, String commit, String note, Integer page) {

    /** The note may quote a repository's line or a commit message: its secret values are masked here. */
    public Evidence {
        note = SecretMask.text(note);
    }

    /** Evidence in a file of lines, a commit or a subject: no page. */
    public Evidence(String path, Integer startLine, Integer endLine, String commit, String note) {
        this(path, startLine, endLine, commit, note, null);
    }

    /** A page of a paged document (a PDF): the lines of its extracted text are not lines a reader can find. */
    public static Evidence page(String path, int page, String note) {
        return new Evidence(path, null, null, null, note, page);
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
        return new Evidence(path, startLine, endLine, commit, text, page);
    }

    /** "path:12-14", "path:12", "path page 2", "path", "commit abc1234" or the note, for logs and messages. */
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
            if (page != null) {
                sb.append(" page ").append(page);
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
