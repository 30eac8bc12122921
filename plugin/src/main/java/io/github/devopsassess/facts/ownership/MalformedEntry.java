package io.github.devopsassess.facts.ownership;

/**
 * A CODEOWNERS line the platform would skip or misread, such as an owner without {@code @} or a comma-joined list.
 *
 * @param line 1-based line
 * @param text the offending token or line
 * @param reason what is wrong, in words a reader understands
 */
public record MalformedEntry(int line, String text, String reason) {
}
